import { expect, test, type Page } from "@playwright/test";
import { ADMIN, call, expectNoAxeViolations, query, secondPerson, signInAsAdmin, uniqueSuffix } from "./support";

const bell = (page: Page) => page.getByRole("button", { name: /^Notifications/ });

test("a mention raises the bell live; opening it leads to the comment and clears the count", async ({ page, browser }) => {
  test.slow();
  await signInAsAdmin(page);
  const title = `Charter ${uniqueSuffix()}`;
  const group = await call<{ id: string }>(page.request, "group.create", { name: `Circle ${uniqueSuffix()}` });
  const thread = await call<{ id: string }>(page.request, "thread.create", { groupId: group.id, title, body: "Draft one" });
  const me = await query<{ id: string }>(page.request, "user.me");
  const sam = await secondPerson(browser, page.request, group.id);

  // Start from nothing unread (earlier journeys and Sam's accepted invitation left some), with the socket live.
  await call(page.request, "notification.markRead", {});
  await page.goto("/");
  await expect(page.getByTestId("live-indicator")).toHaveText("Live");
  await expect(bell(page)).toHaveAccessibleName("Notifications");
  await expect(page.getByTestId("notification-count")).toHaveCount(0);

  const comment = await call<{ id: string }>(sam.context.request, "comment.create", {
    threadId: thread.id,
    body: `[@${ADMIN.name}](mention:${me.id}) what do you think?`,
  });

  await expect(bell(page)).toHaveAccessibleName("Notifications, 1 unread");
  await expect(page.getByTestId("notification-count")).toHaveText("1");

  await bell(page).click();
  const popover = page.getByRole("dialog", { name: "Notifications" });
  const mention = popover.getByRole("link", { name: new RegExp(`^Unread: ${sam.person.name} mentioned you in “${title}”`) });
  await expect(mention).toBeVisible();
  await expect(popover.getByRole("link", { name: "See all notifications" })).toHaveAttribute("href", "/notifications");
  await expectNoAxeViolations(page, '[role="dialog"]');

  await mention.click();
  await expect(page).toHaveURL(`/threads/${thread.id}#comment-${comment.id}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(bell(page)).toHaveAccessibleName("Notifications");

  await page.goto("/notifications");
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  const today = page.getByRole("region", { name: "Today" });
  await expect(today.getByRole("link", { name: new RegExp(`^${sam.person.name} mentioned you in “${title}”`) })).toBeVisible();
  await expect(today.getByRole("link", { name: new RegExp(`^${sam.person.name} accepted your invitation`) })).toBeVisible();
  await expectNoAxeViolations(page);

  await call(sam.context.request, "comment.create", { threadId: thread.id, body: `Once more, [@${ADMIN.name}](mention:${me.id})` });
  await expect(bell(page)).toHaveAccessibleName("Notifications, 1 unread");
  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect(bell(page)).toHaveAccessibleName("Notifications");
  await expect(today.getByRole("link", { name: /^Unread:/ })).toHaveCount(0);

  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await bell(page).click();
  await expect(page.getByRole("dialog", { name: "Notifications" })).toBeInViewport({ ratio: 1 });
  await sam.context.close();
});
