import { expect, test, type Locator, type Page } from "@playwright/test";
import { ADMIN, call, expectNoAxeViolations, invitedReader, secondPerson, selectText, signInAsAdmin, uniqueSuffix } from "./support";

const editorOf = (page: Page) => page.locator(".ProseMirror");
const panelOf = (page: Page) => page.getByRole("region", { name: "Comments" });
const commentedText = (page: Page) => editorOf(page).locator(".doc-comment");

async function backgroundOf(locator: Locator): Promise<string> {
  return locator.evaluate((element) => getComputedStyle(element).backgroundColor);
}

const TRANSPARENT = "rgba(0, 0, 0, 0)";

test("comment on selected text; it stays on the same words while someone types before them; reply, resolve, reopen", async ({
  page,
  browser,
}) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await call<{ id: string }>(page.request, "group.create", { name: `Vision circle ${uniqueSuffix()}` });
  const { id: documentId } = await call<{ id: string }>(page.request, "document.create", { groupId: group.id, title: "Our vision" });
  const sam = await secondPerson(browser, page.request, group.id);

  await page.goto(`/documents/${documentId}`);
  await editorOf(page).click();
  await page.keyboard.type("We want a shared future for the whole valley.");
  await expect(panelOf(page).getByText("No open comments.")).toBeVisible();

  await selectText(page, "shared future");
  await page.keyboard.press("Control+Alt+KeyM");
  await panelOf(page).getByRole("textbox", { name: "Your comment" }).fill("Is “shared” the right word?");
  await panelOf(page).getByRole("button", { name: "Add comment" }).click();

  const thread = panelOf(page).getByRole("article", { name: `Comment by ${ADMIN.name}` });
  await expect(thread.getByText("Is “shared” the right word?")).toBeVisible();
  await expect(commentedText(page)).toHaveText("shared future");
  expect(await backgroundOf(commentedText(page))).not.toBe(TRANSPARENT);

  // Sam types before the commented words (and after them); the comment keeps to "shared future".
  await sam.page.goto(`/documents/${documentId}`);
  await expect(commentedText(sam.page)).toHaveText("shared future");
  await editorOf(sam.page).getByText("We want a").click();
  await sam.page.keyboard.press("Home");
  await sam.page.keyboard.type("Today: ");
  await sam.page.keyboard.press("End");
  await sam.page.keyboard.type(" Together.");
  await expect(editorOf(page)).toContainText("Today: We want a shared future for the whole valley. Together.");
  await expect(commentedText(page)).toHaveText("shared future");
  await expect(commentedText(sam.page)).toHaveText("shared future");

  // Clicking the quote in Sam's panel shows the text; Sam replies and the admin sees it live.
  const samsThread = panelOf(sam.page).getByRole("article", { name: `Comment by ${ADMIN.name}` });
  await samsThread.getByRole("button", { name: /shared future/ }).click();
  await expect(samsThread).toHaveAttribute("aria-current", "true");
  await samsThread.getByRole("button", { name: "Reply" }).click();
  await samsThread.getByRole("textbox", { name: `Reply to ${ADMIN.name}` }).fill("Maybe “common”?");
  await samsThread.getByRole("button", { name: "Send reply" }).click();
  await expect(thread.getByRole("list", { name: `Replies to ${ADMIN.name}` })).toContainText("Maybe “common”?");
  await expectNoAxeViolations(page);

  await thread.getByRole("button", { name: "Resolve" }).click();
  await expect(panelOf(page).getByText("No open comments.")).toBeVisible();
  await expect(panelOf(sam.page).getByText("No open comments.")).toBeVisible();
  await expect.poll(() => backgroundOf(commentedText(page))).toBe(TRANSPARENT);

  await panelOf(page).getByLabel("Show resolved comments").check();
  await expect(thread.getByText(`Resolved by ${ADMIN.name}`)).toBeVisible();
  await thread.getByRole("button", { name: "Reopen" }).click();
  await panelOf(page).getByLabel("Show resolved comments").uncheck();
  await expect(thread).toBeVisible();
  await expect.poll(() => backgroundOf(commentedText(page))).not.toBe(TRANSPARENT);
  await expectNoAxeViolations(page);
  await sam.context.close();
});

test("when the commented text is deleted the comment stays, with its quote; guests read comments only", async ({ page, browser }) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await call<{ id: string }>(page.request, "group.create", { name: `Vision circle ${uniqueSuffix()}` });
  const { id: documentId } = await call<{ id: string }>(page.request, "document.create", { groupId: group.id, title: "Draft" });

  await page.goto(`/documents/${documentId}`);
  await editorOf(page).click();
  await page.keyboard.type("Keep this. Drop that.");
  await selectText(page, "Drop that.");
  await panelOf(page).getByRole("button", { name: "Comment on selection" }).click();
  await panelOf(page).getByRole("textbox", { name: "Your comment" }).fill("Should this go?");
  await panelOf(page).getByRole("button", { name: "Add comment" }).click();
  await expect(commentedText(page)).toHaveText("Drop that.");

  await selectText(page, "Drop that.");
  await page.keyboard.press("Delete");
  await expect(editorOf(page)).toHaveText("Keep this. ");
  const thread = panelOf(page).getByRole("article", { name: `Comment by ${ADMIN.name}` });
  await expect(thread.getByText("The text this comment was on has been removed.")).toBeVisible();
  await expect(thread.getByText("“Drop that.”")).toBeVisible();

  const rita = await invitedReader(browser, page, group.id, documentId);
  await rita.page.goto(`/documents/${documentId}`);
  const ritasThread = panelOf(rita.page).getByRole("article", { name: `Comment by ${ADMIN.name}` });
  await expect(ritasThread.getByText("Should this go?")).toBeVisible();
  await expect(ritasThread.getByText("The text this comment was on has been removed.")).toBeVisible();
  await expect(panelOf(rita.page).getByText("You can read the comments on this document, but not add or answer them.")).toBeVisible();
  await expect(panelOf(rita.page).getByRole("button", { name: /Comment|Reply|Resolve/ })).toHaveCount(0);
  await expectNoAxeViolations(rita.page);
  await rita.context.close();
});
