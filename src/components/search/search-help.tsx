/** The operators the server understands, each with an example; `in:` shows one of the person's own groups. */
export function SearchHelp({ groupHandle }: { groupHandle?: string }) {
  const operators = [
    { example: "@sam", meaning: "written by someone" },
    { example: `in:${groupHandle ?? "steering-group"}`, meaning: "in one group (its handle, as in its address)" },
    { example: "type:comment", meaning: "one kind of thing: thread, comment, poll, outcome, resource, meeting, document or member" },
    { example: "status:open", meaning: "threads and decisions that are open (or status:closed)" },
    { example: "after:2025-01-31", meaning: "written after a date (or before:)" },
    { example: "\"bike shed\"", meaning: "these words together, in this order" },
    { example: "-parking", meaning: "leave out what mentions a word" },
    { example: "order:best", meaning: "the closest matches first, rather than the newest" },
  ];
  return (
    <ul aria-label="Ways to narrow a search" className="flex flex-col gap-2">
      {operators.map(({ example, meaning }) => (
        <li key={example} className="flex flex-wrap items-baseline gap-x-3">
          <code className="rounded bg-ember-50 px-1.5 py-0.5 text-ember-800">{example}</code>
          <span className="text-muted">{meaning}</span>
        </li>
      ))}
    </ul>
  );
}
