import { expect, test, type Page } from "@playwright/test";
import { call, expectHydrated, expectNoAxeViolations, query, secondPerson, signInAsAdmin, uniqueSuffix } from "./support";

const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString();

async function newGroup(page: Page) {
  return call<{ id: string; handle: string; name: string }>(page.request, "group.create", { name: `Circle ${uniqueSuffix()}` });
}

async function newPoll(page: Page, poll: Record<string, unknown>) {
  const { id } = await call<{ id: string }>(page.request, "poll.create", { closingAt: inDays(7), ...poll });
  return id;
}

async function voteFirstOption(page: Page, pollId: string) {
  const poll = await query<{ options: { id: string }[] }>(page.request, "poll.byId", { id: pollId });
  await call(page.request, "poll.vote", { pollId, choices: [{ optionId: poll.options[0]!.id }] });
}

test("the author edits a poll's title and options before the first vote; after it the options are locked and say why", async ({ page, browser }) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await newGroup(page);
  const pollId = await newPoll(page, { groupId: group.id, kind: "poll", title: "Venue", options: ["Hall", "Library"] });
  const sam = await secondPerson(browser, page.request, group.id);
  await sam.page.goto(`/polls/${pollId}`);
  await expectHydrated(sam.page);

  await page.goto(`/polls/${pollId}`);
  await expectHydrated(page);
  await page.getByRole("button", { name: "Edit poll" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit this poll" });
  await expect(dialog.getByLabel("Title")).toHaveValue("Venue");
  await expectNoAxeViolations(page, '[role="dialog"]');
  await dialog.getByLabel("Title").fill("Where we meet");
  await dialog.getByRole("textbox", { name: "Option 2" }).fill("Central Library");
  await dialog.getByRole("button", { name: "Add an option" }).click();
  await dialog.getByRole("textbox", { name: "Option 3" }).fill("Park");
  await dialog.getByRole("button", { name: "Move option 3 up" }).click();
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog).toHaveCount(0);

  await expect(page.getByRole("heading", { level: 1, name: "Where we meet" })).toBeVisible();
  await expect(page.getByRole("radio")).toHaveCount(3);
  await expect(page.getByRole("radio", { name: "Park", exact: true })).toBeVisible();
  await expect(page.getByRole("radio", { name: "Central Library", exact: true })).toBeVisible();
  // Someone else's open page follows along.
  await expect(sam.page.getByRole("heading", { level: 1, name: "Where we meet" })).toBeVisible();
  await expect(sam.page.getByRole("radio", { name: "Park", exact: true })).toBeVisible();

  await sam.page.getByRole("radio", { name: "Park", exact: true }).check();
  await sam.page.getByRole("button", { name: "Vote", exact: true }).click();
  await expect(sam.page.getByText("You voted", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Edit poll" }).click();
  await expect(dialog.getByText("Options can't change after the first vote: 1 person has voted.")).toBeVisible();
  await expect(dialog.getByRole("textbox", { name: /^Option \d/ })).toHaveCount(0);
  await expectNoAxeViolations(page, '[role="dialog"]');
  await dialog.getByLabel("Title").fill("Where we meet in spring");
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Where we meet in spring" })).toBeVisible();
  await expect(page.getByRole("radio", { name: "Park", exact: true })).toBeVisible();
  await sam.context.close();
});

test("an admin deletes a poll and a thread after a confirmation naming what is lost; an open thread page says it was deleted", async ({ page, browser }) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await newGroup(page);
  const title = `Rota ${uniqueSuffix()}`;
  const { id: threadId } = await call<{ id: string }>(page.request, "thread.create", { groupId: group.id, title, body: "Who does what" });
  for (const body of ["Mondays for me", "I can do Fridays"]) await call(page.request, "comment.create", { threadId, body });
  await newPoll(page, { groupId: group.id, threadId, kind: "proposal", title: "Adopt the rota" });
  const pollTitle = `Snacks ${uniqueSuffix()}`;
  const pollId = await newPoll(page, { groupId: group.id, kind: "proposal", title: pollTitle });
  await voteFirstOption(page, pollId);

  const sam = await secondPerson(browser, page.request, group.id);
  await sam.page.goto(`/threads/${threadId}`);
  await expectHydrated(sam.page);
  await expect(sam.page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  await page.goto(`/polls/${pollId}`);
  await expectHydrated(page);
  await page.getByRole("button", { name: "Delete poll" }).click();
  const pollDialog = page.getByRole("dialog", { name: `Delete “${pollTitle}”?` });
  await expect(pollDialog).toContainText("Its 1 vote will be deleted for everyone. This can't be undone.");
  await expect(pollDialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expectNoAxeViolations(page, '[role="dialog"]');
  await pollDialog.getByRole("button", { name: "Delete poll" }).click();
  await expect(page).toHaveURL(new RegExp(`/groups/${group.handle}$`));
  await expect(page.getByRole("status").filter({ hasText: `The poll “${pollTitle}” was deleted.` })).toBeVisible();

  await page.goto(`/polls/${pollId}`);
  await expect(page.getByRole("heading", { level: 1, name: "This poll was deleted or never existed" })).toBeVisible();

  await page.goto(`/threads/${threadId}`);
  await expectHydrated(page);
  await page.getByRole("button", { name: "Thread options" }).click();
  await page.getByRole("menuitem", { name: "Delete thread…" }).click();
  const threadDialog = page.getByRole("dialog", { name: `Delete “${title}”?` });
  await expect(threadDialog).toContainText("Its 2 comments and 1 poll will be deleted for everyone. This can't be undone.");
  await expect(threadDialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expectNoAxeViolations(page, '[role="dialog"]');
  await threadDialog.getByRole("button", { name: "Delete thread" }).click();

  await expect(page).toHaveURL(new RegExp(`/groups/${group.handle}$`));
  await expect(page.getByRole("status").filter({ hasText: `“${title}” was deleted.` })).toBeVisible();
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await expect(sam.page.getByRole("heading", { level: 1, name: "This thread was deleted" })).toBeVisible();
  await expect(sam.page.getByRole("link", { name: `Go to ${group.name}` })).toBeVisible();
  await expectNoAxeViolations(sam.page);
  await sam.page.goto(`/threads/${threadId}`);
  await expect(sam.page.getByRole("heading", { level: 1, name: "This thread was deleted or never existed" })).toBeVisible();
  await sam.context.close();
});
