import { expect, test, type Locator, type Page } from "@playwright/test";
import { ADMIN, call, expectHydrated, query, secondPerson, signInAsAdmin, uniqueSuffix } from "./support";

// A 360 px phone: no page may scroll sideways. Each journey visits its pages, then fails once,
// naming every page that is wider than the screen and the elements that stick out.

test.use({ viewport: { width: 360, height: 740 } });

type Visit = { path: string; ready: (page: Page) => Locator; title?: string };

/** How far the page scrolls sideways, and the outermost elements that stick out past the screen's right edge. */
async function sidewaysOverflow(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const sticksOut = (element: Element) => element.getBoundingClientRect().right > width + 0.5;
    const culprits = [...document.body.querySelectorAll("*")]
      .filter((element) => sticksOut(element) && !(element.parentElement && sticksOut(element.parentElement)))
      .slice(0, 5)
      .map((element) => {
        const classes = typeof element.className === "string" ? element.className.trim().split(/\s+/).slice(0, 4).join(".") : "";
        return `${element.tagName.toLowerCase()}${classes ? `.${classes}` : ""} (${Math.round(element.getBoundingClientRect().right)} px)`;
      });
    return { scrollWidth: document.documentElement.scrollWidth, width, culprits };
  });
}

/** Visits each page and returns those wider than the screen; titles are checked softly so every page is still visited. */
async function offendersAmong(page: Page, visits: Visit[]) {
  const offenders: string[] = [];
  for (const visit of visits) {
    await page.goto(visit.path);
    await expectHydrated(page);
    await expect(visit.ready(page)).toBeVisible();
    if (visit.title) await expect.soft(page, `the title of ${visit.path}`).toHaveTitle(visit.title);
    const { scrollWidth, width, culprits } = await sidewaysOverflow(page);
    if (scrollWidth > width) offenders.push(`${visit.path}: ${scrollWidth} px wide; ${culprits.join(", ")}`);
  }
  return offenders;
}

/** A group with something on every page, made through the API, and a member in their own browser context. */
async function populatedGroup(page: Page, browser: Parameters<typeof secondPerson>[0]) {
  await signInAsAdmin(page);
  const suffix = uniqueSuffix();
  const group = await call<{ id: string; handle: string; name: string }>(page.request, "group.create", {
    name: `Compassionate Community Steering Group ${suffix}`,
  });
  // A long organisation name is what widened the members filters.
  await call(page.request, "organisation.create", { name: `Bath and North East Somerset Council Community Wellbeing Hub ${suffix}` });
  const member = await secondPerson(browser, page.request, group.id);
  const memberId = (await query<{ id: string }>(member.context.request, "user.me")).id;
  const pendingEmail = `pat.${suffix}@example.org`;
  await call(page.request, "invitation.create", { groupId: group.id, emails: [pendingEmail], role: "member" });

  const thread = { title: "What helped when you were caring for someone?" };
  const { id: threadId } = await call<{ id: string }>(page.request, "thread.create", {
    groupId: group.id,
    title: thread.title,
    body: "The carers' guide is at https://www.bathnes.gov.uk/services/adult-social-care/carers-support-and-information-for-carers",
  });
  const adminId = (await query<{ id: string }>(page.request, "user.me")).id;
  await call(member.context.request, "comment.create", { threadId, body: `Thank you, [@${ADMIN.name}](mention:${adminId})` });
  const poll = { title: "Where should the spring retreat be?" };
  const { id: pollId } = await call<{ id: string }>(page.request, "poll.create", {
    groupId: group.id,
    kind: "ranked_choice",
    title: poll.title,
    options: ["By the sea", "In the hills", "In the forest"],
    closingAt: new Date(Date.now() + 7 * 24 * 60 * 60 * 1000).toISOString(),
  });
  const documentTitle = "Vision for a compassionate Bath";
  const { id: documentId } = await call<{ id: string }>(page.request, "document.create", { groupId: group.id, title: documentTitle });
  const meetingTitle = "December steering group meeting";
  const { id: meetingId } = await call<{ id: string }>(page.request, "meeting.create", {
    groupId: group.id,
    title: meetingTitle,
    startsAt: "2031-12-04T14:00:00.000Z",
    endsAt: "2031-12-04T16:00:00.000Z",
    location: "Guildhall, Banqueting Room",
    onlineUrl: "https://meet.example.org/compassionate-community-december-steering-group",
    agenda: "1. **Charter** review\n2. Budget; café pilot",
    attendeeIds: [memberId],
  });
  const resourceTitle = "Compassionate City Charter";
  const { id: resourceId } = await call<{ id: string }>(page.request, "resource.create", {
    groupId: group.id,
    kind: "link",
    title: resourceTitle,
    url: "https://www.compassionate-communitiesuk.co.uk/the-compassionate-city-charter-full-text",
  });
  return { group, member, pendingEmail, thread, threadId, poll, pollId, documentTitle, documentId, meetingTitle, meetingId, resourceTitle, resourceId };
}

