import { readFileSync } from "node:fs";
import { inflateRawSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { call, expectHydrated, secondPerson, signInAsAdmin, uniqueSuffix } from "./support";

/** The text of each entry of a ZIP, read through its central directory (stored or deflated entries). */
function zipTexts(zip: Buffer): Map<string, string> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end, "the end of the ZIP's central directory").toBeGreaterThanOrEqual(0);
  const texts = new Map<string, string>();
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i += 1) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const [method, size, nameLength, extraLength, commentLength, offset] = [
      zip.readUInt16LE(at + 10),
      zip.readUInt32LE(at + 20),
      zip.readUInt16LE(at + 28),
      zip.readUInt16LE(at + 30),
      zip.readUInt16LE(at + 32),
      zip.readUInt32LE(at + 42),
    ];
    const name = zip.toString("utf8", at + 46, at + 46 + nameLength);
    const start = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
    const data = zip.subarray(start, start + size);
    texts.set(name, (method === 8 ? inflateRawSync(data) : data).toString("utf8"));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return texts;
}

test("the group's ZIP lists its decisions, tasks and voting rules; a member's own download holds their task and acknowledgement", async ({ page, browser }) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await call<{ id: string; handle: string }>(page.request, "group.create", { name: `Orchard ${uniqueSuffix()}` });
  const question = `Plant an orchard ${uniqueSuffix()}`;
  const poll = await call<{ id: string }>(page.request, "poll.create", {
    groupId: group.id,
    kind: "proposal",
    title: question,
    closingAt: new Date(Date.now() + 7 * 86_400_000),
  });
  await call(page.request, "poll.close", { id: poll.id });
  await call(page.request, "poll.setOutcome", { id: poll.id, statement: "We plant twelve apple trees." });
  await call(page.request, "ack.request", { kind: "outcome", id: poll.id });
  const member = await secondPerson(browser, page.request, group.id);
  const chore = `=Order the saplings ${uniqueSuffix()}`;
  await call(member.context.request, "task.create", { groupId: group.id, title: chore });
  await call(member.context.request, "ack.confirm", { kind: "outcome", id: poll.id });

  await page.goto(`/groups/${group.handle}/settings`);
  await expectHydrated(page);
  const section = page.getByRole("region", { name: "Download all group data" });
  const [zip] = await Promise.all([page.waitForEvent("download"), section.getByRole("link", { name: "Download ZIP" }).click()]);
  const texts = zipTexts(readFileSync((await zip.path())!));
  expect(texts.get("polls.csv")).toMatch(/,opens_at,quorum,threshold,threshold_of,reasons_required_for,/);
  expect(texts.get("decisions.csv")).toContain(question);
  expect(texts.get("decisions.csv")).toContain("We plant twelve apple trees.");
  // A title a spreadsheet would run as a formula is defused.
  expect(texts.get("tasks.csv")).toContain(`'${chore}`);
  expect(texts.get("tasks.csv")).toContain(member.person.name);
  const json = texts.get("group.json")!.trimEnd().split("\n").map((line) => JSON.parse(line) as { type?: string; data?: Record<string, unknown> });
  expect(json.filter(({ type }) => type === "decision").map(({ data }) => data!.title)).toEqual([question]);
  expect(json.find(({ type }) => type === "ack_request")?.data?.acks).toHaveLength(1);

  await member.page.goto("/account");
  await expectHydrated(member.page);
  const mine = member.page.getByRole("region", { name: "Download my data" });
  const [own] = await Promise.all([member.page.waitForEvent("download"), mine.getByRole("link", { name: "Download my data" }).click()]);
  const data = JSON.parse(readFileSync((await own.path())!, "utf8")) as {
    tasks: { title: string; addedByYou: boolean }[];
    acknowledgements: { subject: { type: string; title: string }; current: boolean }[];
  };
  expect(data.tasks).toEqual([expect.objectContaining({ title: chore, addedByYou: true })]);
  expect(data.acknowledgements).toEqual([expect.objectContaining({ subject: expect.objectContaining({ type: "outcome", title: question }), current: true })]);
  await member.context.close();
});
