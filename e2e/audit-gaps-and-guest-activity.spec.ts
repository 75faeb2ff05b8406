import { expect, test, type Page } from "@playwright/test";
import { ADMIN, call, expectHydrated, expectNoAxeViolations, invitedGuest, secondPerson, signInAsAdmin, uniqueSuffix } from "./support";

type Group = { id: string; handle: string; name: string };
type Created = { id: string };

const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString();
const results = (page: Page) => page.getByRole("list", { name: "Search results" }).getByRole("listitem");

test("a guest's Activity tab shows new decisions in their thread as they happen, and nothing from other threads", async ({ page, browser }) => {
  test.slow();
  await signInAsAdmin(page);
  const suffix = uniqueSuffix();
  const group = await call<Group>(page.request, "group.create", { name: `Live guests ${suffix}` });
  const invitedTitle = `Open day ${suffix}`;
  const { id: invitedId } = await call<Created>(page.request, "thread.create", { groupId: group.id, title: invitedTitle, body: "Join us" });
  const { id: hiddenId } = await call<Created>(page.request, "thread.create", { groupId: group.id, title: `Members only ${suffix}`, body: "Internal" });
  const person = { name: `Gil Guest ${suffix}`, email: `gil.live.${suffix}@example.org`, password: "a guest's steady hearth" };
  const { context, page: guest } = await invitedGuest(browser, page, group.id, { threadId: invitedId }, person);

  await guest.goto(`/groups/${group.handle}/activity`);
  await expectHydrated(guest);
  const entries = guest.getByRole("list", { name: "Activity" }).getByRole("listitem");
  await expect(entries).toHaveText([new RegExp(`started the thread ${invitedTitle}`)]);

  // Published first, so once the invited thread's proposal shows, this one has had its chance to.
  const hiddenPoll = `Budget cut ${suffix}`;
  await call(page.request, "poll.create", { groupId: group.id, threadId: hiddenId, kind: "proposal", title: hiddenPoll, closingAt: inDays(7) });
  const openPoll = `Start at ten ${suffix}`;
  await call(page.request, "poll.create", { groupId: group.id, threadId: invitedId, kind: "proposal", title: openPoll, closingAt: inDays(7) });

  await expect(entries).toHaveText([new RegExp(`${ADMIN.name} started a proposal: ${openPoll}`), new RegExp(`started the thread ${invitedTitle}`)]);
  await expect(guest.getByText(hiddenPoll)).toHaveCount(0);
  await expectNoAxeViolations(guest);
  await context.close();
});

test("pins, closes, resent invitations and answers to requests to join are in the audit log as plain sentences", async ({ page, browser }) => {
  test.slow();
  await signInAsAdmin(page);
  const suffix = uniqueSuffix();
  const group = await call<Group>(page.request, "group.create", { name: `Audited moderation ${suffix}` });
  const elsewhere = await call<Group>(page.request, "group.create", { name: `Elsewhere ${suffix}` });
  const title = `Rota ${suffix}`;
  const { id: threadId } = await call<Created>(page.request, "thread.create", { groupId: group.id, title, body: "Who does what" });
  await call(page.request, "thread.pin", { id: threadId, pinned: true });
  await call(page.request, "thread.close", { id: threadId });
  const email = `cy.${suffix}@example.org`;
  const { invitations } = await call<{ invitations: Created[] }>(page.request, "invitation.create", { groupId: group.id, emails: [email], role: "member" });
  await call(page.request, "invitation.resend", { id: invitations[0]!.id });
  const asker = await secondPerson(browser, page.request, elsewhere.id);
  const request = await call<Created>(asker.context.request, "membershipRequest.create", { groupId: group.id, introduction: "I bake." });
  await call(page.request, "membershipRequest.approve", { id: request.id });

  await page.goto(`/groups/${group.handle}/audit`);
  await expectHydrated(page);
  const entries = page.getByTestId("audit-entry");
  await expect(entries.nth(0)).toContainText(`${ADMIN.name} approved ${asker.person.name}'s request to join the group`);
  await expect(entries.nth(1)).toContainText(`${ADMIN.name} sent the invitation to ${email} again, with a new link`);
  await expect(entries.nth(2)).toContainText(`${ADMIN.name} invited ${email} as a member`);
  await expect(entries.nth(3)).toContainText(`${ADMIN.name} closed the thread “${title}” to new comments`);
  await expect(entries.nth(4)).toContainText(`${ADMIN.name} pinned the thread “${title}”`);
  await expect(entries.nth(4).getByRole("link", { name: `Open “${title}”` })).toHaveAttribute("href", `/threads/${threadId}`);

  const resent = entries.nth(1);
  await resent.getByText("Before and after").click();
  await expect(resent.getByText("Expires", { exact: true })).toBeVisible();
  await expect(resent.locator("dd")).toHaveText([/^Before: .* UTC$/, /^After: .* UTC$/]);
  await expectNoAxeViolations(page);
  await asker.context.close();
});

test("search keeps a list's items apart in a snippet, and shows no date for people", async ({ page, browser }) => {
  await signInAsAdmin(page);
  const suffix = uniqueSuffix();
  const group = await call<Group>(page.request, "group.create", { name: `Search polish ${suffix}` });
  const word = `quince${suffix}`;
  await call(page.request, "thread.create", { groupId: group.id, title: `Shopping ${suffix}`, body: `- apples\n- ${word} jelly\n- pears` });
  const sam = await secondPerson(browser, page.request, group.id);

  await page.goto(`/search?q=${word}`);
  await expectHydrated(page);
  await expect(results(page)).toHaveCount(1);
  await expect(results(page).first()).toContainText(`apples · ${word} jelly · pears`);
  await expect(results(page).first().locator("time")).toHaveCount(1);

  const surname = sam.person.name.split(" ").at(-1)!;
  await page.goto(`/search?q=${surname}`);
  const person = results(page).filter({ has: page.getByRole("link", { name: sam.person.name }) });
  await expect(person).toHaveCount(1);
  await expect(person).toContainText(/^Member\b/);
  await expect(person.locator("time")).toHaveCount(0);
  await expectNoAxeViolations(page);
  await sam.context.close();
});
