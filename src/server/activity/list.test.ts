import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ACTIVITY_PAGE_SIZE } from "@/server/activity/list";
import { ACTIVITY_TYPES, type ActivityItem, type ListActivityInput } from "@/server/activity/schemas";
import { getDb } from "@/server/db";
import { importLoomio } from "@/server/imports/loomio/import";
import { at, LoomioFixture } from "@/server/imports/loomio/test-fixture";
import { addMember, callerFor, countingCaller, makeDocument, makeGroup, makeStoredFile, makeUser } from "@/server/test/factories";

const db = () => getDb();
const directory = mkdtempSync(path.join(tmpdir(), "hearth-activity-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
const T0 = Date.UTC(2026, 0, 10, 12, 0);
/** A moment `n` minutes after the tests' start. */
const minute = (n: number) => new Date(T0 + n * 60_000);

type Person = { id: string; name: string };

async function feedGroup() {
  const group = await makeGroup();
  const [admin, member, guest, outsider] = await Promise.all([
    makeUser({ name: "Ada Admin" }),
    makeUser({ name: "Mo Member" }),
    makeUser({ name: "Gil Guest" }),
    makeUser({ name: "Otto Outsider" }),
  ]);
  await addMember(group.id, admin.id, "admin");
  await addMember(group.id, member.id, "member");
  await addMember(group.id, guest.id, "guest");
  await addMember((await makeGroup()).id, outsider.id, "member");
  return { group, admin, member, guest, outsider };
}

const as = (person: Person) => callerFor(person.id).caller;

function thread(groupId: string, author: Person, title: string, createdAt: Date) {
  return db().thread.create({ data: { groupId, authorId: author.id, title, body: "Body", createdAt }, select: { id: true } });
}

function poll(
  groupId: string,
  author: Person,
  title: string,
  times: { createdAt: Date; closedAt?: Date; outcomeAt?: Date; outcomeBy?: Person; threadId?: string },
) {
  return db().poll.create({
    data: {
      groupId,
      authorId: author.id,
      kind: "proposal",
      title,
      threadId: times.threadId,
      createdAt: times.createdAt,
      closingAt: times.closedAt ?? minute(10_000),
      closedAt: times.closedAt,
      outcomeAt: times.outcomeAt,
      outcomeStatement: times.outcomeAt ? "**We** go ahead" : null,
      outcomeAuthorId: times.outcomeBy?.id,
    },
    select: { id: true },
  });
}

async function resource(groupId: string, author: Person, title: string, times: { createdAt: Date; publishedAt?: Date; publishedBy?: Person }) {
  return db().resource.create({
    data: {
      groupId,
      kind: "file",
      title,
      authorId: author.id,
      createdAt: times.createdAt,
      publishedAt: times.publishedAt,
      publishedById: times.publishedBy?.id,
      latestVersion: 1,
      versions: { create: { number: 1, fileId: (await makeStoredFile(author.id)).id, uploadedById: author.id } },
    },
    select: { id: true },
  });
}

function meeting(groupId: string, author: Person, title: string, createdAt: Date) {
  return db().meeting.create({
    data: { groupId, createdById: author.id, title, startsAt: minute(20_000), createdAt },
    select: { id: true },
  });
}

/** A named version of a new document, adopted at `adoptedAt` through the proposal `pollId` (whose outcome author adopted it). */
async function adoptedVersion(groupId: string, author: Person, title: string, adoptedAt: Date, pollId: string, guestIds: string[] = []) {
  const document = await makeDocument({ groupId, createdById: author.id, title, guestIds });
  const version = await db().documentVersion.create({
    data: { documentId: document.id, kind: "named", name: "Spring draft", state: new Uint8Array([0]), createdById: author.id, pollId, adoptedAt },
    select: { id: true },
  });
  return { documentId: document.id, versionId: version.id };
}

async function allPages(person: Person, input: Omit<ListActivityInput, "cursor">) {
  const items: ActivityItem[] = [];
  let pages = 0;
  let cursor: string | null = null;
  do {
    const page = await as(person).activity.list({ ...input, cursor });
    items.push(...page.items);
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor);
  return { items, pages };
}

const summary = (items: ActivityItem[]) => items.map((item) => `${item.type}: ${item.title}`);

describe("activity.list", () => {
  it("lists what happened newest first; items of one moment later in a decision's life first, then by id", async () => {
    const { group, admin, member } = await feedGroup();
    const a = await thread(group.id, member, "Thread A", minute(0));
    const p = await poll(group.id, admin, "Proposal P", { createdAt: minute(0), threadId: a.id, closedAt: minute(10), outcomeAt: minute(10), outcomeBy: admin });
    const twins = await Promise.all([thread(group.id, member, "Twin", minute(5)), thread(group.id, member, "Twin", minute(5))]);
    const r = await resource(group.id, member, "Budget sheet", { createdAt: minute(1), publishedAt: minute(20), publishedBy: admin });
    const m = await meeting(group.id, admin, "Spring meeting", minute(20));
    const p2 = await poll(group.id, admin, "Adopt the vision", { createdAt: minute(25), closedAt: minute(29), outcomeAt: minute(30), outcomeBy: member });
    const v = await adoptedVersion(group.id, admin, "Vision", minute(30), p2.id);
    const subgroup = await makeGroup({ parentId: group.id });
    await thread(subgroup.id, admin, "In the subgroup", minute(40));

    const { items, pages } = await allPages(member, { groupId: group.id });
    expect(pages).toBe(1);
    expect(summary(items)).toEqual([
      "document_adopted: Vision",
      "outcome: Adopt the vision",
      "decision_closed: Adopt the vision",
      "decision_opened: Adopt the vision",
      "meeting: Spring meeting",
      "resource: Budget sheet",
      "outcome: Proposal P",
      "decision_closed: Proposal P",
      "thread: Twin",
      "thread: Twin",
      "decision_opened: Proposal P",
      "thread: Thread A",
    ]);
    const twinIds = twins.map(({ id }) => id).sort().reverse();
    expect(items.filter((item) => item.title === "Twin").map(({ id }) => id)).toEqual(twinIds);

    const byKey = new Map(items.map((item) => [`${item.type}:${item.id}`, item]));
    expect(byKey.get(`document_adopted:${v.versionId}`)).toMatchObject({
      actor: { id: member.id, name: "Mo Member" },
      url: `/documents/${v.documentId}/history?version=${v.versionId}`,
      details: { documentId: v.documentId, versionName: "Spring draft" },
      createdAt: minute(30),
      groupId: group.id,
    });
    expect(byKey.get(`outcome:${p.id}`)).toMatchObject({
      actor: { id: admin.id, name: "Ada Admin" },
      url: `/threads/${a.id}#poll-${p.id}-title`,
      details: { pollKind: "proposal", summary: "We go ahead" },
    });
    expect(byKey.get(`decision_closed:${p.id}`)).toMatchObject({ actor: null, createdAt: minute(10) });
    expect(byKey.get(`decision_opened:${p2.id}`)).toMatchObject({ actor: { name: "Ada Admin" }, url: `/polls/${p2.id}`, details: { closingAt: minute(29) } });
    expect(byKey.get(`resource:${r.id}`)).toMatchObject({ actor: { name: "Ada Admin" }, url: `/resources/${r.id}`, createdAt: minute(20), details: { resourceKind: "file", draft: false } });
    expect(byKey.get(`meeting:${m.id}`)).toMatchObject({ actor: { name: "Ada Admin" }, url: `/meetings/${m.id}`, details: { startsAt: minute(20_000) } });
    expect(byKey.get(`thread:${a.id}`)).toMatchObject({ actor: { id: member.id, name: "Mo Member", avatarUrl: null }, url: `/threads/${a.id}` });
  });

  it("pages through every source without repeating or skipping anything, even with ties and new activity between pages", async () => {
    const { group, admin, member } = await feedGroup();
    // Five moments shared by everything: ties within and across sources on every page.
    const moment = (index: number) => minute(index % 5);
    await db().thread.createMany({ data: Array.from({ length: 30 }, (_, index) => ({ groupId: group.id, authorId: member.id, title: `T${index}`, body: "b", createdAt: moment(index) })) });
    await db().poll.createMany({
      data: Array.from({ length: 25 }, (_, index) => ({
        groupId: group.id,
        authorId: admin.id,
        kind: "poll" as const,
        title: `P${index}`,
        createdAt: moment(index),
        closingAt: moment(index + 1),
        closedAt: index % 2 ? moment(index + 1) : null,
        outcomeAt: index % 3 ? null : moment(index + 1),
        outcomeStatement: index % 3 ? null : "Done",
        outcomeAuthorId: index % 3 ? null : admin.id,
      })),
    });
    await db().meeting.createMany({ data: Array.from({ length: 10 }, (_, index) => ({ groupId: group.id, createdById: admin.id, title: `M${index}`, startsAt: minute(99), createdAt: moment(index) })) });
    const expected = 30 + 25 + 12 + 9 + 10;

    const first = await as(member).activity.list({ groupId: group.id });
    expect(first.items).toHaveLength(ACTIVITY_PAGE_SIZE);
    await thread(group.id, member, "Arrived meanwhile", new Date());
    const items = [...first.items];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await as(member).activity.list({ groupId: group.id, cursor });
      expect(page.items.length).toBeLessThanOrEqual(ACTIVITY_PAGE_SIZE);
      items.push(...page.items);
      cursor = page.nextCursor;
    }

    const keys = items.map((item) => `${item.type}:${item.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(expected);
    expect(items.some((item) => item.title === "Arrived meanwhile")).toBe(false);
    for (let index = 1; index < items.length; index += 1) {
      const [before, after] = [items[index - 1]!, items[index]!];
      const order =
        before.createdAt.getTime() - after.createdAt.getTime() ||
        ACTIVITY_TYPES.indexOf(before.type) - ACTIVITY_TYPES.indexOf(after.type) ||
        (before.id > after.id ? 1 : -1);
      expect(order, `${keys[index - 1]} before ${keys[index]}`).toBeGreaterThan(0);
    }

    const reread = await allPages(member, { groupId: group.id });
    expect(reread.items[0]!.title).toBe("Arrived meanwhile");
    expect(reread.items).toHaveLength(expected + 1);
  });

  it("reads a fixed number of queries per page, however much the group holds", async () => {
    const small = await feedGroup();
    await thread(small.group.id, small.member, "One", minute(0));
    await poll(small.group.id, small.admin, "Decided", { createdAt: minute(1), closedAt: minute(2), outcomeAt: minute(2), outcomeBy: small.admin });
    const large = await feedGroup();
    await db().thread.createMany({ data: Array.from({ length: 60 }, (_, index) => ({ groupId: large.group.id, authorId: large.member.id, title: `T${index}`, body: "b", createdAt: minute(index) })) });
    await db().poll.createMany({
      data: Array.from({ length: 60 }, (_, index) => ({
        groupId: large.group.id,
        authorId: large.admin.id,
        kind: "poll" as const,
        title: `P${index}`,
        createdAt: minute(index),
        closingAt: minute(index + 1),
        closedAt: minute(index + 1),
        outcomeAt: minute(index + 1),
        outcomeStatement: "Done",
        outcomeAuthorId: large.member.id,
      })),
    });

    const counted = async ({ group, member }: typeof small) => {
      const { caller, reset } = countingCaller(member.id);
      reset();
      await caller.activity.list({ groupId: group.id });
      return reset();
    };
    expect(await counted(large)).toBe(await counted(small));
  });

  it("filters by type; no types, or an empty list, means every type; unknown types and page positions are refused in words", async () => {
    const { group, admin, member } = await feedGroup();
    const a = await thread(group.id, member, "Talk", minute(0));
    await poll(group.id, admin, "Decide", { createdAt: minute(1), threadId: a.id, closedAt: minute(2), outcomeAt: minute(3), outcomeBy: admin });
    await meeting(group.id, admin, "Meet", minute(4));
    await resource(group.id, admin, "Read", { createdAt: minute(5), publishedAt: minute(5), publishedBy: admin });

    const decisions = await as(member).activity.list({ groupId: group.id, types: ["decision_opened", "decision_closed", "outcome"] });
    expect(summary(decisions.items)).toEqual(["outcome: Decide", "decision_closed: Decide", "decision_opened: Decide"]);
    const meetings = await as(member).activity.list({ groupId: group.id, types: ["meeting", "meeting"] });
    expect(summary(meetings.items)).toEqual(["meeting: Meet"]);
    expect(await as(member).activity.list({ groupId: group.id, types: [] })).toMatchObject({ items: { length: 6 }, nextCursor: null });
    expect((await as(member).activity.list({ groupId: group.id })).items).toHaveLength(6);

    await expect(as(member).activity.list({ groupId: group.id, types: ["comment" as "thread"] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    for (const cursor of ["nonsense", Buffer.from("123:comment:abc").toString("base64url"), "€"]) {
      await expect(as(member).activity.list({ groupId: group.id, cursor })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: "That page position is not valid; reload the activity.",
      });
    }
  });

  it("places imported Loomio history by its own dates, among what happened in Hearth since", async () => {
    const importer = await makeUser({ name: "Importing Admin", isAdmin: true });
    const fx = new LoomioFixture();
    fx.add("users", { id: 1, name: "Ada Lovelace", email: `ada-${crypto.randomUUID()}@loomio.example`, created_at: at(-1_000) });
    const key = `k${crypto.randomUUID()}`;
    fx.add("groups", { id: 100, name: "Climate Circle", handle: `climate-${crypto.randomUUID().slice(0, 8)}`, key, created_at: at(-900) });
    fx.add("memberships", { id: 1001, group_id: 100, user_id: 1, admin: true, accepted_at: at(-700), created_at: at(-710) });
    fx.add("discussions", { id: 200, group_id: 100, author_id: 1, title: "Budget 2025", description: "Plan", description_format: "md", created_at: at(0) });
    const proposal = fx.poll({ id: 500, kind: "proposal", groupId: 100, discussionId: 200, options: ["agree", "disagree"], votes: [{ voter: 1, choices: { agree: 1 } }] });
    fx.add("outcomes", { id: 700, poll_id: 500, author_id: 1, statement: "We go ahead", statement_format: "md", poll_option_id: proposal.options.get("agree"), latest: true, created_at: at(4_100) });
    await importLoomio(db(), { filePath: fx.write(path.join(directory, "export.jsonl")), adminUserId: importer.id, dryRun: false });
    const record = await db().importedRecord.findFirstOrThrow({ where: { source: "loomio", origin: `loomio:${key}`, table: "groups", sourceId: "100" }, select: { targetId: true } });

    await as(importer).thread.create({ groupId: record.targetId, title: "Since the move", body: "Hello Hearth" });
    const { items } = await allPages(importer, { groupId: record.targetId });
    expect(summary(items)).toEqual([
      "thread: Since the move",
      "outcome: A proposal poll",
      "decision_closed: A proposal poll",
      "decision_opened: A proposal poll",
      "thread: Budget 2025",
    ]);
    expect(items.map((item) => item.createdAt.toISOString()).slice(1)).toEqual([at(4_100), at(4_000), at(100), at(0)]);
    expect(items[1]!.actor?.name).toBe("Ada Lovelace");
    expect(items[4]!.actor?.name).toBe("Ada Lovelace");
  });

  it("shows guests only what happens in the threads and documents they were invited to", async () => {
    const { group, admin, member, guest } = await feedGroup();
    const invited = await thread(group.id, admin, "Invited", minute(0));
    const other = await thread(group.id, admin, "Members only", minute(1));
    await db().threadGuest.create({ data: { threadId: invited.id, userId: guest.id } });
    await poll(group.id, admin, "In the invited thread", { createdAt: minute(2), threadId: invited.id });
    await poll(group.id, admin, "In the other thread", { createdAt: minute(3), threadId: other.id });
    const chosen = await poll(group.id, admin, "Standalone", { createdAt: minute(4) });
    await db().pollVoter.create({ data: { pollId: chosen.id, userId: guest.id } });
    await meeting(group.id, admin, "Meeting", minute(5));
    await resource(group.id, admin, "Library", { createdAt: minute(6), publishedAt: minute(6), publishedBy: admin });
    const adoption = await poll(group.id, admin, "Adopt", { createdAt: minute(7), closedAt: minute(8), outcomeAt: minute(8), outcomeBy: admin });
    await adoptedVersion(group.id, admin, "Shared charter", minute(8), adoption.id, [guest.id]);
    const hidden = await poll(group.id, admin, "Adopt other", { createdAt: minute(7), closedAt: minute(9), outcomeAt: minute(9), outcomeBy: admin });
    await adoptedVersion(group.id, admin, "Internal rules", minute(9), hidden.id);

    const seen = await allPages(guest, { groupId: group.id });
    expect(summary(seen.items)).toEqual(["document_adopted: Shared charter", "decision_opened: In the invited thread", "thread: Invited"]);
    const everything = await allPages(member, { groupId: group.id });
    expect(everything.items).toHaveLength(15);
  });

  it("shows draft resources to admins only, even to the member who wrote one", async () => {
    const { group, admin, member } = await feedGroup();
    await resource(group.id, member, "Member's draft", { createdAt: minute(0) });
    await resource(group.id, admin, "Admin's draft", { createdAt: minute(1) });
    await resource(group.id, member, "Published", { createdAt: minute(2), publishedAt: minute(3), publishedBy: admin });

    expect(summary((await as(member).activity.list({ groupId: group.id })).items)).toEqual(["resource: Published"]);
    const forAdmin = (await as(admin).activity.list({ groupId: group.id, types: ["resource"] })).items;
    expect(forAdmin.map((item) => [item.title, item.type === "resource" && item.details.draft, item.actor?.name])).toEqual([
      ["Published", false, "Ada Admin"],
      ["Admin's draft", true, "Ada Admin"],
      ["Member's draft", true, "Mo Member"],
    ]);
  });

  it("refuses outsiders and people who left as every group page does, and signed-out callers", async () => {
    const { group, admin, member, outsider } = await feedGroup();
    await thread(group.id, admin, "Private", minute(0));
    const refusal = { code: "NOT_FOUND", message: "That group does not exist, or you are not a member of it." };
    await expect(as(outsider).activity.list({ groupId: group.id })).rejects.toMatchObject(refusal);
    await expect(as(outsider).thread.list({ groupId: group.id })).rejects.toMatchObject(refusal);

    expect((await as(member).activity.list({ groupId: group.id })).items).toHaveLength(1);
    await as(admin).member.remove({ groupId: group.id, userId: member.id });
    await expect(as(member).activity.list({ groupId: group.id })).rejects.toMatchObject(refusal);
    await expect(callerFor(null).caller.activity.list({ groupId: group.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(as(member).activity.list({ groupId: "no-such-group" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
