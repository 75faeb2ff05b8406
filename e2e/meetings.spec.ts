import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { call, expectNoAxeViolations, query, secondPerson, signInAsAdmin, uniqueSuffix } from "./support";

const bell = (page: Page) => page.getByRole("button", { name: /^Notifications/ });

/** A group with a member (Sam) and a meeting Sam is invited to, made through the API. */
async function groupWithMeeting(page: Page, browser: Browser) {
  await signInAsAdmin(page);
  const group = await call<{ id: string; handle: string; name: string }>(page.request, "group.create", { name: `Steering ${uniqueSuffix()}` });
  const member = await secondPerson(browser, page.request, group.id);
  const me = await query<{ id: string }>(member.context.request, "user.me");
  const title = `Spring planning ${uniqueSuffix()}`;
  const { id: meetingId } = await call<{ id: string }>(page.request, "meeting.create", {
    groupId: group.id,
    title,
    startsAt: "2031-03-04T14:00:00.000Z",
    endsAt: "2031-03-04T16:00:00.000Z",
    location: "Guildhall, Room 2",
    onlineUrl: "https://meet.example.org/spring",
    agenda: "1. **Charter** review\n2. Budget; café pilot",
    attendeeIds: [me.id],
  });
  return { group, member, title, meetingId };
}

