/** The texts bench:http writes and the comment render measurement shows: the same in every run. */
const PARAGRAPHS = [
  "I've read through the draft and I think the **timetable change** is the right call, but we should check with the bus company before we announce anything.",
  "Two things from the last meeting:\n\n- the hall is booked until 9 pm, not 10\n- the treasurer needs receipts by the *end of the month*",
  "> We could ask the council for a small grant\n\nThey opened a round last week: [community fund](https://example.org/fund). The deadline is tight.",
  "Agree with most of this. My worry is the volunteers' rota: we keep asking the same five people, and two of them have said they need a break in spring.",
  "Summary of the survey so far: 42 answers, most people want the cafe open on Saturday mornings, a few asked for an evening slot. Full numbers are in the resources folder.",
  "Could someone who was there write down what we agreed about the `parking` sign? I have three different versions in my notes.",
  "Happy to take this on. I'll draft a short letter to the residents this weekend and post it here for comments before it goes out.",
  "For the record, the insurance covers events in the hall but **not** the garden; if we move the market outside we need a day policy (about £40).",
];

export const TITLES = ["Hall booking for the spring events", "Volunteer rota", "Community fund application", "Minutes of the last meeting", "Parking signs", "Newsletter for March", "Garden insurance", "Cafe opening hours"];

export const paragraph = (index: number) => PARAGRAPHS[index % PARAGRAPHS.length]!;
/** One to three paragraphs, the same ones in every run. */
export const commentBody = (index: number) => Array.from({ length: 1 + (index % 3) }, (_, offset) => paragraph(index * 3 + offset)).join("\n\n");
