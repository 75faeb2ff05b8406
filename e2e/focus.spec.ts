import { expect, test } from "@playwright/test";
import { ADMIN, call, signInAsAdmin, uniqueSuffix } from "./support";

// WCAG 2.4.3: when the form someone was in goes away, focus moves to what replaced it, not the page body.

test("focus moves to the vote confirmation after voting, keeping or changing a vote", async ({ page }) => {
  await signInAsAdmin(page);
  const group = await call<{ id: string }>(page.request, "group.create", { name: `Focus ${uniqueSuffix()}` });
  const closingAt = new Date(Date.now() + 7 * 24 * 60 * 60 * 1000).toISOString();
  const poll = await call<{ id: string }>(page.request, "poll.create", {
    groupId: group.id,
    kind: "poll",
    title: "Tea or coffee",
    options: ["Tea", "Coffee"],
    closingAt,
  });
  await page.goto(`/polls/${poll.id}`);
  await expect(page.getByTestId("live-indicator")).toHaveText("Live");

  const confirmation = page.getByText("You voted", { exact: true });
  await page.getByRole("radio", { name: "Tea", exact: true }).check();
  await page.getByRole("button", { name: "Vote", exact: true }).click();
  await expect(confirmation).toBeFocused();

  await page.getByRole("button", { name: "Change vote" }).click();
  await expect(page.getByRole("radio", { name: "Tea", exact: true })).toBeFocused();
  await page.getByRole("button", { name: "Keep my vote" }).click();
  await expect(confirmation).toBeFocused();

  await page.getByRole("button", { name: "Change vote" }).click();
  await page.getByRole("radio", { name: "Coffee", exact: true }).check();
  await page.getByRole("button", { name: "Change vote" }).click();
  await expect(page.getByRole("list", { name: "Your choices" })).toHaveText("Coffee");
  await expect(confirmation).toBeFocused();
});

test("focus moves to a comment just sent, a reply just sent and a comment just saved", async ({ page }) => {
  await signInAsAdmin(page);
  const group = await call<{ id: string }>(page.request, "group.create", { name: `Focus ${uniqueSuffix()}` });
  const thread = await call<{ id: string }>(page.request, "thread.create", { groupId: group.id, title: "Spring fair", body: "Ideas?" });
  await page.goto(`/threads/${thread.id}`);
  await expect(page.getByTestId("live-indicator")).toHaveText("Live");

  await page.getByRole("textbox", { name: "Add a comment" }).fill("A cake stall");
  await page.getByRole("button", { name: "Send comment" }).click();
  const comment = page.getByRole("article").filter({ hasText: "A cake stall" });
  await expect(comment).toBeFocused();

  await comment.getByRole("button", { name: "Reply" }).click();
  await page.getByRole("textbox", { name: `Reply to ${ADMIN.name}` }).fill("I can bake");
  await page.getByRole("button", { name: "Send reply" }).click();
  const reply = page.getByRole("list", { name: `Replies to ${ADMIN.name}` }).getByRole("article").filter({ hasText: "I can bake" });
  await expect(reply).toBeFocused();

  await reply.getByRole("button", { name: "Edit" }).click();
  await page.getByRole("textbox", { name: "Edit your comment" }).fill("I can bake two cakes");
  await page.getByRole("button", { name: "Save comment" }).click();
  await expect(reply).toContainText("I can bake two cakes");
  await expect(reply).toBeFocused();
});
