import { expect, test } from "@playwright/test";
import { call, expectNoAxeViolations, query, secondPerson, signInAsAdmin, uniqueSuffix } from "./support";

const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString();

type Poll = { options: { id: string; name: string }[] };

test("an election for two seats: members rank the candidates, and once it closes everyone sees who is elected and every round", async ({ page, browser }) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await call<{ id: string }>(page.request, "group.create", { name: `Committee ${uniqueSuffix()}` });
  const warmUp = await call<{ id: string }>(page.request, "poll.create", { groupId: group.id, kind: "poll", title: "Warm-up", options: ["Yes", "No"], closingAt: inDays(7) });
  await page.goto(`/polls/${warmUp.id}`);
  await expect(page.getByTestId("live-indicator")).toHaveText("Live");

  await page.getByRole("button", { name: "New decision in this group" }).click();
  const dialog = page.getByRole("dialog", { name: "Start a decision" });
  await dialog.getByRole("button", { name: /Election \(single transferable vote\)/ }).click();
  await dialog.getByLabel("Title").fill("Who joins the steering group?");
  for (const [index, name] of ["Priya", "Tom", "Sam"].entries()) await dialog.getByRole("textbox", { name: `Option ${index + 1}` }).fill(name);
  await dialog.getByRole("button", { name: "Add an option" }).click();
  await dialog.getByRole("textbox", { name: "Option 4" }).fill("Lee");
  const seats = dialog.getByLabel("Seats to fill");
  await expect(seats).toHaveValue("2");
  await expect(dialog.getByLabel("Counting method")).toHaveValue("scottish_stv");
  await expect(dialog.getByText(/Scottish STV, as in Scotland's council elections/)).toBeVisible();

  // As many seats as candidates would elect everyone: the form says so and keeps what was typed.
  await seats.fill("4");
  await dialog.getByRole("button", { name: "Start the decision" }).click();
  await expect(dialog.getByRole("alert")).toContainText("An election for 4 seats needs more options than seats");
  await seats.fill("2");
  await expectNoAxeViolations(page, '[role="dialog"]');
  await dialog.getByRole("button", { name: "Start the decision" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Who joins the steering group?" })).toBeVisible();
  const pollId = new URL(page.url()).pathname.split("/").pop()!;
  await expect(page.getByTestId("counting-method")).toContainText("Electing 2 of 4 options. Counted by the Scottish STV method.");

  // The author ranks on the page: the options in the order shown.
  await page.getByRole("button", { name: "Vote", exact: true }).click();
  await expect(page.getByRole("list", { name: "Your choices" })).toHaveText("1. Priya2. Tom3. Sam4. Lee");

  // Four members rank some of the candidates. Priya's 3 first choices pass the quota of 2 and her
  // surplus moves on; Sam, then Lee, have the fewest votes; Tom takes the second seat.
  const { options } = await query<Poll>(page.request, "poll.byId", { id: pollId });
  const idOf = (name: string) => options.find((option) => option.name === name)!.id;
  for (const ranking of [["Priya", "Sam"], ["Priya", "Sam"], ["Tom"], ["Lee"]]) {
    const voter = await secondPerson(browser, page.request, group.id);
    await call(voter.context.request, "poll.vote", { pollId, choices: ranking.map((name, index) => ({ optionId: idOf(name), rank: index + 1 })) });
    await voter.context.close();
  }

  await page.reload();
  const results = page.getByTestId("poll-results");
  await expect(results.getByTestId("participation")).toHaveText(/^5 of 5 voted/);
  await expect(results.getByTestId("stv-headline")).toHaveText("If the poll closed now: Priya and Tom");
  await page.getByRole("button", { name: "Close now" }).click();
  await expect(results.getByTestId("stv-headline")).toHaveText("Elected: Priya and Tom");
  await expect(results.getByRole("list", { name: "Elected, in order of election" })).toHaveText("PriyaTom");

  const table = results.getByRole("table", { name: "Votes for each option, round by round" });
  await expect(table.getByRole("columnheader")).toHaveText(["Option", "Round 1", "Round 2", "Round 3"]);
  await expect(table.getByRole("row", { name: /^Priya/ })).toContainText("3Elected");
  await expect(table.getByRole("row", { name: /^Tom/ })).toHaveText("Tom11.33333+0.333331.33333Elected");
  await expect(table.getByRole("row", { name: /^Quota/ })).toHaveText("Quota222");
  const rounds = results.getByRole("list", { name: "What happened in each round" });
  await expect(rounds).toContainText("Round 2: Priya's surplus moved on to the next choices, each vote carrying 0.33333 of its value.");
  await expect(rounds).toContainText("Round 3: Sam's votes moved on to their next choices. Excluded, with the fewest votes: Lee. Elected as the only option left for the last seat: Tom.");

  // The outcome is drafted from the count.
  await page.getByRole("button", { name: "Write the outcome" }).click();
  await expect(page.getByLabel("Outcome")).toHaveValue("Elected (Scottish STV, 2 seats), in order of election: Priya and Tom.");
  await page.getByRole("button", { name: "Save outcome" }).click();
  await expect(page.getByTestId("poll-outcome")).toContainText("in order of election: Priya and Tom.");

  await page.setViewportSize({ width: 360, height: 800 });
  await expect(results.getByRole("group", { name: "Votes for each option, round by round" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expectNoAxeViolations(page);
});