const h1 = (name: string | RegExp) => (page: Page) => page.getByRole("heading", { level: 1, name });

test("at 360 px the group's pages and what is in them do not scroll sideways; tab titles name the page and group", async ({ page, browser }) => {
  test.slow();
  const data = await populatedGroup(page, browser);
  await data.member.context.close();
  const { group } = data;
  const base = `/groups/${group.handle}`;
  const titled = (name: string) => `${name} · ${group.name} · Hearth`;

  const offenders = await offendersAmong(page, [
    { path: "/", ready: (p) => p.getByRole("link", { name: group.name }).first() },
    { path: base, ready: (p) => p.getByRole("link", { name: data.thread.title }), title: `${group.name} · Hearth` },
    { path: `${base}/members`, ready: (p) => p.getByText(/^2 people\.$/), title: titled("Members") },
    { path: `${base}/documents`, ready: (p) => p.getByRole("link", { name: data.documentTitle }).first(), title: titled("Documents") },
    { path: `${base}/meetings`, ready: (p) => p.getByRole("link", { name: data.meetingTitle }).first(), title: titled("Meetings") },
    { path: `${base}/resources`, ready: (p) => p.getByRole("link", { name: data.resourceTitle }).first(), title: titled("Resources") },
    { path: `${base}/invitations`, ready: (p) => p.getByText(data.pendingEmail).first(), title: titled("Invitations") },
    { path: `${base}/requests`, ready: (p) => p.getByText("Nobody is waiting for an answer."), title: titled("Requests to join") },
    { path: `${base}/settings`, ready: h1(group.name), title: titled("Settings") },
    { path: `/threads/${data.threadId}`, ready: h1(data.thread.title) },
    { path: `/polls/${data.pollId}`, ready: h1(data.poll.title) },
    { path: `/documents/${data.documentId}`, ready: h1(data.documentTitle) },
    { path: `/documents/${data.documentId}/history`, ready: h1(`History of ${data.documentTitle}`) },
    { path: `/meetings/${data.meetingId}`, ready: h1(data.meetingTitle) },
    { path: `/resources/${data.resourceId}`, ready: h1(data.resourceTitle) },
  ]);
  expect(offenders, "pages wider than a 360 px screen").toEqual([]);
});

test("at 360 px the personal and instance pages, and a member's members page, do not scroll sideways", async ({ page, browser }) => {
  test.slow();
  const { group, member } = await populatedGroup(page, browser);
  // The member's context is a new one, which test.use's viewport does not reach.
  await member.page.setViewportSize({ width: 360, height: 740 });

  const offenders = await offendersAmong(page, [
    { path: "/notifications", ready: h1("Notifications") },
    { path: "/account", ready: h1("Your account") },
    { path: "/settings/notifications", ready: h1("Email settings") },
    { path: "/organisations", ready: h1("Organisations") },
    { path: "/outbox", ready: h1("Email outbox") },
    { path: "/admin/import", ready: h1("Import") },
  ]);
  offenders.push(
    ...(await offendersAmong(member.page, [
      { path: `/groups/${group.handle}/members`, ready: (p) => p.getByText(/^2 people\.$/), title: `Members · ${group.name} · Hearth` },
    ])).map((offender) => `as a member, ${offender}`),
  );
  await member.context.close();
  expect(offenders, "pages wider than a 360 px screen").toEqual([]);
});
