import { expect, test } from "@playwright/test";
import { ADMIN, call, expectHydrated, expectNoAxeViolations, invitedGuest, secondPerson, signInAsAdmin, uniqueSuffix } from "./support";

test("seen by: members see who has read to the end, live, a new comment resets it, a guest sees the count only", async ({ page, browser }) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await call<{ id: string; handle: string }>(page.request, "group.create", { name: `Orchard ${uniqueSuffix()}` });
  const { id: threadId } = await call<{ id: string }>(page.request, "thread.create", {
    groupId: group.id,
    title: "Pruning day",
    body: "Which Saturday suits?",
  });
  const second = await secondPerson(browser, page.request, group.id);

  await page.goto(`/threads/${threadId}`);
  await expectHydrated(page);
  await expect(page.getByRole("button", { name: "Seen by 1 of 2" })).toBeVisible();

  await second.page.goto(`/threads/${threadId}`);
  await expectHydrated(second.page);
  await expect(second.page.getByRole("button", { name: "Seen by 2 of 2" })).toBeVisible();

  // The first person's open page hears that the second read to the end, without a reload.
  await expect(page.getByRole("button", { name: "Seen by 2 of 2" })).toBeVisible();
  await page.getByRole("button", { name: "Seen by 2 of 2" }).click();
  const names = page.getByRole("dialog", { name: "Read to the end" });
  await expect(names.getByRole("listitem")).toHaveText([ADMIN.name, second.person.name]);
  await expect(names.getByText("Guests invited to this thread see the numbers only.")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.keyboard.press("Escape");
  await expect(names).toBeHidden();

  // With the first person elsewhere, the second's new comment leaves only its author at the end.
  await page.goto(`/groups/${group.handle}`);
  await second.page.getByRole("textbox", { name: "Add a comment" }).fill("The 14th works for me");
  await second.page.getByRole("button", { name: "Send comment" }).click();
  await expect(second.page.getByRole("article").filter({ hasText: "The 14th works for me" })).toBeVisible();
  await expect(second.page.getByRole("button", { name: "Seen by 1 of 2" })).toBeVisible();
  await second.page.getByRole("button", { name: "Seen by 1 of 2" }).click();
  await expect(second.page.getByRole("dialog", { name: "Read to the end" }).getByRole("listitem")).toHaveText([second.person.name]);

  await page.goto(`/threads/${threadId}`);
  await expect(page.getByRole("button", { name: "Seen by 2 of 2" })).toBeVisible();

  const guestPerson = { name: `Gwen Guest ${uniqueSuffix()}`, email: `gwen.${uniqueSuffix()}@example.org`, password: "a guest's steady hearth" };
  const guest = await invitedGuest(browser, page, group.id, { threadId }, guestPerson);
  await guest.page.goto(`/threads/${threadId}`);
  await expectHydrated(guest.page);
  await expect(guest.page.getByTestId("seen-by")).toHaveText("Seen by 3 of 3");
  await expect(guest.page.getByRole("button", { name: /Seen by/ })).toHaveCount(0);
  await expectNoAxeViolations(guest.page);

  await second.context.close();
  await guest.context.close();
});
