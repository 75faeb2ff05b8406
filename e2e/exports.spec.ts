import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { call, expectHydrated, expectNoAxeViolations, secondPerson, signInAsAdmin, uniqueSuffix } from "./support";

/** The entry names of a ZIP, read from its central directory (enough to see what a download holds). */
function zipEntryNames(zip: Buffer): string[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end, "the end of the ZIP's central directory").toBeGreaterThanOrEqual(0);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i += 1) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const [nameLength, extraLength, commentLength] = [zip.readUInt16LE(at + 28), zip.readUInt16LE(at + 30), zip.readUInt16LE(at + 32)];
    names.push(zip.toString("utf8", at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

test("an admin downloads the whole group as a ZIP from its settings; a member sees no such section and is refused", async ({ page, browser }) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await call<{ id: string; handle: string; name: string }>(page.request, "group.create", { name: `Archive ${uniqueSuffix()}` });
  await call(page.request, "thread.create", { groupId: group.id, title: "Kept for the record", body: "The minutes of our first meeting" });

  await page.goto(`/groups/${group.handle}/settings`);
  await expectHydrated(page);
  const section = page.getByRole("region", { name: "Download all group data" });
  await expect(section.getByText("Anonymous votes are downloaded without anyone's name")).toBeVisible();
  await expectNoAxeViolations(page);
  const [download] = await Promise.all([page.waitForEvent("download"), section.getByRole("link", { name: "Download ZIP" }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^hearth-${group.handle}-\\d{4}-\\d{2}-\\d{2}\\.zip$`));
  const names = zipEntryNames(readFileSync((await download.path())!));
  expect(names).toEqual(expect.arrayContaining(["group.json", "threads.csv", "comments.csv", "votes.csv", "members.csv"]));

  const member = await secondPerson(browser, page.request, group.id);
  await member.page.goto(`/groups/${group.handle}/settings`);
  await expect(member.page.getByRole("heading", { name: "This page is not available" })).toBeVisible();
  await expect(member.page.getByRole("heading", { name: "Download all group data" })).toHaveCount(0);
  const refused = await member.context.request.get(`/api/groups/${group.handle}/export`);
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toBe("Only the group's admins can download all of its data.");
  await member.context.close();
});

test("a member downloads their own data from their account page, with the comment they wrote", async ({ page, browser }) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await call<{ id: string; handle: string }>(page.request, "group.create", { name: `Own words ${uniqueSuffix()}` });
  const thread = await call<{ id: string }>(page.request, "thread.create", { groupId: group.id, title: "Ideas for spring", body: "Anything goes" });
  const member = await secondPerson(browser, page.request, group.id);
  const words = `Let us plant a hedge ${uniqueSuffix()}`;
  await call(member.context.request, "comment.create", { threadId: thread.id, body: words });

  await member.page.goto("/account");
  await expectHydrated(member.page);
  const section = member.page.getByRole("region", { name: "Download my data" });
  await expect(section.getByText("Your votes in anonymous polls are not included")).toBeVisible();
  const [download] = await Promise.all([member.page.waitForEvent("download"), section.getByRole("link", { name: "Download my data" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^hearth-my-data-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(readFileSync((await download.path())!, "utf8")) as { profile: { email: string }; comments: { body: string }[] };
  expect(data.profile.email).toBe(member.person.email);
  expect(data.comments.map(({ body }) => body)).toContain(words);
  await member.context.close();
});
