import { expect, test } from "@playwright/test";
import { ADMIN, call, expectNoAxeViolations, query, secondPerson, signInAsAdmin, uniqueSuffix } from "./support";

test("a notification email's unsubscribe link, read from the outbox, works signed out and says how to undo it", async ({ page, browser }) => {
  test.slow();
  await signInAsAdmin(page);
  const groupName = `Allotment ${uniqueSuffix()}`;
  const title = `Compost rota ${uniqueSuffix()}`;
  const group = await call<{ id: string }>(page.request, "group.create", { name: groupName });
  const thread = await call<{ id: string }>(page.request, "thread.create", { groupId: group.id, title, body: "Who turns the heap?" });
  const me = await query<{ id: string; email: string }>(page.request, "user.me");
  const sam = await secondPerson(browser, page.request, group.id);
  await call(sam.context.request, "comment.create", { threadId: thread.id, body: `[@${ADMIN.name}](mention:${me.id}) this week?` });
  await sam.context.close();

  // Without SMTP_URL the email waits in the administrator's outbox, which says so.
  await page.goto("/outbox");
  await expect(page.getByText("Email is not set up: no SMTP_URL is configured")).toBeVisible();
  const email = page.getByRole("listitem").filter({ hasText: `mentioned you in “${title}”` });
  await expect(email.getByText("Not sent: no SMTP configured")).toBeVisible();
  await email.locator("summary").click();
  const text = (await email.locator("pre").textContent()) ?? "";
  expect(text).toContain(`/threads/${thread.id}#comment-`);
  const link = new URL(/https?:\/\/\S+\/unsubscribe\?token=\S+/.exec(text)![0]);
  await expectNoAxeViolations(page);

  const signedOut = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const visitor = await signedOut.newPage();
  await visitor.goto(`${link.pathname}${link.search}`);
  await expect(visitor.getByRole("heading", { level: 1, name: `Stop email about ${groupName}` })).toBeVisible();
  await expect(visitor.getByText(`Hearth will stop sending ${me.email} notification email about ${groupName}`)).toBeVisible();
  await expectNoAxeViolations(visitor);
  await visitor.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(visitor.getByRole("status")).toHaveText(`Done: Hearth no longer emails ${me.email} about ${groupName}.`);
  await expect(visitor.getByRole("link", { name: "Choose what Hearth emails you in your email settings" })).toHaveAttribute(
    "href",
    "/settings/notifications",
  );
  await expectNoAxeViolations(visitor);

  await visitor.goto(`${link.pathname}?token=${link.searchParams.get("token")!.slice(0, -3)}abc`);
  await expect(visitor.getByRole("heading", { level: 1, name: "This link does not work" })).toBeVisible();
  await expect(visitor.getByText(/^This unsubscribe link is not valid\./)).toBeVisible();
  await signedOut.close();

  const settings = await query<{ groups: { groupId: string; level: string }[] }>(page.request, "notificationSettings.get");
  expect(settings.groups.find(({ groupId }) => groupId === group.id)?.level).toBe("none");
  await page.goto("/settings/notifications");
  await expect(page.getByRole("group", { name: groupName }).getByRole("radio", { name: "Email me nothing" })).toBeChecked();
});
