import { expect, test, type Page } from "@playwright/test";
import { ADMIN, call, expectHydrated, expectNoAxeViolations, query, secondPerson, signInAsAdmin, uniqueSuffix } from "./support";

const DAY = 24 * 60 * 60 * 1000;
const section = (page: Page, name: RegExp) => page.getByRole("region", { name });

test("the dashboard answers what needs me: a vote (gone once cast), unread threads, a mention, a meeting, and for admins a request", async ({
  page,
  browser,
}) => {
  test.slow();
  await signInAsAdmin(page);
  const suffix = uniqueSuffix();
  const group = await call<{ id: string; name: string; handle: string }>(page.request, "group.create", { name: `Allotment Circle ${suffix}` });
  const sam = await secondPerson(browser, page.request, group.id);
  const ada = await secondPerson(browser, page.request, group.id);
  const samId = (await query<{ id: string }>(sam.context.request, "user.me")).id;
  const adaId = (await query<{ id: string }>(ada.context.request, "user.me")).id;
  await call(page.request, "member.setRole", { groupId: group.id, userId: adaId, role: "admin" });

  // Someone outside the group (a member of another) asks to join it.
  const other = await call<{ id: string }>(page.request, "group.create", { name: `Seed Swap ${suffix}` });
  const applicant = await secondPerson(browser, page.request, other.id);
  await call(applicant.context.request, "membershipRequest.create", { groupId: group.id, introduction: "I grow leeks" });

  const pollTitle = `Buy a shared rotavator ${suffix}`;
  await call(page.request, "poll.create", {
    groupId: group.id,
    kind: "proposal",
    title: pollTitle,
    closingAt: new Date(Date.now() + 2 * DAY + 60 * 60 * 1000).toISOString(),
  });
  const budgetTitle = `Budget for spring ${suffix}`;
  const budget = await call<{ id: string }>(page.request, "thread.create", { groupId: group.id, title: budgetTitle, body: "Our costs" });
  await call(sam.context.request, "thread.markRead", { id: budget.id });
  await call(page.request, "comment.create", { threadId: budget.id, body: "Seeds: £40" });
  await call(page.request, "comment.create", { threadId: budget.id, body: "Tools: £120" });
  const charterTitle = `Plot charter ${suffix}`;
  const charter = await call<{ id: string }>(page.request, "thread.create", { groupId: group.id, title: charterTitle, body: "Draft" });
  await call(page.request, "comment.create", { threadId: charter.id, body: `[@${sam.person.name}](mention:${samId}) can you check this?` });
  const meetingTitle = `Work day at the plots ${suffix}`;
  await call(page.request, "meeting.create", { groupId: group.id, title: meetingTitle, startsAt: new Date(Date.now() + 3 * DAY).toISOString() });

  const me = sam.page;
  await me.goto("/");
  await expectHydrated(me);
  const votes = section(me, /^Waiting for your vote/);
  await expect(votes.getByRole("heading", { level: 2 })).toHaveText("Waiting for your vote 1");
  await expect(votes.getByRole("link", { name: pollTitle })).toBeVisible();
  await expect(votes).toContainText(`${group.name} · closes in 2 days`);

  const unread = section(me, /^Unread threads/);
  await expect(unread.getByRole("listitem").filter({ hasText: budgetTitle })).toContainText("2 unread");
  await expect(unread.getByRole("listitem").filter({ hasText: charterTitle })).toContainText("New");
  await expect(section(me, /^Mentions and replies/).getByRole("link", { name: new RegExp(`^Unread: ${ADMIN.name} mentioned you in “${charterTitle}”`) })).toBeVisible();
  await expect(section(me, /^Meetings in the next 14 days/).getByRole("link", { name: meetingTitle })).toBeVisible();
  // Only the group's admins hear about requests.
  await expect(section(me, /^Requests to join/)).toHaveCount(0);

  const card = me.getByRole("list", { name: "Your groups" }).getByRole("listitem").filter({ hasText: group.name });
  await expect(card).toContainText("2 unread threads");
  await expect(card).toContainText("1 open decision");
  await expect(me.getByRole("link", { name: group.name })).toBeVisible();
  await expectNoAxeViolations(me);

  await me.setViewportSize({ width: 360, height: 740 });
  await expect(votes.getByRole("link", { name: pollTitle })).toBeVisible();
  expect(await me.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectNoAxeViolations(me);
  await me.setViewportSize({ width: 1280, height: 800 });

  await votes.getByRole("link", { name: pollTitle }).click();
  await expect(me.getByRole("heading", { level: 1, name: pollTitle })).toBeVisible();
  await expectHydrated(me);
  await me.getByRole("radio", { name: "Agree", exact: true }).check();
  await me.getByRole("button", { name: "Vote", exact: true }).click();
  await expect(me.getByText("You voted", { exact: true })).toBeVisible();

  // Back through the breadcrumb, as people do: the dashboard refreshes on return.
  await me.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Your groups" }).click();
  await expect(me.getByRole("heading", { level: 1, name: `Welcome, ${sam.person.name}` })).toBeVisible();
  await expect(me.getByRole("link", { name: pollTitle })).toHaveCount(0);
  await expect(section(me, /^Waiting for your vote/)).toHaveCount(0);
  // Still open for others, so the card still counts it.
  await expect(card).toContainText("1 open decision");

  // Reading a thread takes it off the list.
  const markedRead = me.waitForResponse((response) => response.url().includes("thread.markRead") && response.ok());
  await me.goto(`/threads/${budget.id}`);
  await expect(me.getByRole("heading", { level: 1, name: budgetTitle })).toBeVisible();
  await markedRead;
  await me.goto("/");
  await expectHydrated(me);
  await expect(section(me, /^Unread threads/).getByRole("link", { name: charterTitle })).toBeVisible();
  await expect(section(me, /^Unread threads/).getByRole("link", { name: budgetTitle })).toHaveCount(0);

  // A group admin sees the request waiting, and goes to it.
  await ada.page.goto("/");
  await expectHydrated(ada.page);
  const requests = section(ada.page, /^Requests to join/);
  await expect(requests.getByRole("listitem").filter({ hasText: group.name })).toBeVisible();
  await requests.getByRole("link", { name: "Review 1 request" }).click();
  await expect(ada.page).toHaveURL(new RegExp(`/groups/${group.handle}/requests$`));
  await expect(ada.page.getByText(applicant.person.name).first()).toBeVisible();

  for (const person of [sam, ada, applicant]) await person.context.close();
});

test("a new mention reaches the open dashboard live", async ({ page, browser }) => {
  await signInAsAdmin(page);
  const group = await call<{ id: string }>(page.request, "group.create", { name: `Repair Cafe ${uniqueSuffix()}` });
  const sam = await secondPerson(browser, page.request, group.id);
  const samId = (await query<{ id: string }>(sam.context.request, "user.me")).id;
  const title = `Opening hours ${uniqueSuffix()}`;
  const thread = await call<{ id: string }>(page.request, "thread.create", { groupId: group.id, title, body: "Saturdays?" });

  await sam.page.goto("/");
  await expectHydrated(sam.page);
  await expect(section(sam.page, /^Mentions and replies/)).toHaveCount(0);
  await call(page.request, "comment.create", { threadId: thread.id, body: `[@${sam.person.name}](mention:${samId}) does this suit you?` });
  await expect(section(sam.page, /^Mentions and replies/).getByRole("link", { name: new RegExp(`mentioned you in “${title}”`) })).toBeVisible();
  await sam.context.close();
});
