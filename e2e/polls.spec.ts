import { expect, test, type Page } from "@playwright/test";
import { ADMIN, call, expectNoAxeViolations, signInAsAdmin, uniqueSuffix } from "./support";

const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString();

async function newGroup(page: Page) {
  return call<{ id: string; handle: string; name: string }>(page.request, "group.create", { name: `Steering ${uniqueSuffix()}` });
}

async function newPoll(page: Page, groupId: string, poll: Record<string, unknown>) {
  const { id } = await call<{ id: string }>(page.request, "poll.create", { groupId, closingAt: inDays(7), ...poll });
  return id;
}

async function openPoll(page: Page, id: string, title: string) {
  await page.goto(`/polls/${id}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId("live-indicator")).toHaveText("Live");
}

const results = (page: Page) => page.getByTestId("poll-results");
/** A result bar whose label starts with `label` ("Agree" is not "Disagree"), or matches a pattern. */
const bar = (page: Page, label: string | RegExp) =>
  results(page)
    .getByRole("list", { name: /per option|per time/ })
    .getByRole("listitem")
    .filter({ hasText: typeof label === "string" ? new RegExp(`^${label}`) : label });

async function openNewDecision(page: Page) {
  await page.getByRole("button", { name: "New decision in this group" }).click();
  const dialog = page.getByRole("dialog", { name: "Start a decision" });
  await expect(dialog.getByRole("button", { name: /Consensus proposal/ })).toBeVisible();
  return dialog;
}

test("a consensus proposal from the dialog: vote with a reason, change it, close, outcome, export", async ({ page }) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await newGroup(page);
  const warmUp = await newPoll(page, group.id, { kind: "poll", title: "Warm-up", options: ["Yes", "No"] });
  await openPoll(page, warmUp, "Warm-up");

  const dialog = await openNewDecision(page);
  await expectNoAxeViolations(page, '[role="dialog"]');
  await dialog.getByRole("button", { name: /Consensus proposal/ }).click();
  await expect(dialog.getByRole("textbox", { name: "Option 4" })).toHaveValue("Block");
  await dialog.getByLabel("Title").fill("Adopt the new meeting rota");
  await dialog.getByLabel("Details (optional)").fill("Meet on **alternate Tuesdays**.");
  await expectNoAxeViolations(page, '[role="dialog"]');
  await dialog.getByRole("button", { name: "Start the decision" }).click();

  await expect(page).toHaveURL(/\/polls\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Adopt the new meeting rota" })).toBeVisible();
  await expect(page.locator("strong", { hasText: "alternate Tuesdays" })).toBeVisible();
  await expect(page.getByTestId("poll-status")).toHaveText(/Closes in (6|7) days/);
  await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: group.name })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("radio", { name: "Agree", exact: true }).check();
  await page.getByLabel("Your reason (optional)").fill("Tuesdays suit everyone");
  await page.getByRole("button", { name: "Vote", exact: true }).click();
  await expect(page.getByText("You voted", { exact: true })).toBeVisible();
  await expect(page.getByTestId("participation")).toHaveText("1 of 1 voted, 100%");
  await expect(bar(page, "Agree")).toContainText("1 vote, 100%");
  await expect(results(page).getByText("Tuesdays suit everyone")).toBeVisible();
  await expect(results(page).getByText(ADMIN.name)).toBeVisible();
  await expect(results(page)).toContainText("Everyone who can vote has voted.");
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Change vote" }).click();
  await expect(page.getByRole("radio", { name: "Agree", exact: true })).toBeChecked();
  await page.getByRole("radio", { name: "Abstain", exact: true }).check();
  await page.getByRole("button", { name: "Change vote" }).click();
  await expect(page.getByRole("list", { name: "Your choices" })).toHaveText("Abstain");
  await expect(bar(page, "Abstain")).toContainText("1 vote, 100%");
  await expect(bar(page, "Agree")).toContainText("0 votes, 0%");

  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveCount(0);
  await page.getByRole("button", { name: "Close now" }).click();
  await expect(page.getByTestId("poll-status")).toHaveText(/^Closed /);
  await page.getByRole("button", { name: "Write the outcome" }).click();
  await page.getByLabel("Outcome", { exact: true }).fill("We meet on alternate Tuesdays from January.");
  await page.getByLabel("Chosen option (optional)").selectOption({ label: "Agree" });
  await page.getByLabel("Review on (optional)").fill("2031-03-01");
  await page.getByRole("button", { name: "Save outcome" }).click();
  const outcome = page.getByTestId("poll-outcome");
  await expect(outcome).toContainText("We meet on alternate Tuesdays from January.");
  await expect(outcome).toContainText("Chosen option: Agree");
  await expect(outcome).toContainText("1 Mar 2031");
  // The outcome comes before the ballot and the results.
  const outcomeBox = await outcome.boundingBox();
  const resultsBox = await results(page).boundingBox();
  expect(outcomeBox!.y).toBeLessThan(resultsBox!.y);
  await expectNoAxeViolations(page);

  const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  const csv = await page.request.get(href!);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text).toContain("voter,Agree,Abstain,Disagree,Block,reason");
  expect(text).toContain(`${ADMIN.name},,1,,,Tuesdays suit everyone`);
});

test("ranked choice: rank with the move buttons; Schulze leads, and instant runoff and Borda agree", async ({ page }) => {
  test.slow();
  await page.setViewportSize({ width: 360, height: 800 });
  await signInAsAdmin(page);
  const group = await newGroup(page);
  const id = await newPoll(page, group.id, { kind: "ranked_choice", title: "Where is the retreat?", options: ["Sea", "Hills", "Forest"] });
  await openPoll(page, id, "Where is the retreat?");

  const ranking = page.getByRole("group", { name: "Your ranking" }).getByRole("listitem");
  await expect(ranking).toHaveText(["1Sea", "2Hills", "3Forest"]);
  await page.getByRole("button", { name: "Move Forest up" }).click();
  await expect(page.getByRole("button", { name: "Move Forest up" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(ranking).toHaveText(["1Forest", "2Sea", "3Hills"]);
  // At the top the up button is disabled, so focus moves to the down button of the same option.
  await expect(page.getByRole("button", { name: "Move Forest down" })).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: "Forest is now 1 of 3." })).toBeAttached();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Vote", exact: true }).click();

  await expect(page.getByRole("list", { name: "Your choices" })).toHaveText("1. Forest2. Sea3. Hills");
  await expect(page.getByTestId("counting-method")).toContainText("Counted by the Schulze method.");
  await expect(results(page).getByTestId("ranked-headline")).toHaveText("Winner under Schulze: Forest");
  const pairwise = results(page).getByRole("table", { name: "People who ranked the row's option above the column's" });
  await expect(pairwise.getByRole("row", { name: /^3\. Forest/ })).toHaveText("3. Forest11—");
  await results(page).getByText("Compare with other methods").click();
  await expect(results(page).getByText(/^Winner under (instant-runoff|Borda): Forest$/)).toHaveCount(2);
  const borda = results(page).getByRole("table", { name: "Borda points, highest first" });
  await expect(borda.getByRole("row")).toHaveText(["PlaceOptionPoints", "1Forest3", "2Sea2", "3Hills1"]);
  await expect(results(page).getByRole("table", { name: "Round 1" })).toContainText("Forest wins");
  await expect(results(page).getByText("Ties are broken by the options' order on the poll.")).toBeVisible();
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test("an anonymous poll gives a receipt and a change code, shows results only once closed, and names nobody", async ({ page }) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await newGroup(page);
  const id = await newPoll(page, group.id, { kind: "proposal", template: "consensus", title: "Raise the subscription", anonymous: true });
  await openPoll(page, id, "Raise the subscription");
  await expect(page.getByText("This vote is anonymous: nobody, admins included, can see how you voted.")).toBeVisible();

  await page.getByRole("radio", { name: "Disagree", exact: true }).check();
  await page.getByLabel("Your reason (optional)").fill("Too much for students");
  await page.getByRole("button", { name: "Vote", exact: true }).click();
  await expect(page.getByText("You voted anonymously")).toBeVisible();
  const receipt = page.getByTestId("receipt");
  await expect(receipt).toHaveText(/^Your receipt: [2-9A-HJ-NP-Z]{10}; keep it to check your vote was counted/);
  const first = await receipt.locator("strong").textContent();
  await expect(page.getByLabel("Your change code")).toHaveValue(new RegExp(`^${first}-[2-9A-HJ-NP-Z]{24}$`));

  // While the poll is open nobody sees a tally, only who has voted.
  await expect(page.getByTestId("anonymity-note")).toContainText("Results appear when the poll closes");
  await expect(results(page)).toContainText("This vote is anonymous, so the results appear when the poll closes");
  await expect(results(page)).not.toContainText("Too much for students");
  await expect(page.getByTestId("participation")).toHaveText("1 of 1 voted, 100%");
  await expectNoAxeViolations(page);

  // The change code kept in this browser is sent back without being asked for.
  await page.reload();
  await page.getByRole("button", { name: "Change vote" }).click();
  await expect(page.getByLabel("Your change code")).toHaveCount(0);
  await page.getByRole("radio", { name: "Agree", exact: true }).check();
  await page.getByLabel("Your reason (optional)").fill("Fair after all");
  await page.getByRole("button", { name: "Change vote" }).click();
  await expect(receipt.locator("strong")).not.toHaveText(first!);

  await page.getByRole("button", { name: "Close now" }).click();
  await expect(results(page)).toContainText("Votes are anonymous");
  await expect(results(page)).toContainText("Anonymous ballot 1");
  await expect(results(page)).toContainText("Fair after all");
  await expect(results(page)).not.toContainText("Too much for students");
  await expect(results(page)).not.toContainText(ADMIN.name);
  await expect(bar(page, "Agree")).toContainText("1 vote, 100%");
  await expect(bar(page, "Disagree")).toContainText("0 votes");
  await expect(page.getByRole("button", { name: "Reopen" })).toHaveCount(0);
});

test.describe("in another time zone", () => {
  test.use({ timezoneId: "Pacific/Auckland" });

  test("a meeting poll from the dialog shows times in the voter's zone and highlights the best one", async ({ page }) => {
    await signInAsAdmin(page);
    const group = await newGroup(page);
    const warmUp = await newPoll(page, group.id, { kind: "count", title: "Warm-up count" });
    await openPoll(page, warmUp, "Warm-up count");

    const dialog = await openNewDecision(page);
    await dialog.getByRole("button", { name: /Meeting time/ }).click();
    await dialog.getByLabel("Title").fill("Planning day");
    await expect(dialog.getByTestId("time-zone")).toContainText("Pacific/Auckland");
    await dialog.getByLabel("Time 1", { exact: true }).fill("2030-01-15T10:00");
    await dialog.getByRole("button", { name: "Add a time" }).click();
    await dialog.getByLabel("Time 2", { exact: true }).fill("2030-01-16T18:30");
    await dialog.getByRole("button", { name: "Add a time" }).click();
    await dialog.getByLabel("Time 3", { exact: true }).fill("2030-01-17T09:00");
    await dialog.getByRole("button", { name: "Start the decision" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Planning day" })).toBeVisible();

    await expect(page.getByTestId("time-zone").first()).toContainText("Pacific/Auckland");
    const slot = (time: RegExp) => page.getByRole("group", { name: time });
    await slot(/15 Jan 2030, 10:00/).getByRole("radio", { name: "If need be" }).check();
    await slot(/16 Jan 2030, 18:30/).getByRole("radio", { name: "Yes" }).check();
    await slot(/17 Jan 2030, 09:00/).getByRole("radio", { name: "No" }).check();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Vote", exact: true }).click();

    await expect(page.getByText("You voted", { exact: true })).toBeVisible();
    const best = bar(page, /Best time/);
    await expect(best).toHaveCount(1);
    await expect(best).toContainText(/16 Jan 2030, 18:30/);
    await expect(best).toContainText("1 yes, 0 if need be, 0 no");
    await expect(bar(page, /15 Jan 2030/)).toContainText("0 yes, 1 if need be, 0 no");
    await expectNoAxeViolations(page);
  });
});

test("results hidden until the voter has voted", async ({ page }) => {
  await signInAsAdmin(page);
  const group = await newGroup(page);
  const id = await newPoll(page, group.id, { kind: "poll", title: "Tea or coffee?", options: ["Tea", "Coffee"], hideResults: "until_vote" });
  await openPoll(page, id, "Tea or coffee?");

  await expect(results(page).getByRole("status")).toHaveText("Results appear once you have voted.");
  await expect(bar(page, "Tea")).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole("radio", { name: "Tea" }).check();
  await page.getByRole("button", { name: "Vote", exact: true }).click();
  await expect(bar(page, "Tea")).toContainText("1 vote, 100%");
  await expect(results(page).getByText("Results appear once you have voted.")).toHaveCount(0);
});

test("bad input: a closing time in the past, and more dots than allowed", async ({ page }) => {
  await signInAsAdmin(page);
  const group = await newGroup(page);
  const id = await newPoll(page, group.id, { kind: "dot_vote", title: "Spend the grant", options: ["Garden", "Library"], dotsPerPerson: 3 });
  await openPoll(page, id, "Spend the grant");

  const dialog = await openNewDecision(page);
  await dialog.getByRole("button", { name: /Simple poll/ }).click();
  await dialog.getByLabel("Title").fill("Which day?");
  await dialog.getByRole("textbox", { name: "Option 1" }).fill("Monday");
  await dialog.getByRole("textbox", { name: "Option 2" }).fill("Friday");
  await dialog.getByLabel("Closes at").fill("2020-01-01T10:00");
  await dialog.getByRole("button", { name: "Start the decision" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Choose a closing time in the future.");
  await expect(dialog.getByLabel("Title")).toHaveValue("Which day?");
  await expect(dialog.getByRole("textbox", { name: "Option 2" })).toHaveValue("Friday");
  await dialog.getByLabel("Title").fill("");
  await dialog.getByLabel("Closes at").fill("2040-01-01T10:00");
  await dialog.getByRole("button", { name: "Start the decision" }).click();
  await expect(dialog.getByText("Give the poll a title")).toBeVisible();
  await expectNoAxeViolations(page, '[role="dialog"]');
  await page.keyboard.press("Escape");

  for (let dot = 0; dot < 3; dot += 1) await page.getByRole("button", { name: "Add a dot to Garden" }).click();
  await expect(page.getByRole("status").filter({ hasText: "dots left" })).toHaveText("0 of 3 dots left");
  await expect(page.getByRole("button", { name: "Add a dot to Library" })).toBeDisabled();
  await page.getByRole("spinbutton", { name: "Library" }).fill("2");
  await expect(page.getByRole("status").filter({ hasText: "too many" })).toHaveText("2 dots too many: you have 3");
  await page.getByRole("button", { name: "Vote", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "You have 3 dots; you placed 5." })).toBeVisible();
  await expect(page.getByTestId("participation")).toHaveText("0 of 1 voted, 0%");

  await page.getByRole("button", { name: "Take a dot from Garden" }).click();
  await page.getByRole("spinbutton", { name: "Library" }).fill("1");
  await page.getByRole("button", { name: "Vote", exact: true }).click();
  await expect(bar(page, "Garden")).toContainText("2 dots, 67%");
  await expect(bar(page, "Library")).toContainText("1 dot, 33%");
});

test("live: a vote on one page updates the results on another without a reload", async ({ page, context }) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await newGroup(page);
  const id = await newPoll(page, group.id, { kind: "check", title: "Ready to publish?", options: ["Looks good", "Not sure", "Concerned"] });
  const watcher = await context.newPage();
  await openPoll(watcher, id, "Ready to publish?");
  await expect(watcher.getByTestId("participation")).toHaveText("0 of 1 voted, 0%");

  await openPoll(page, id, "Ready to publish?");
  await page.getByRole("radio", { name: "Looks good" }).check();
  await page.getByRole("button", { name: "Vote", exact: true }).click();
  await expect(page.getByText("You voted", { exact: true })).toBeVisible();

  await expect(watcher.getByTestId("participation")).toHaveText("1 of 1 voted, 100%");
  await expect(bar(watcher, "Looks good")).toContainText("1 vote, 100%");
  await expect(watcher.getByText("You voted", { exact: true })).toBeVisible();
});
