import { expect, test, type Page } from "@playwright/test";
import { ADMIN, call, expectHydrated, expectNoAxeViolations, signInAsAdmin, signInByRequest, uniqueSuffix } from "./support";

/**
 * A comment's reaction bar is drawn as plain buttons and becomes the interactive one (tooltips,
 * menu) when a pointer or keyboard focus reaches it (#17). By keyboard and by touch, the first
 * interaction must still do what it always did.
 */
async function threadWithComment(page: Page, body: string) {
  const group = await call<{ id: string }>(page.request, "group.create", { name: `Reactions ${uniqueSuffix()}` });
  const { id: threadId } = await call<{ id: string }>(page.request, "thread.create", { groupId: group.id, title: "Reactions", body: "Hello" });
  await call(page.request, "comment.create", { threadId, body });
  return threadId;
}

const commentBy = (page: Page, text: string) => page.getByRole("article").filter({ hasText: text });

test("a reaction picked and explained by keyboard alone", async ({ page }) => {
  await signInAsAdmin(page);
  const threadId = await threadWithComment(page, "Picked by keyboard");
  await page.goto(`/threads/${threadId}`);
  await expectHydrated(page);
  await expectNoAxeViolations(page);

  const comment = commentBy(page, "Picked by keyboard");
  await comment.getByRole("link", { name: /link to this comment/ }).focus();
  await page.keyboard.press("Tab");
  const add = comment.getByRole("button", { name: "Add a reaction to this comment" });
  await expect(add).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Thumbs up" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitem", { name: "Heart" })).toBeFocused();
  await page.keyboard.press("Enter");
  const heart = comment.getByRole("button", { name: "Heart: 1" });
  await expect(heart).toHaveAttribute("aria-pressed", "true");
  await expect(add).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(heart).toBeFocused();
  await expect(page.getByRole("tooltip")).toContainText(`Heart: ${ADMIN.name}`);

  // After a reload the bar is plain again: Tab reaches the toggle, whose tooltip shows, and Enter takes the reaction back.
  await page.reload();
  await expectHydrated(page);
  await comment.getByRole("link", { name: /link to this comment/ }).focus();
  await page.keyboard.press("Tab");
  await expect(comment.getByRole("button", { name: "Heart: 1" })).toBeFocused();
  await expect(page.getByRole("tooltip")).toContainText(`Heart: ${ADMIN.name}`);
  await page.keyboard.press("Enter");
  await expect(comment.getByRole("button", { name: /^Heart/ })).toHaveCount(0);
});

test("a reaction added and taken back by touch, each the first touch on the page", async ({ browser, page }) => {
  await signInAsAdmin(page);
  const threadId = await threadWithComment(page, "Picked by touch");
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  await signInByRequest(context.request);
  const phone = await context.newPage();
  await phone.goto(`/threads/${threadId}`);
  await expectHydrated(phone);

  const comment = commentBy(phone, "Picked by touch");
  await comment.getByRole("button", { name: "Add a reaction to this comment" }).tap();
  await phone.getByRole("menuitem", { name: "Celebrate" }).tap();
  await expect(comment.getByRole("button", { name: "Celebrate: 1" })).toHaveAttribute("aria-pressed", "true");

  await phone.reload();
  await expectHydrated(phone);
  await comment.getByRole("button", { name: "Celebrate: 1" }).tap();
  await expect(comment.getByRole("button", { name: /^Celebrate/ })).toHaveCount(0);
  await context.close();
});