test("an admin schedules a meeting with its agenda, place, link and attendees; a javascript: link is refused", async ({ page, browser }) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await call<{ id: string; handle: string; name: string }>(page.request, "group.create", { name: `Steering ${uniqueSuffix()}` });
  const member = await secondPerson(browser, page.request, group.id);
  await member.context.close();
  const title = `Spring planning ${uniqueSuffix()}`;

  await page.goto(`/groups/${group.handle}/meetings`);
  await expect(page.getByRole("heading", { level: 2, name: "Meetings" })).toBeVisible();
  await expect(page.getByText("No meetings planned.")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Schedule a meeting" }).click();
  const dialog = page.getByRole("dialog", { name: "Schedule a meeting" });
  await dialog.getByLabel("Title").fill(title);
  await dialog.getByLabel("Starts").fill("2031-03-04T14:00");
  await dialog.getByLabel("Ends (optional)").fill("2031-03-04T16:00");
  await dialog.getByLabel("Place (optional)").fill("Guildhall, Room 2");
  await dialog.getByLabel("Online link (optional)").fill("javascript:alert(1)");
  await dialog.getByRole("textbox", { name: "Agenda (optional)", exact: true }).fill("1. **Charter** review\n2. Budget; café pilot");
  await dialog.getByRole("checkbox", { name: member.person.name }).check();
  await expect(dialog.getByRole("list", { name: "Chosen attendees" })).toContainText(member.person.name);
  await expectNoAxeViolations(page, '[role="dialog"]');
  await dialog.getByRole("button", { name: "Schedule the meeting" }).click();
  await expect(dialog.getByText("“javascript:” links are not allowed. Enter a web address starting with https:// or http://.")).toBeVisible();
  await expect(dialog.getByLabel("Title")).toHaveValue(title);

  await dialog.getByLabel("Online link (optional)").fill("https://meet.example.org/spring");
  await dialog.getByRole("button", { name: "Schedule the meeting" }).click();
  await expect(page).toHaveURL(/\/meetings\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.locator("strong", { hasText: "Charter" })).toBeVisible();
  await expect(page.getByText("Guildhall, Room 2")).toBeVisible();
  await expect(page.getByRole("link", { name: "https://meet.example.org/spring" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Attendees" }).getByText(member.person.name)).toBeVisible();
  await expect(page.getByText("No minutes yet.")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a member sees the meeting under Upcoming, is told by the bell, and takes it into a calendar", async ({ page, browser }) => {
  test.slow();
  const { group, member, title, meetingId } = await groupWithMeeting(page, browser);
  const memberPage = member.page;
  await memberPage.goto(`/groups/${group.handle}/meetings`);
  const upcoming = memberPage.getByRole("region", { name: "Upcoming" });
  await expect(upcoming.getByRole("link", { name: title })).toBeVisible();
  await expect(upcoming.getByText("You are invited")).toBeVisible();
  await expect(memberPage.getByRole("region", { name: "Past" }).getByText("No past meetings yet.")).toBeVisible();
  await expect(bell(memberPage)).toHaveAccessibleName("Notifications, 1 unread");
  await expect(memberPage.getByRole("button", { name: "Schedule a meeting" })).toHaveCount(0);
  await expectNoAxeViolations(memberPage);

  await upcoming.getByRole("link", { name: title }).click();
  await expect(memberPage.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(memberPage.getByRole("button", { name: "Add minutes" })).toHaveCount(0);
  const [download] = await Promise.all([memberPage.waitForEvent("download"), memberPage.getByRole("link", { name: "Add to calendar (.ics)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^spring-planning-[a-z0-9]+\.ics$/);
  const ics = readFileSync((await download.path())!, "utf8");
  const lines = ics.replace(/\r\n /g, "").split("\r\n");
  expect(lines).toContain("BEGIN:VEVENT");
  expect(lines).toContain(`UID:meeting-${meetingId}@hearth`);
  expect(lines).toContain(`SUMMARY:${title}`);
  expect(lines).toContain("LOCATION:Guildhall\\, Room 2");
  expect(lines).toContain("SEQUENCE:0");
  expect(lines.find((line) => line.startsWith("URL:"))).toMatch(new RegExp(`^URL:https?://[^/]+/meetings/${meetingId}$`));
  expect(lines.find((line) => line.startsWith("DESCRIPTION:"))).toContain("1. Charter review\\n2. Budget\\; café pilot");
  const response = await memberPage.request.get(`/api/meetings/${meetingId}/ics`);
  expect(response.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="spring-planning-[a-z0-9]+\.ics"$/);
  const stranger = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  expect((await stranger.request.get(`/api/meetings/${meetingId}/ics`)).status()).toBe(401);
  await stranger.close();
  await member.context.close();
});

test("minutes reach a member's open page live; the member starts a thread about the meeting, and a decision links it", async ({ page, browser }) => {
  test.slow();
  const { group, member, title, meetingId } = await groupWithMeeting(page, browser);
  const memberPage = member.page;
  await page.goto(`/meetings/${meetingId}`);
  await memberPage.goto(`/meetings/${meetingId}`);
  await expect(memberPage.getByTestId("live-indicator")).toHaveText("Live");
  await expect(bell(memberPage)).toHaveAccessibleName("Notifications, 1 unread");

  await page.getByRole("button", { name: "Add minutes" }).click();
  await page.getByRole("textbox", { name: "Minutes", exact: true }).fill("We agreed the **budget**.");
  await page.getByRole("button", { name: "Save minutes" }).click();
  await expect(page.locator("#minutes strong", { hasText: "budget" })).toBeVisible();
  await expect(memberPage.locator("#minutes strong", { hasText: "budget" })).toBeVisible();
  await expect(bell(memberPage)).toHaveAccessibleName("Notifications, 2 unread");

  // The member starts a thread about the meeting; both pages show the link.
  await memberPage.getByRole("button", { name: "Start a thread about this meeting" }).click();
  const threadDialog = memberPage.getByRole("dialog", { name: "Start a thread" });
  await expect(threadDialog.getByLabel("Meeting (optional)")).toHaveValue(meetingId);
  await threadDialog.getByLabel("Title").fill("Questions before spring planning");
  await threadDialog.getByRole("textbox", { name: "What would you like to discuss?" }).fill("Who brings the budget sheet?");
  await threadDialog.getByRole("button", { name: "Start thread" }).click();
  await expect(memberPage).toHaveURL(/\/threads\/[^/]+$/);
  await expect(memberPage.getByText("Meeting:")).toBeVisible();
  await memberPage.getByRole("link", { name: title }).click();
  await expect(memberPage).toHaveURL(new RegExp(`/meetings/${meetingId}$`));
  await expect(memberPage.getByRole("region", { name: "Discussions and decisions" }).getByRole("link", { name: "Questions before spring planning" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Discussions and decisions" }).getByRole("link", { name: "Questions before spring planning" })).toBeVisible();

  // A decision for the meeting shows it too.
  const poll = await call<{ id: string }>(page.request, "poll.create", {
    groupId: group.id,
    kind: "proposal",
    title: "Adopt the spring budget",
    closingAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    meetingId,
  });
  await page.goto(`/polls/${poll.id}`);
  await expect(page.getByRole("link", { name: title })).toHaveAttribute("href", `/meetings/${meetingId}`);
  await member.context.close();
});

test("a thread started from the group page can pick a meeting from the list", async ({ page }) => {
  await signInAsAdmin(page);
  const group = await call<{ id: string; handle: string }>(page.request, "group.create", { name: `Circle ${uniqueSuffix()}` });
  const title = `Open day ${uniqueSuffix()}`;
  const { id } = await call<{ id: string }>(page.request, "meeting.create", { groupId: group.id, title, startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString() });
  await page.goto(`/groups/${group.handle}`);
  await page.getByRole("button", { name: "New thread" }).click();
  const dialog = page.getByRole("dialog", { name: "Start a thread" });
  await dialog.getByLabel("Title").fill("Helpers for the open day");
  await dialog.getByRole("textbox", { name: "What would you like to discuss?" }).fill("Who can help?");
  await dialog.getByLabel("Meeting (optional)").selectOption(id);
  await dialog.getByRole("button", { name: "Start thread" }).click();
  await expect(page).toHaveURL(/\/threads\/[^/]+$/);
  await expect(page.getByRole("link", { name: title })).toHaveAttribute("href", `/meetings/${id}`);
  await expectNoAxeViolations(page);

  // Editing the thread unlinks it, and links it again.
  const edit = async (from: string, to: string) => {
    await page.getByRole("button", { name: "Thread options" }).click();
    await page.getByRole("menuitem", { name: "Edit thread" }).click();
    await expect(page.getByLabel("Meeting (optional)")).toHaveValue(from);
    await page.getByLabel("Meeting (optional)").selectOption(to);
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  };
  await edit(id, "");
  await expect(page.getByText("Meeting:")).toHaveCount(0);
  await edit("", id);
  await expect(page.getByText("Meeting:")).toBeVisible();
  await expect(page.getByRole("link", { name: title })).toHaveAttribute("href", `/meetings/${id}`);
});
