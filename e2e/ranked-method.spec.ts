import { expect, test } from "@playwright/test";
import { call, expectNoAxeViolations, query, secondPerson, signInAsAdmin, uniqueSuffix } from "./support";

const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString();

type Poll = { options: { id: string; name: string }[] };

test("a ranked poll counted by instant-runoff leads with that method's winner, and fits a phone", async ({ page, browser }) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await call<{ id: string }>(page.request, "group.create", { name: `Venues ${uniqueSuffix()}` });
  const warmUp = await call<{ id: string }>(page.request, "poll.create", { groupId: group.id, kind: "poll", title: "Warm-up", options: ["Yes", "No"], closingAt: inDays(7) });
  await page.goto(`/polls/${warmUp.id}`);
  await expect(page.getByTestId("live-indicator")).toHaveText("Live");

  await page.getByRole("button", { name: "New decision in this group" }).click();
  const dialog = page.getByRole("dialog", { name: "Start a decision" });
  await dialog.getByRole("button", { name: /Ranked choice/ }).click();
  await dialog.getByLabel("Title").fill("Where do we hold the open meeting?");
  await dialog.getByRole("textbox", { name: "Option 1" }).fill("Central Library");
  await dialog.getByRole("textbox", { name: "Option 2" }).fill("Town hall");
  await dialog.getByRole("button", { name: "Add an option" }).click();
  await dialog.getByRole("textbox", { name: "Option 3" }).fill("Riverside cafe");
  const method = dialog.getByLabel("Counting method");
  await expect(method).toHaveValue("schulze");
  await method.selectOption({ label: "Instant-runoff" });
  await expect(dialog.getByText(/Instant-runoff drops the option with the fewest first choices/)).toBeVisible();
  await expect(dialog.getByText(/fixed once the poll is created/)).toBeVisible();
  await expectNoAxeViolations(page, '[role="dialog"]');
  await dialog.getByRole("button", { name: "Start the decision" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Where do we hold the open meeting?" })).toBeVisible();
  const pollId = new URL(page.url()).pathname.split("/").pop()!;
  // Said before anyone votes, so nobody is surprised by how the result is reached.
  await expect(page.getByTestId("counting-method")).toContainText("Counted by the instant-runoff method.");

  await page.getByRole("button", { name: "Vote", exact: true }).click();
  await expect(page.getByRole("list", { name: "Your choices" })).toHaveText("1. Central Library2. Town hall3. Riverside cafe");

  const { options } = await query<Poll>(page.request, "poll.byId", { id: pollId });
  const idOf = (name: string) => options.find((option) => option.name === name)!.id;
  for (const ranking of [
    ["Town hall", "Central Library", "Riverside cafe"],
    ["Town hall", "Riverside cafe", "Central Library"],
  ]) {
    const voter = await secondPerson(browser, page.request, group.id);
    await call(voter.context.request, "poll.vote", { pollId, choices: ranking.map((name, index) => ({ optionId: idOf(name), rank: index + 1 })) });
    await voter.context.close();
  }

  await page.reload();
  const results = page.getByTestId("poll-results");
  await expect(results.getByTestId("participation")).toHaveText(/^3 of 3 voted/);
  await expect(results.getByTestId("ranked-headline")).toHaveText("Winner under instant-runoff: Town hall");
  await expect(results.getByRole("table", { name: "Round 1" })).toContainText("Town hall wins");
  await expect(results.getByText("Winner under Schulze: Town hall")).toBeHidden();

  await results.getByText("Compare with other methods").click();
  await expect(results.getByText("Winner under Schulze: Town hall")).toBeVisible();
  await expect(results.getByText("Winner under Borda: Town hall")).toBeVisible();
  await expect(results.getByRole("table", { name: "Borda points, highest first" })).toBeVisible();
  const grid = results.getByRole("group", { name: "People who ranked the row's option above the column's" });
  await expect(grid.getByRole("row", { name: /^2\. Town hall/ })).toHaveText("2. Town hall2—3");

  await page.setViewportSize({ width: 360, height: 800 });
  await expect(grid).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expectNoAxeViolations(page);
});
