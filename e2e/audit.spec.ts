import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { ADMIN, call, expectHydrated, expectNoAxeViolations, query, secondPerson, signInAsAdmin, uniqueSuffix } from "./support";

test("an admin's setting, role change and removal are in the audit log, newest first with before and after, and in its CSV; a member cannot open it", async ({
  page,
  browser,
}) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await call<{ id: string; handle: string; name: string }>(page.request, "group.create", { name: `Audited circle ${uniqueSuffix()}` });
  const promoted = await secondPerson(browser, page.request, group.id);
  const removed = await secondPerson(browser, page.request, group.id);
  const member = await secondPerson(browser, page.request, group.id);
  const roleOf = async (name: string) =>
    (await query<{ items: { name: string; role: string }[] }>(page.request, "member.list", { groupId: group.id })).items.find(
      (person) => person.name === name,
    )?.role;

  await page.goto(`/groups/${group.handle}/settings`);
  await expectHydrated(page);
  await page.getByLabel("Members can start polls and proposals").uncheck();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();

  await page.goto(`/groups/${group.handle}/members`);
  await expectHydrated(page);
  await page.getByLabel(`Role of ${promoted.person.name}`).selectOption("admin");
  await expect.poll(() => roleOf(promoted.person.name)).toBe("admin");
  await page.getByRole("button", { name: `Remove ${removed.person.name}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove from group" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);

  await page.getByRole("navigation", { name: "Group sections" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page).toHaveTitle(`Audit log · ${group.name} · Hearth`);
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  const entries = page.getByTestId("audit-entry");
  await expect(entries.nth(0)).toContainText(`${ADMIN.name} removed ${removed.person.name} from the group`);
  await expect(entries.nth(1)).toContainText(`${ADMIN.name} changed ${promoted.person.name}'s role from member to admin`);
  await expect(entries.nth(2)).toContainText(`${ADMIN.name} changed the group's settings: members can start polls and proposals`);
  await expect(entries.nth(3)).toContainText(`${ADMIN.name} invited ${member.person.email} as a member`);
  await expect(entries.nth(0).locator("time")).toHaveCount(2);

  const setting = entries.nth(2);
  await setting.getByText("Before and after").click();
  await expect(setting.getByText("Members can start polls and proposals", { exact: true })).toBeVisible();
  await expect(setting.locator("dd")).toHaveText(["Before: yes", "After: no"]);
  const role = entries.nth(1);
  await role.getByText("Before and after").click();
  await expect(role.locator("dd")).toHaveText(["Before: member", "After: admin"]);
  await expectHydrated(page);
  await expectNoAxeViolations(page);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download as CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^hearth-${group.handle}-audit-log-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const csv = readFileSync((await download.path())!, "utf8");
  const lines = csv.split("\r\n");
  expect(lines[0]).toBe("time (UTC),actor,action,what happened,subject type,subject,before,after");
  expect(lines[1]).toContain(`,${ADMIN.name},member.removed,${ADMIN.name} removed ${removed.person.name} from the group,person,`);
  expect(lines[2]).toContain(
    `,${ADMIN.name},member.role_changed,${ADMIN.name} changed ${promoted.person.name}'s role from member to admin,person,${promoted.person.name},"{""role"":""member""}","{""role"":""admin""}"`,
  );

  // A phone's width: nothing on the page scrolls sideways.
  await page.setViewportSize({ width: 360, height: 740 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await member.page.goto(`/groups/${group.handle}/audit`);
  await expect(member.page.getByRole("heading", { name: "This page is not available" })).toBeVisible();
  await expect(member.page.getByRole("navigation", { name: "Group sections" }).getByRole("link", { name: "Audit log" })).toHaveCount(0);
  await expectNoAxeViolations(member.page);
  const refused = await member.context.request.get(`/api/groups/${group.handle}/audit.csv`);
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toBe("Only the group's admins can see its audit log.");
  for (const person of [promoted, removed, member]) await person.context.close();
});

test("a new group's audit log says nothing has been recorded yet", async ({ page }) => {
  await signInAsAdmin(page);
  const group = await call<{ handle: string }>(page.request, "group.create", { name: `Quiet circle ${uniqueSuffix()}` });
  await page.goto(`/groups/${group.handle}/audit`);
  await expect(page.getByText("Nothing has been recorded yet.")).toBeVisible();
  await expect(page.getByTestId("audit-entry")).toHaveCount(0);
  await expectNoAxeViolations(page);
});
