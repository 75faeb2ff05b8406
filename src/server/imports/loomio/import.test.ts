import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { providerOf } from "@/server/db/database-provider";
import { AppError } from "@/server/errors";
import { importLoomio } from "@/server/imports/loomio/import";
import { loomioLine } from "@/server/imports/loomio/loomio-format";
import { at, LoomioFixture, PEOPLE, richExport, SECRETS, type Row } from "@/server/imports/loomio/test-fixture";
import type { ImportReport } from "@/server/imports/report";
import { callerFor, makeGroup, makeUser } from "@/server/test/factories";

const directory = mkdtempSync(path.join(tmpdir(), "hearth-loomio-import-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const db = () => getDb();
const KEY = "ccKEY1";
let admin: { id: string };
let cleo: { id: string; email: string };
let takenHandle: string;
let fixture: LoomioFixture;
let file: string;
let dryRun: ImportReport;
let firstRun: ImportReport;

async function hearthId(table: string, sourceId: number | string): Promise<string> {
  const record = await db().importedRecord.findFirst({ where: { source: "loomio", origin: `loomio:${KEY}`, table, sourceId: String(sourceId) }, select: { targetId: true } });
  if (!record) throw new Error(`${table} ${sourceId} was not imported`);
  return record.targetId;
}

const sortedSkips = (report: ImportReport) => [...report.skipped].sort((a, b) => `${a.table}${a.id}${a.line}`.localeCompare(`${b.table}${b.id}${b.line}`));
const skipOf = (report: ImportReport, table: string, id: number | string) => report.skipped.find((skip) => skip.table === table && skip.id === String(id));

async function rowCounts() {
  const d = db();
  return Promise.all([d.user.count(), d.group.count(), d.membership.count(), d.thread.count(), d.comment.count(), d.poll.count(), d.ballot.count(), d.reaction.count(), d.importedRecord.count(), d.missingAttachment.count()]);
}

beforeAll(async () => {
  admin = await makeUser({ name: "Importing Admin", isAdmin: true });
  cleo = await makeUser({ name: "Cleo Already Here" });
  takenHandle = (await makeGroup({ name: "Someone else's circle" })).handle;
  fixture = richExport({ groupKey: KEY, cleoEmail: cleo.email, handle: takenHandle });
  file = fixture.write(path.join(directory, "export.json"));
});

describe("importLoomio: a whole group export", () => {
  it("in a dry run decides everything and writes nothing", async () => {
    const before = await rowCounts();
    const progress: string[] = [];
    dryRun = await importLoomio(db(), { filePath: file, adminUserId: admin.id, dryRun: true, onProgress: ({ phase }) => progress.push(phase) });
    expect(await rowCounts()).toEqual(before);
    expect(dryRun.dryRun).toBe(true);
    expect(dryRun.created.threads).toBe(2);
    expect(progress).toContain("reading");
    expect(progress).toContain("importing");
  });

  it("imports for real exactly what the dry run reported", async () => {
    firstRun = await importLoomio(db(), { filePath: file, adminUserId: admin.id, dryRun: false });
    expect(firstRun.dryRun).toBe(false);
    expect(firstRun.linesRead).toBe(fixture.records.length);
    expect(firstRun.created).toEqual(dryRun.created);
    expect(firstRun.matched).toEqual(dryRun.matched);
    expect(sortedSkips(firstRun)).toEqual(sortedSkips(dryRun));
    expect(firstRun.ignored).toEqual({ events: 1, notifications: 1, discussion_templates: 1 });
    expect(firstRun.created).toMatchObject({ users: 9, groups: 2, threads: 2, comments: 9, deletedComments: 1, polls: 10, outcomes: 2, reactions: 3, attachments: 3 });
    expect(firstRun.matched).toMatchObject({ users: 1 });
  });

  it("brings people in without passwords, matching existing accounts by email", async () => {
    const cleoId = await hearthId("users", PEOPLE.cleo);
    expect(cleoId).toBe(cleo.id);
    const ada = await db().user.findUniqueOrThrow({ where: { id: await hearthId("users", PEOPLE.ada) } });
    expect(ada).toMatchObject({ name: "Ada Lovelace", email: "ada@loomio.example", passwordHash: "", bio: "Counting **engines**", isAdmin: false });
    const quiet = await db().user.findUniqueOrThrow({ where: { id: await hearthId("users", PEOPLE.nomail) } });
    expect(quiet.name).toBe("quiet_one");
    expect(quiet.email).toMatch(/@invalid\.invalid$/);
    expect(firstRun.warnings.some((warning) => warning.includes("no email address"))).toBe(true);
  });

  it("keeps the group tree, settings, roles and the importing admin", async () => {
    const circle = await db().group.findUniqueOrThrow({ where: { id: await hearthId("groups", 100) } });
    const working = await db().group.findUniqueOrThrow({ where: { id: await hearthId("groups", 101) } });
    expect(circle.handle).toBe(`${takenHandle}-2`);
    expect(firstRun.warnings.some((warning) => warning.includes(`“${takenHandle}” is already taken`))).toBe(true);
    expect(circle.description).toBe("We **act** together.");
    expect(circle).toMatchObject({ parentId: null, membersCanInvite: true, membersCanPropose: false });
    expect(working).toMatchObject({ parentId: circle.id, handle: "working-group", description: "The **working** group" });
    expect(firstRun.groups).toEqual([{ handle: circle.handle, name: "Climate Circle" }, { handle: "working-group", name: "Working Group" }]);

    const roles = async (groupId: string) =>
      Object.fromEntries((await db().membership.findMany({ where: { groupId }, select: { userId: true, role: true } })).map((m) => [m.userId, m.role]));
    const inCircle = await roles(circle.id);
    expect(inCircle[admin.id]).toBe("admin");
    expect(inCircle[await hearthId("users", PEOPLE.ada)]).toBe("admin");
    expect(inCircle[cleo.id]).toBe("member");
    expect(inCircle[await hearthId("users", PEOPLE.sam)]).toBe("member");
    expect(inCircle[await hearthId("users", PEOPLE.gus)]).toBe("guest");
    expect(inCircle[await hearthId("users", PEOPLE.dan)]).toBeUndefined();
    expect(inCircle[await hearthId("users", PEOPLE.nomail)]).toBeUndefined();
    expect(inCircle[await hearthId("users", PEOPLE.rita)]).toBeUndefined();
    const inWorking = await roles(working.id);
    expect(inWorking[admin.id]).toBe("admin");
    expect(inWorking[await hearthId("users", PEOPLE.ben)]).toBe("admin");
    expect(skipOf(firstRun, "memberships", 1004)?.reason).toMatch(/deactivated/);
    expect(skipOf(firstRun, "memberships", 1008)?.reason).toMatch(/ended/);
    expect(skipOf(firstRun, "memberships", 1009)?.reason).toMatch(/never accepted/);

    const request = await db().membershipRequest.findFirstOrThrow({ where: { groupId: circle.id } });
    expect(request).toMatchObject({ userId: await hearthId("users", PEOPLE.rita), status: "pending", introduction: "Let me in, please" });
    expect(skipOf(firstRun, "membership_requests", 1101)?.reason).toMatch(/without a Loomio account/);
    const template = await db().pollTemplate.findFirstOrThrow({ where: { groupId: circle.id } });
    expect(template).toMatchObject({ name: "Quick consent", kind: "proposal" });
    expect(JSON.parse(template.settings)).toMatchObject({ options: ["Consent", "Objection"], hideResults: "until_closed", reasonRequired: true });
    expect(skipOf(firstRun, "poll_templates", 901)?.reason).toMatch(/no “sortition” polls/);
  });

  it("keeps threads, reply structure, deleted comments' places and counters as Hearth keeps them", async () => {
    const threadId = await hearthId("discussions", 200);
    const thread = await db().thread.findUniqueOrThrow({ where: { id: threadId }, include: { tags: true } });
    expect(thread).toMatchObject({ title: "Budget 2025", body: "## Plan\n\nRead [this](https://example.org)", pinnedAt: new Date(at(10)), closedAt: null, lastCommentSeq: 9, commentCount: 8 });
    expect(thread.lastActivityAt).toEqual(new Date(at(3_000)));
    expect(thread.tags.map(({ tag }) => tag).sort()).toEqual(["Climate-action", "budget"]);
    expect(skipOf(firstRun, "discussions", 201)?.reason).toBe("deleted in Loomio");
    expect(skipOf(firstRun, "comments", 320)?.reason).toBe("its discussion was deleted in Loomio");
    expect((await db().thread.findUniqueOrThrow({ where: { id: await hearthId("discussions", 202) } })).closedAt).toEqual(new Date(at(2_000)));

    const comments = await db().comment.findMany({ where: { threadId }, orderBy: { seq: "asc" } });
    const idOf = async (id: number) => hearthId("comments", id);
    const seqs = await Promise.all([300, 301, 302, 303, 304, 307, 308, 309, 306].map(idOf));
    expect(comments.map(({ id }) => id)).toEqual(seqs);
    expect(comments.map(({ seq }) => seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const find = (id: string) => comments.find((comment) => comment.id === id)!;
    expect(find(await idOf(300))).toMatchObject({ parentId: null, body: "First _thoughts_" });
    expect(find(await idOf(301)).parentId).toBe(await idOf(300));
    expect(find(await idOf(302)).parentId).toBe(await idOf(300));
    expect(find(await idOf(303))).toMatchObject({ parentId: null, body: "", deletedAt: new Date(at(30)) });
    expect(find(await idOf(304)).parentId).toBe(await idOf(303));
    expect(find(await idOf(306)).parentId).toBeNull();
    expect(find(await idOf(307)).authorId).toBe(await hearthId("users", PEOPLE.dan));
    expect(find(await idOf(309)).editedAt).toEqual(new Date(at(35)));
    expect(skipOf(firstRun, "comments", 305)?.reason).toBe("deleted in Loomio");

    const page = await callerFor(admin.id).caller.comment.list({ threadId });
    const deleted = page.items.find((item) => item.id === seqs[3])!;
    expect(deleted).toMatchObject({ deleted: true, body: "" });
    expect(deleted.replies.map(({ id }) => id)).toEqual([await idOf(304)]);
  });

  it("maps reactions to Hearth's emoji and says why others were left out", async () => {
    const threadId = await hearthId("discussions", 200);
    const reactions = await db().reaction.findMany({ select: { subject: true, subjectId: true, emoji: true } });
    expect(reactions).toEqual(
      expect.arrayContaining([
        { subject: "thread", subjectId: threadId, emoji: "👍" },
        { subject: "comment", subjectId: await hearthId("comments", 300), emoji: "❤️" },
        { subject: "comment", subjectId: await hearthId("comments", 301), emoji: "🎉" },
      ]),
    );
    expect(skipOf(firstRun, "reactions", 403)?.reason).toMatch(/threads and comments only/);
    expect(skipOf(firstRun, "reactions", 404)?.reason).toMatch(/threads and comments only/);
    expect(skipOf(firstRun, "reactions", 405)?.reason).toMatch(/threads and comments only/);
    expect(skipOf(firstRun, "reactions", 406)?.reason).toMatch(/deleted/);
    expect(skipOf(firstRun, "reactions", 407)?.reason).toMatch(/no emoji like “unicorn”/);
    expect(skipOf(firstRun, "reactions", 408)?.reason).toMatch(/deleted in Loomio/);
    // Ben's "+1" and ":thumbsup:" are both 👍 in Hearth: the first in the file counts.
    expect([skipOf(firstRun, "reactions", 400)?.reason, skipOf(firstRun, "reactions", 409)?.reason].filter(Boolean)).toEqual([
      "the same person's 👍 is already on it (from another reaction of the file)",
    ]);
  });

  it("makes the invited guest a guest of the group and the thread, and keeps how far people read", async () => {
    const threadId = await hearthId("discussions", 200);
    const gus = await hearthId("users", PEOPLE.gus);
    expect(await db().threadGuest.findUnique({ where: { threadId_userId: { threadId, userId: gus } } })).not.toBeNull();
    const read = await db().threadRead.findUniqueOrThrow({ where: { userId_threadId: { userId: await hearthId("users", PEOPLE.ben), threadId } } });
    expect(read.lastReadSeq).toBe(2);
    const guestView = await callerFor(gus).caller.thread.byId({ id: threadId });
    expect(guestView.viewer.role).toBe("guest");
  });

  it("keeps missing attachments' names and links on their threads", async () => {
    const threadId = await hearthId("discussions", 200);
    const missing = await db().missingAttachment.findMany({ where: { threadId }, orderBy: { filename: "asc" } });
    expect(missing.map(({ filename, commentId }) => [filename, commentId])).toEqual([
      ["budget.xlsx", null],
      ["minutes.pdf", null],
      ["photo.jpg", await hearthId("comments", 300)],
    ]);
    expect(missing[1]).toMatchObject({ contentType: "application/pdf", sourceUrl: "https://www.loomio.com/rails/active_storage/800/minutes.pdf" });
    expect(skipOf(firstRun, "attachments", 803)?.reason).toMatch(/outside any thread/);
    expect(skipOf(firstRun, "attachments", 804)?.reason).toMatch(/not of a group/);
  });

  it("keeps polls' settings, outcomes and vote history", async () => {
    const proposal = await db().poll.findUniqueOrThrow({ where: { id: await hearthId("polls", 500) }, include: { options: { orderBy: { position: "asc" } } } });
    expect(proposal.options.map(({ name }) => name)).toEqual(["Agree", "Abstain", "Disagree", "Block"]);
    expect(proposal).toMatchObject({ kind: "proposal", threadId: await hearthId("discussions", 200), allowBlock: true, details: "Details of the _proposal_ poll", closedAt: new Date(at(4_000)) });
    expect(proposal).toMatchObject({ outcomeStatement: "We go ahead", outcomeOptionId: proposal.options[0]!.id, outcomeReviewOn: new Date("2025-09-01"), outcomeAt: new Date(at(4_100)) });
    expect(skipOf(firstRun, "outcomes", 701)?.reason).toBe("superseded by a later outcome");
    const ben = await hearthId("users", PEOPLE.ben);
    const bens = await db().ballot.findMany({ where: { pollId: proposal.id, voterId: ben }, orderBy: { castAt: "asc" }, include: { choices: true } });
    expect(bens.map(({ supersededAt, reason }) => [supersededAt, reason])).toEqual([[new Date(at(260)), ""], [null, "Changed my mind"]]);
    expect(bens[1]!.choices.map(({ optionId }) => optionId)).toEqual([proposal.options[0]!.id]);
    expect(await db().pollParticipation.count({ where: { pollId: proposal.id } })).toBe(4);

    const standalone = await db().poll.findUniqueOrThrow({ where: { id: await hearthId("polls", 510) }, include: { options: { orderBy: { position: "asc" } } } });
    expect(standalone).toMatchObject({ threadId: null, minChoices: 1, maxChoices: 2, shuffleOptions: true });
    expect(standalone.options.map(({ name }) => name)).toEqual(["Red", "Green", "Blue", "None of the above"]);
    const score = await db().poll.findUniqueOrThrow({ where: { id: await hearthId("polls", 550) } });
    expect(score).toMatchObject({ hideResults: "until_vote", scoreMin: 0, scoreMax: 5 });
    expect((await db().poll.findUniqueOrThrow({ where: { id: await hearthId("polls", 520) } })).countTarget).toBe(3);
    expect((await db().poll.findUniqueOrThrow({ where: { id: await hearthId("polls", 540) } })).reasonRequired).toBe(true);
    const meeting = await db().pollOption.findMany({ where: { pollId: await hearthId("polls", 580) }, orderBy: { position: "asc" } });
    expect(meeting.map(({ startsAt }) => startsAt?.toISOString())).toEqual(["2025-03-01T10:00:00.000Z", "2025-03-02T14:30:00.000Z", "2025-03-03T09:00:00.000Z"]);
    expect(skipOf(firstRun, "polls", 595)?.reason).toBe("deleted in Loomio");
    expect(firstRun.skipped.some((skip) => skip.table === "stances" && skip.reason === "invited to vote, but did not")).toBe(true);
  });

  it("stores anonymous votes with no voter, no time and nothing that links them to a stance", async () => {
    const pollId = await hearthId("polls", 590);
    const poll = await db().poll.findUniqueOrThrow({ where: { id: pollId } });
    expect(poll).toMatchObject({ anonymous: true, hideResults: "until_closed", outcomeStatement: "Agreed, quietly" });
    const ballots = await db().ballot.findMany({ where: { pollId } });
    expect(ballots).toHaveLength(3);
    expect(ballots.every((ballot) => ballot.voterId === null && ballot.castAt === null && ballot.supersededAt === null)).toBe(true);
    expect(ballots.every((ballot) => /^[0-9a-f-]{36}$/.test(ballot.id) && /^[2-9A-HJ-NP-Z]{10}$/.test(ballot.receipt))).toBe(true);
    expect(await db().pollParticipation.count({ where: { pollId } })).toBe(0);
    const anonymousStances = fixture.of("stances").filter((stance) => stance.poll_id === 590).map((stance) => String(stance.id));
    expect(await db().importedRecord.count({ where: { table: { in: ["stances", "stance_choices"] }, sourceId: { in: anonymousStances } } })).toBe(0);
    expect(await db().importedRecord.count({ where: { targetId: { in: ballots.map(({ id }) => id) } } })).toBe(0);
  });

  it("gives every poll kind the tally Loomio gave it", async () => {
    const normal = (name: string) => name.toLowerCase().replace(/ /g, "_");
    const pollIds = [500, 510, 520, 530, 540, 550, 560, 570, 580, 590];
    const kinds = new Set<string>();
    for (const loomioId of pollIds) {
      const loomio = loomioTally(fixture, loomioId);
      kinds.add(loomio.kind);
      const pollId = await hearthId("polls", loomioId);
      const options = new Map((await db().pollOption.findMany({ where: { pollId } })).map((option) => [option.id, option.startsAt?.toISOString() ?? normal(option.name)]));
      const results = await callerFor(admin.id).caller.poll.results({ pollId });
      const tally = results.tally!;
      const byName = <T extends { optionId: string }>(rows: T[], value: (row: T) => unknown) => Object.fromEntries(rows.map((row) => [options.get(row.optionId), value(row)]));
      if (tally.kind === "counts") expect(byName(tally.counts, (row) => row.count), `poll ${loomioId}`).toEqual(loomio.counts);
      else if (tally.kind === "score") expect(byName(tally.scores, (row) => row.total)).toEqual(loomio.totals);
      else if (tally.kind === "dot_vote") expect(byName(tally.dots, (row) => row.dots)).toEqual(loomio.totals);
      else if (tally.kind === "ranked_choice") {
        expect(byName(tally.borda, (row) => row.score)).toEqual(loomio.totals);
        expect(tally.method, "Loomio counts ranked choice by points").toBe("borda");
      }
      else if (tally.kind === "meeting") expect(byName(tally.slots, ({ yes, maybe, no }) => ({ yes, maybe, no }))).toEqual(loomio.availability);
      else expect(results.ballots.map(({ reason }) => reason).sort()).toEqual(loomio.reasons);
      expect(results.ballots).toHaveLength(loomio.ballots);
    }
    expect([...kinds].sort()).toEqual(["check", "count", "dot_vote", "meeting", "poll", "proposal", "question", "ranked_choice", "score"]);
  });

  it("stores no secret from the file anywhere in the database", async () => {
    const dump = await databaseText();
    expect(dump).toContain("ada@loomio.example");
    for (const secret of SECRETS) expect(dump).not.toContain(secret);
  });
});

describe("importLoomio: importing again", () => {
  it("changes nothing the second time and says what was already imported", async () => {
    const before = await rowCounts();
    const again = await importLoomio(db(), { filePath: file, adminUserId: admin.id, dryRun: false });
    expect(await rowCounts()).toEqual(before);
    expect(again.created).toEqual({});
    for (const kind of ["groups", "threads", "polls", "outcomes", "reactions", "attachments", "threadGuests", "threadReads"]) {
      expect(again.matched[kind], kind).toBe(firstRun.created[kind]);
    }
    expect(again.matched.comments).toBe(firstRun.created.comments! + firstRun.created.deletedComments!);
    expect(again.matched.users).toBe(firstRun.created.users! + firstRun.matched.users!);
    expect(again.matched.votes).toBe(firstRun.created.votes);
  });

  it("brings in only what a newer export adds, keeping Hearth's counters right", async () => {
    const newer = richExport({ groupKey: KEY, cleoEmail: cleo.email, handle: takenHandle });
    newer.add("comments", { id: 330, discussion_id: 200, user_id: PEOPLE.fay, parent_id: 302, parent_type: "Comment", body: "A late reply", body_format: "md", created_at: at(5_000) });
    newer.add("comments", { id: 331, discussion_id: 200, user_id: PEOPLE.eve, parent_id: 200, parent_type: "Discussion", body: "A late comment", body_format: "md", created_at: at(5_001) });
    const benNow = newer.of("stances").find((stance) => stance.poll_id === 500 && stance.participant_id === PEOPLE.ben && stance.latest)!;
    benNow.latest = false;
    const stanceId = newer.id();
    const abstain = newer.of("poll_options").find((option) => option.poll_id === 500 && option.name === "abstain")!;
    newer.add("stances", { id: stanceId, poll_id: 500, participant_id: PEOPLE.ben, latest: true, cast_at: at(5_002), reason: "Third thoughts", reason_format: "md", created_at: at(5_002) });
    newer.add("stance_choices", { id: newer.id(), stance_id: stanceId, poll_option_id: abstain.id, score: 1 });
    const report = await importLoomio(db(), { filePath: newer.write(path.join(directory, "newer.json")), adminUserId: admin.id, dryRun: false });

    expect(report.created).toEqual({ comments: 2, votes: 1 });
    expect(report.matched.voteHistory).toBe(2);
    const threadId = await hearthId("discussions", 200);
    const thread = await db().thread.findUniqueOrThrow({ where: { id: threadId } });
    expect(thread).toMatchObject({ lastCommentSeq: 11, commentCount: 10, lastActivityAt: new Date(at(5_001)) });
    const late = await db().comment.findUniqueOrThrow({ where: { id: await hearthId("comments", 330) } });
    expect(late).toMatchObject({ seq: 10, parentId: await hearthId("comments", 300) });
    const pollId = await hearthId("polls", 500);
    const bens = await db().ballot.findMany({ where: { pollId, voterId: await hearthId("users", PEOPLE.ben) }, orderBy: { castAt: "asc" } });
    expect(bens.map(({ supersededAt }) => supersededAt)).toEqual([new Date(at(260)), new Date(at(5_002)), null]);
    const results = await callerFor(admin.id).caller.poll.results({ pollId });
    expect(results.ballots).toHaveLength(4);
  });
});

describe("importLoomio: bad input", () => {
  it("reports every line it could not use, with its line number and why", async () => {
    const fx = new LoomioFixture();
    fx.add("groups", { id: 1, name: "Small group", handle: "small-group-import", key: "smallKEY" });
    fx.add("users", { id: 2, name: "Una", email: "una@loomio.example" });
    fx.add("memberships", { id: 3, group_id: 1, user_id: 2, accepted_at: at(0) });
    fx.add("discussions", { id: 4, group_id: 1, author_id: 2, title: "Hello", description: "Hi", description_format: "md", created_at: at(0) });
    const lines = [
      ...fx.lines(),
      "this is not json",
      JSON.stringify({ table: "comments", record: [1, 2] }),
      loomioLine("comments", { discussion_id: 4, user_id: 2, body: "no id" }),
      loomioLine("widgets", { id: 9 }),
      loomioLine("comments", { id: 5, discussion_id: 4, user_id: 2, body: "with an unknown column", body_format: "md", created_at: at(1), sparkle_level: 11 }),
      loomioLine("comments", { id: 6, discussion_id: 9999, user_id: 2, body: "orphan", created_at: at(1) }),
      loomioLine("comments", { id: 5, discussion_id: 4, user_id: 2, body: "the same id again", created_at: at(1) }),
      loomioLine("comments", { id: 8, discussion_id: 4, user_id: 2, body: "words ".repeat(12_000), body_format: "md", created_at: at(2) }),
      loomioLine("comments", { id: 7, discussion_id: 4, user_id: 2, body: "cut off" }).slice(0, 40),
    ];
    const badFile = path.join(directory, "bad.json");
    writeFileSync(badFile, lines.join("\n"));
    const report = await importLoomio(db(), { filePath: badFile, adminUserId: admin.id, dryRun: false });
    const line = (n: number) => report.skipped.find((skip) => skip.line === n)?.reason;
    expect(line(5)).toBe("this line is not valid JSON");
    expect(line(6)).toMatch(/not a Loomio record/);
    expect(line(7)).toBe("the record has no id");
    expect(line(10)).toBe("its discussion (id 9999) is not in the file");
    expect(line(11)).toBe("the same record is already on line 9");
    expect(line(12)).toBe("not imported, as it is 71,999 characters long, more than Hearth can show (60,000)");
    expect(line(13)).toMatch(/cut off/);
    expect(report.ignored).toEqual({ widgets: 1 });
    expect(report.warnings.some((warning) => warning.startsWith("Line 8:") && warning.includes("“widgets”"))).toBe(true);
    expect(report.created).toMatchObject({ groups: 1, threads: 1, comments: 1 });
    expect(report.linesRead).toBe(13);
  });

  it("refuses a file with nothing it can read", async () => {
    const empty = path.join(directory, "empty.json");
    writeFileSync(empty, "");
    const garbage = path.join(directory, "garbage.json");
    writeFileSync(garbage, "hello\nworld\n");
    const options = { adminUserId: admin.id, dryRun: true };
    await expect(importLoomio(db(), { ...options, filePath: empty })).rejects.toThrow(/empty/);
    await expect(importLoomio(db(), { ...options, filePath: garbage })).rejects.toThrow(AppError);
    await expect(importLoomio(db(), { ...options, filePath: directory })).rejects.toThrow(/no file/);
  });
});

type LoomioTally = {
  kind: string;
  ballots: number;
  counts: Record<string, number>;
  totals: Record<string, number>;
  availability: Record<string, { yes: number; maybe: number; no: number }>;
  reasons: string[];
};

/** Loomio's results for a poll, computed from the export alone: latest cast stances and their stance_choices. */
function loomioTally(fx: LoomioFixture, pollId: number): LoomioTally {
  const poll = fx.of("polls").find((one) => one.id === pollId)!;
  const options = fx.of("poll_options").filter((option) => option.poll_id === pollId);
  const name = (option: Row) => (poll.poll_type === "meeting" ? new Date(String(option.name)).toISOString() : String(option.name).toLowerCase().replace(/ /g, "_"));
  const stances = fx.of("stances").filter((stance) => stance.poll_id === pollId && stance.latest && stance.cast_at);
  const chosen = fx.of("stance_choices").filter((choice) => stances.some((stance) => stance.id === choice.stance_id));
  const tally: LoomioTally = { kind: String(poll.poll_type), ballots: stances.length, counts: {}, totals: {}, availability: {}, reasons: [] };
  for (const option of options) {
    const own = chosen.filter((choice) => choice.poll_option_id === option.id).map((choice) => Number(choice.score));
    tally.counts[name(option)] = own.filter((score) => score > 0).length;
    tally.totals[name(option)] = own.reduce((sum, score) => sum + score, 0);
    tally.availability[name(option)] = { yes: own.filter((s) => s === 2).length, maybe: own.filter((s) => s === 1).length, no: own.filter((s) => s === 0).length };
  }
  if (poll.show_none_of_the_above) tally.counts.none_of_the_above = stances.filter((stance) => stance.none_of_the_above).length;
  tally.reasons = stances.map((stance) => String(stance.reason ?? "")).sort();
  return tally;
}

/** Every table of the database as text, to search for what must never be stored. */
async function databaseText(): Promise<string> {
  const tables = await db().$queryRawUnsafe<{ name: string }[]>(
    providerOf(process.env.DATABASE_URL!) === "postgresql"
      ? "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'"
      : // The search index's FTS5 tables hold only an index of SearchEntry, whose text is checked with the rest.
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'SearchEntryText%'",
  );
  const parts: string[] = [];
  for (const { name } of tables) {
    // As JSON on PostgreSQL, which has column types Prisma cannot read (the search index's tsvector).
    const rows = await db().$queryRawUnsafe<unknown[]>(
      providerOf(process.env.DATABASE_URL!) === "postgresql" ? `SELECT to_jsonb(t) AS "row" FROM "${name}" t` : `SELECT * FROM "${name}"`,
    );
    parts.push(JSON.stringify(rows, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value)));
  }
  return parts.join("\n");
}
