import { expect, test } from "@playwright/test";
import { ADMIN, call, expectHydrated, expectNoAxeViolations, invitedGuest, secondPerson, signInAsAdmin, uniqueSuffix } from "./support";

type Group = { id: string; handle: string; name: string };

const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString();

test("a member follows the group's activity: newest first, filtered to decisions, live, and on a phone", async ({ page, browser }) => {
  test.slow();
  await signInAsAdmin(page);
  const suffix = uniqueSuffix();
  const group = await call<Group>(page.request, "group.create", { name: `Cycling circle ${suffix}` });
  const member = await secondPerson(browser, page.request, group.id);

  const threadTitle = `Bike racks ${suffix}`;
  const { id: threadId } = await call<{ id: string }>(page.request, "thread.create", { groupId: group.id, title: threadTitle, body: "Where should they go?" });
  const pollTitle = `Racks by the hall ${suffix}`;
  const { id: pollId } = await call<{ id: string }>(page.request, "poll.create", {
    groupId: group.id,
    threadId,
    kind: "proposal",
    template: "consensus",
    title: pollTitle,
    closingAt: inDays(7),
  });
  await call(page.request, "poll.close", { id: pollId });
  await call(page.request, "poll.setOutcome", { id: pollId, statement: "Two racks by the **hall door**." });
  const resourceTitle = `Rack supplier ${suffix}`;
  const { id: resourceId } = await call<{ id: string }>(page.request, "resource.create", {
    groupId: group.id,
    kind: "link",
    title: resourceTitle,
    url: "https://example.org/racks",
    draft: true,
  });
  await call(page.request, "resource.publish", { id: resourceId });

  const feedPage = member.page;
  await feedPage.goto(`/groups/${group.handle}`);
  await feedPage.getByRole("navigation", { name: "Group sections" }).getByRole("link", { name: "Activity" }).click();
  await expect(feedPage).toHaveURL(new RegExp(`/groups/${group.handle}/activity$`));
  await expect(feedPage).toHaveTitle(`Activity · ${group.name} · Hearth`);
  await expectHydrated(feedPage);
  const entries = feedPage.getByRole("list", { name: "Activity" }).getByRole("listitem");
  await expect(entries).toHaveText([
    new RegExp(`${ADMIN.name} published ${resourceTitle}`),
    new RegExp(`${ADMIN.name} recorded the outcome of ${pollTitle}.*Two racks by the hall door\\.`),
    new RegExp(`A proposal closed: ${pollTitle}`),
    new RegExp(`${ADMIN.name} started a proposal: ${pollTitle}`),
    new RegExp(`${ADMIN.name} started the thread ${threadTitle}`),
  ]);
  await expect(entries.first().getByRole("link", { name: resourceTitle })).toHaveAttribute("href", `/resources/${resourceId}`);
  await expect(entries.nth(1).getByRole("link", { name: pollTitle })).toHaveAttribute("href", `/threads/${threadId}#poll-${pollId}-title`);
  await expect(entries.first().locator("time")).toHaveText(/^(just now|\d+ minutes? ago)$/);
  await expect(entries.first().locator("time")).toHaveAttribute("title", new RegExp(String(new Date().getFullYear())));
  await expectNoAxeViolations(feedPage);

  const chips = feedPage.getByRole("group", { name: "Show only" });
  await expect(chips.getByRole("button")).toHaveText(["Threads", "Decisions", "Documents", "Resources", "Meetings"]);
  await chips.getByRole("button", { name: "Decisions" }).click();
  await expect(chips.getByRole("button", { name: "Decisions" })).toHaveAttribute("aria-pressed", "true");
  await expect(entries).toHaveText([/recorded the outcome of/, /A proposal closed:/, /started a proposal:/]);
  await expectNoAxeViolations(feedPage);
  await chips.getByRole("button", { name: "Meetings" }).click();
  await chips.getByRole("button", { name: "Decisions" }).click();
  await expect(feedPage.getByText("Nothing of that kind has happened yet.")).toBeVisible();
  await feedPage.getByRole("button", { name: "Show everything" }).click();
  await expect(chips.getByRole("button", { name: "Meetings" })).toHaveAttribute("aria-pressed", "false");
  await expect(entries).toHaveCount(5);

  // A new thread reaches the open feed without a reload.
  const liveTitle = `Lights for the racks ${suffix}`;
  await call(page.request, "thread.create", { groupId: group.id, title: liveTitle, body: "And some lights?" });
  await expect(entries.first()).toHaveText(new RegExp(`${ADMIN.name} started the thread ${liveTitle}`));
  await expect(entries).toHaveCount(6);

  await entries.first().getByRole("link", { name: liveTitle }).click();
  await expect(feedPage.getByRole("heading", { level: 1, name: liveTitle })).toBeVisible();

  await feedPage.setViewportSize({ width: 360, height: 780 });
  await feedPage.goto(`/groups/${group.handle}/activity`);
  await expectHydrated(feedPage);
  await expect(entries).toHaveCount(6);
  expect(await feedPage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), "no sideways scrolling").toBeLessThanOrEqual(0);
  await expectNoAxeViolations(feedPage);
  await member.context.close();
});

test("a guest sees only what happens in the thread they were invited to, and is told so", async ({ page, browser }) => {
  test.slow();
  await signInAsAdmin(page);
  const suffix = uniqueSuffix();
  const group = await call<Group>(page.request, "group.create", { name: `Guest circle ${suffix}` });
  const { id: threadId } = await call<{ id: string }>(page.request, "thread.create", { groupId: group.id, title: `Open day ${suffix}`, body: "Join us" });
  await call(page.request, "thread.create", { groupId: group.id, title: `Members only ${suffix}`, body: "Internal" });
  await call(page.request, "meeting.create", { groupId: group.id, title: `Steering ${suffix}`, startsAt: inDays(3) });
  const person = { name: `Gil Guest ${suffix}`, email: `gil.${suffix}@example.org`, password: "a guest's steady hearth" };
  const { context, page: guest } = await invitedGuest(browser, page, group.id, { threadId }, person);

  await guest.goto(`/groups/${group.handle}/activity`);
  await expectHydrated(guest);
  await expect(guest.getByText("You see what happens in the discussions and documents you were invited to.")).toBeVisible();
  await expect(guest.getByRole("list", { name: "Activity" }).getByRole("listitem")).toHaveText([new RegExp(`started the thread Open day ${suffix}`)]);
  await expect(guest.getByRole("group", { name: "Show only" }).getByRole("button")).toHaveText(["Threads", "Decisions", "Documents"]);
  await expectNoAxeViolations(guest);
  await context.close();
});
