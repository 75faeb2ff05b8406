import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { decisionCsvLines, startDecisionCsv } from "@/server/decisions/csv";
import { runDecisionReviews } from "@/server/decisions/reminders";
import { decided, storedDecision } from "@/server/decisions/test-fixtures";
import { wouldLoop } from "@/server/decisions/update";
import { addMember, callerFor, makeGroup, makeUser } from "@/server/test/factories";
import { pollGroup } from "@/server/test/poll-fixtures";

const DAY = 86_400_000;

async function text(lines: AsyncIterable<string>): Promise<string> {
  let all = "";
  for await (const line of lines) all += line;
  return all;
}

describe("decision.update", () => {
  it("lets an admin set the owner, status, review date and a note, kept as history and in the audit log", async () => {
    const { group, admin, alice, as } = await pollGroup();
    const { decisionId } = await decided(as(admin), { groupId: group.id, title: "Repaint the hall" });
    await getDb().decision.update({ where: { id: decisionId }, data: { reviewOn: new Date(Date.now() - DAY), reviewRemindedAt: new Date() } });
    const reviewOn = new Date(Date.now() + 10 * DAY);
    const { caller, published } = callerFor(admin.id);

    const updated = await caller.decision.update({ id: decisionId, ownerId: alice.id, status: "in_progress", reviewOn, note: "Quotes **requested**." });
    expect(updated).toMatchObject({ owner: { id: alice.id, name: alice.name }, status: "in_progress", reviewOn, viewer: { canManage: true, canReport: true } });
    expect(updated.notes).toEqual([
      expect.objectContaining({ author: { id: admin.id, name: admin.name }, body: "Quotes **requested**.", bodyHtml: "<p>Quotes <strong>requested</strong>.</p>", status: "in_progress" }),
    ]);
    expect((await getDb().decision.findUniqueOrThrow({ where: { id: decisionId } })).reviewRemindedAt).toBeNull();
    expect(published).toContainEqual(expect.objectContaining({ name: "decision.changed", payload: { groupId: group.id, decisionId } }));
    const [entry] = (await as(admin).audit.list({ groupId: group.id })).items.filter((item) => item.action === "decision.updated");
    expect(entry).toMatchObject({
      sentence: `${admin.name} updated the decision “Repaint the hall”`,
      subject: { type: "decision", id: decisionId, url: `/groups/${group.handle}/decisions/${decisionId}` },
      before: { status: "agreed", owner: admin.name },
      after: { status: "in_progress", owner: alice.name, reviewOn: reviewOn.toISOString().slice(0, 10) },
    });

    // A note alone is a note without a status; clearing the owner and review date is allowed.
    const cleared = await caller.decision.update({ id: decisionId, ownerId: null, reviewOn: null, note: "Waiting for quotes." });
    expect(cleared).toMatchObject({ owner: null, reviewOn: null });
    expect(cleared.notes.at(-1)).toMatchObject({ body: "Waiting for quotes.", status: null });
  });

  it("takes as owner only a current member or admin of the decision's group", async () => {
    const { group, admin, alice, guest, outsider, as } = await pollGroup();
    const elsewhere = await makeGroup();
    await addMember(elsewhere.id, outsider.id, "admin");
    const { decisionId } = await decided(as(admin), { groupId: group.id, title: "Owners" });
    for (const candidate of [guest.id, outsider.id, "no-such-person"]) {
      await expect(as(admin).decision.update({ id: decisionId, ownerId: candidate })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: "Choose an owner from the group's current members and admins.",
      });
    }
    await getDb().membership.deleteMany({ where: { groupId: group.id, userId: alice.id } });
    await expect(as(admin).decision.update({ id: decisionId, ownerId: alice.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("lets the owner report progress but not reassign or re-date; other members, guests, outsiders and removed owners are refused", async () => {
    const { group, admin, alice, bob, guest, outsider, as } = await pollGroup();
    const { decisionId } = await decided(as(admin), { groupId: group.id, title: "Newsletter" });
    await as(admin).decision.update({ id: decisionId, ownerId: alice.id });

    const reported = await as(alice).decision.update({ id: decisionId, status: "done", note: "Sent out." });
    expect(reported).toMatchObject({ status: "done", viewer: { canManage: false, canReport: true } });
    await expect(as(alice).decision.update({ id: decisionId, reviewOn: new Date(Date.now() + DAY) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(alice).decision.update({ id: decisionId, ownerId: bob.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await as(bob).decision.byId({ id: decisionId })).toMatchObject({ viewer: { canManage: false, canReport: false } });
    await expect(as(bob).decision.update({ id: decisionId, note: "Me too" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(guest).decision.update({ id: decisionId, note: "Hi" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(outsider).decision.update({ id: decisionId, note: "Hi" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await getDb().membership.deleteMany({ where: { groupId: group.id, userId: alice.id } });
    await expect(as(alice).decision.update({ id: decisionId, status: "dropped" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a note that is too long and a status that is not one", async () => {
    const { group, admin, as } = await pollGroup();
    const { decisionId } = await decided(as(admin), { groupId: group.id, title: "Limits" });
    await expect(as(admin).decision.update({ id: decisionId, note: "x".repeat(10_001) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(as(admin).decision.update({ id: decisionId, status: "won" as "done" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await as(admin).decision.byId({ id: decisionId })).notes).toEqual([]);
  });

  it("links a decision to the one that superseded it, both ways, refusing itself, other groups and loops", async () => {
    const { group, admin, as } = await pollGroup();
    const first = await decided(as(admin), { groupId: group.id, title: "Meet monthly" });
    const second = await decided(as(admin), { groupId: group.id, title: "Meet fortnightly" });
    const third = await decided(as(admin), { groupId: group.id, title: "Meet weekly" });
    const otherGroup = await makeGroup();
    const foreign = await storedDecision(otherGroup.id, { title: "Elsewhere" });

    await expect(as(admin).decision.update({ id: first.decisionId, supersededById: first.decisionId })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "A decision cannot supersede itself.",
    });
    await expect(as(admin).decision.update({ id: first.decisionId, supersededById: foreign.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const superseded = await as(admin).decision.update({ id: first.decisionId, supersededById: second.decisionId });
    expect(superseded).toMatchObject({ status: "superseded", supersededBy: { id: second.decisionId, title: "Meet fortnightly" } });
    expect(superseded.notes.at(-1)).toMatchObject({ status: "superseded" });
    expect((await as(admin).decision.byId({ id: second.decisionId })).supersedes).toEqual([{ id: first.decisionId, title: "Meet monthly" }]);
    await as(admin).decision.update({ id: second.decisionId, supersededById: third.decisionId });

    await expect(as(admin).decision.update({ id: third.decisionId, supersededById: first.decisionId })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("loop"),
    });
    await expect(as(admin).decision.update({ id: first.decisionId, status: "done" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await as(admin).decision.update({ id: first.decisionId, supersededById: null })).toMatchObject({ status: "agreed", supersededBy: null });
  });

  it("finds loops however long, and ends on links that already loop", () => {
    const links = new Map([
      ["a", "b"],
      ["b", "c"],
      ["x", "y"],
      ["y", "x"],
    ]);
    expect(wouldLoop(links, "c", "a")).toBe(true);
    expect(wouldLoop(links, "a", "c")).toBe(false);
    expect(wouldLoop(links, "a", "x")).toBe(false);
  });
});

describe("review reminders", () => {
  it("tell the owner once when the review date comes, again after a new date, never an owner who left", async () => {
    const { group, admin, alice, bob, as } = await pollGroup();
    const { decisionId } = await decided(as(admin), { groupId: group.id, title: "Review me" });
    const gone = await decided(as(admin), { groupId: group.id, title: "Owner left" });
    await as(admin).decision.update({ id: decisionId, ownerId: alice.id, reviewOn: new Date(Date.now() + DAY) });
    await as(admin).decision.update({ id: gone.decisionId, ownerId: bob.id, reviewOn: new Date(Date.now() + DAY) });
    await getDb().membership.deleteMany({ where: { groupId: group.id, userId: bob.id } });
    const db = getDb();
    const reminders = (userId: string) => db.notification.count({ where: { userId, kind: "decision_review" } });

    expect((await runDecisionReviews(db, () => undefined)).reminded).toBe(0);
    const later = new Date(Date.now() + 2 * DAY);
    const [one, two] = await Promise.all([runDecisionReviews(db, () => undefined, later), runDecisionReviews(db, () => undefined, later)]);
    expect(one.reminded + two.reminded).toBeGreaterThanOrEqual(1);
    expect(await reminders(alice.id)).toBe(1);
    expect(await reminders(bob.id)).toBe(0);
    expect((await runDecisionReviews(db, () => undefined, later)).reminded).toBe(0);
    const notification = await db.notification.findFirstOrThrow({ where: { userId: alice.id, kind: "decision_review" }, select: { url: true } });
    expect(notification.url).toBe(`/groups/${group.handle}/decisions/${decisionId}`);

    await as(admin).decision.update({ id: decisionId, reviewOn: new Date(Date.now() + 1.5 * DAY) });
    await runDecisionReviews(db, () => undefined, later);
    expect(await reminders(alice.id)).toBe(2);
  });
});

describe("review reminders for imported outcomes", () => {
  it("fill in the decision of an outcome written without one (an import), and remind its author on the review date", async () => {
    const { group, admin, as } = await pollGroup();
    const { id: pollId } = await as(admin).poll.create({ groupId: group.id, kind: "proposal", title: "Imported", closingAt: new Date(Date.now() + DAY) });
    const outcomeAt = new Date(Date.now() - 300 * DAY);
    await getDb().poll.update({
      where: { id: pollId },
      data: { closedAt: outcomeAt, outcomeStatement: "From Loomio", outcomeAt, outcomeAuthorId: admin.id, outcomeReviewOn: new Date(Date.now() - DAY) },
    });
    await runDecisionReviews(getDb(), () => undefined);
    expect(await getDb().decision.findUnique({ where: { pollId }, select: { ownerId: true, reviewRemindedAt: true } })).toMatchObject({
      ownerId: admin.id,
      reviewRemindedAt: expect.any(Date),
    });
    expect(await getDb().notification.count({ where: { userId: admin.id, kind: "decision_review", title: "Imported" } })).toBe(1);
  });
});

describe("CSV download", () => {
  it("gives the filtered register, escaping quotes and defusing formulas", async () => {
    const { group, admin, alice, as } = await pollGroup();
    await decided(as(admin), { groupId: group.id, title: "=HYPERLINK(\"http://evil\")", statement: 'Say "yes", then go' });
    const done = await decided(as(admin), { groupId: group.id, title: "Done one" });
    await as(admin).decision.update({ id: done.decisionId, status: "done" });

    const all = await text(decisionCsvLines(getDb(), { groupId: group.id }));
    const [header, ...rows] = all.trimEnd().split("\r\n");
    expect(header).toBe("decided (UTC),question,result,verdict,status,owner,review on,thread,poll,meeting,document,superseded by,open tasks,done tasks,id");
    expect(rows).toHaveLength(2);
    expect(all).toContain(`"'=HYPERLINK(""http://evil"")","Say ""yes"", then go"`);

    const download = await startDecisionCsv(getDb(), alice.id, group.handle, new URLSearchParams({ status: "done" }), new Date("2026-03-01T12:00:00Z"));
    expect(download.filename).toBe(`hearth-${group.handle}-decisions-2026-03-01.csv`);
    const filtered = await text(download.body);
    expect(filtered).toContain("Done one");
    expect(filtered).not.toContain("HYPERLINK");
  });

  it("is refused to guests and outsiders, and to filters that make no sense", async () => {
    const { group, guest, outsider, alice } = await pollGroup();
    const stranger = await makeUser();
    await expect(startDecisionCsv(getDb(), guest.id, group.handle, new URLSearchParams())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(startDecisionCsv(getDb(), outsider.id, group.handle, new URLSearchParams())).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(startDecisionCsv(getDb(), stranger.id, "no-such-group", new URLSearchParams())).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(startDecisionCsv(getDb(), alice.id, group.handle, new URLSearchParams({ status: "won" }))).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
