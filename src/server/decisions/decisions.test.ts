import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { appendUpdate } from "@/server/documents/persistence";
import { paragraph, stateOf } from "@/server/documents/versions/test-content";
import { decided, storedDecision } from "@/server/decisions/test-fixtures";
import { callerFor, countingCaller, makeDocument, makeMeeting } from "@/server/test/factories";
import { inOneWeek, pollGroup } from "@/server/test/poll-fixtures";

const DAY = 86_400_000;

describe("decisions from outcomes", () => {
  it("are created when an outcome is written, with the poll's thread, meeting and review date, owned by the outcome's author", async () => {
    const { group, admin, alice, as } = await pollGroup();
    const thread = await as(alice).thread.create({ groupId: group.id, title: "Hub hours", body: "Open longer?" });
    const meeting = await makeMeeting({ groupId: group.id, createdById: admin.id, title: "March meeting" });
    const reviewOn = new Date(Date.now() + 30 * DAY);
    const { caller, published } = callerFor(admin.id);
    const { pollId, decisionId } = await decided(caller, {
      groupId: group.id,
      title: "Open the hub on Saturdays",
      statement: "We open **every** Saturday.",
      threadId: thread.id,
      meetingId: meeting.id,
      reviewOn,
    });

    const { items } = await as(alice).decision.list({ groupId: group.id });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id: decisionId,
      title: "Open the hub on Saturdays",
      result: "We open **every** Saturday.",
      resultHtml: "<p>We open <strong>every</strong> Saturday.</p>",
      status: "agreed",
      withdrawn: false,
      owner: { id: admin.id, name: admin.name },
      reviewOn,
      links: {
        thread: { id: thread.id, title: "Hub hours" },
        poll: { id: pollId, title: "Open the hub on Saturdays" },
        meeting: { id: meeting.id, title: "March meeting" },
        document: null,
      },
      supersededBy: null,
      supersedes: [],
      taskCount: { open: 0, done: 0 },
    });
    expect(published).toContainEqual(expect.objectContaining({ name: "decision.changed", room: `group:${group.id}`, payload: { groupId: group.id, decisionId } }));
  });

  it("are brought up to date by a new outcome, keeping the owner someone chose; a reopened poll leaves the decision withdrawn, notes and all", async () => {
    const { group, admin, alice, as } = await pollGroup();
    const { pollId, decisionId } = await decided(as(admin), { groupId: group.id, title: "Budget", statement: "First outcome" });
    await as(admin).decision.update({ id: decisionId, ownerId: alice.id, note: "Alice leads." });

    await as(admin).poll.reopen({ id: pollId, closingAt: inOneWeek() });
    const withdrawn = await as(alice).decision.byId({ id: decisionId });
    expect(withdrawn).toMatchObject({ withdrawn: true, result: "First outcome", owner: { id: alice.id } });
    expect(withdrawn.notes.map((note) => note.body)).toEqual(["Alice leads."]);

    await as(admin).poll.close({ id: pollId });
    await as(admin).poll.setOutcome({ id: pollId, statement: "Second outcome" });
    expect(await as(alice).decision.byId({ id: decisionId })).toMatchObject({ withdrawn: false, result: "Second outcome", owner: { id: alice.id } });
    expect(await getDb().decision.count({ where: { pollId } })).toBe(1);
  });

  it("include adopted document versions, linked to the document and version", async () => {
    const { group, admin, alice, as } = await pollGroup();
    const document = await makeDocument({ groupId: group.id, createdById: admin.id, title: "Vision" });
    await appendUpdate(getDb(), document.id, stateOf([paragraph("Our shared vision.")]), alice.id);
    const version = await as(admin).document.nameVersion({ id: document.id, name: "November draft" });
    const { pollId } = await as(admin).document.proposeAdoption({ id: document.id, versionId: version.id, closingAt: inOneWeek() });
    await as(admin).poll.close({ id: pollId });
    const agree = await getDb().pollOption.findFirstOrThrow({ where: { pollId, name: "Agree" }, select: { id: true } });
    await as(admin).poll.setOutcome({ id: pollId, statement: "Adopted.", optionId: agree.id });

    const { items } = await as(alice).decision.list({ groupId: group.id });
    const adopted = items.find((item) => item.links.document && item.links.poll?.id === pollId && item.title === "Vision");
    expect(adopted).toMatchObject({
      result: "Adopted version “November draft”",
      owner: { id: admin.id },
      withdrawn: false,
      links: { document: { id: document.id, title: "Vision", versionId: version.id, versionName: "November draft" } },
    });
    // Reopening the proposal withdraws the adoption; the entry stays.
    await as(admin).poll.reopen({ id: pollId, closingAt: inOneWeek() });
    expect(await as(alice).decision.byId({ id: adopted!.id })).toMatchObject({ withdrawn: true });
  });

  it("are filled in for outcomes written before the register existed, once, even when asked twice at the same time", async () => {
    const { group, admin, alice, as } = await pollGroup();
    const { id: pollId } = await as(admin).poll.create({ groupId: group.id, kind: "proposal", title: "Old decision", closingAt: inOneWeek() });
    const outcomeAt = new Date(Date.now() - 400 * DAY);
    await getDb().poll.update({ where: { id: pollId }, data: { closedAt: outcomeAt, outcomeStatement: "Long ago", outcomeAt, outcomeAuthorId: admin.id } });

    const [first, second] = await Promise.all([as(alice).decision.list({ groupId: group.id }), as(admin).decision.list({ groupId: group.id })]);
    expect(first.items.map((item) => item.title)).toEqual(["Old decision"]);
    expect(second.items.map((item) => item.title)).toEqual(["Old decision"]);
    expect(first.items[0]).toMatchObject({ decidedAt: outcomeAt, owner: { id: admin.id } });
    expect(await getDb().decision.count({ where: { pollId } })).toBe(1);
  });
});

describe("decision.list", () => {
  it("filters by status, owner, thread tag and date range", async () => {
    const { group, admin, alice, as } = await pollGroup();
    const tagged = await as(alice).thread.create({ groupId: group.id, title: "Transport", body: "Buses", tags: ["Transport"] });
    const bus = await decided(as(admin), { groupId: group.id, title: "Bus route", threadId: tagged.id });
    const rent = await decided(as(admin), { groupId: group.id, title: "Rent the hall" });
    await as(admin).decision.update({ id: rent.decisionId, ownerId: alice.id, status: "done" });
    const old = await storedDecision(group.id, { title: "Ancient", decidedAt: new Date(Date.now() - 100 * DAY) });

    const titles = async (filters: Record<string, unknown>) =>
      (await as(alice).decision.list({ groupId: group.id, ...filters })).items.map((item) => item.title);
    expect(await titles({})).toEqual(["Rent the hall", "Bus route", "Ancient"]);
    expect(await titles({ status: "done" })).toEqual(["Rent the hall"]);
    expect(await titles({ ownerId: alice.id })).toEqual(["Rent the hall"]);
    expect(await titles({ tag: "#Transport" })).toEqual(["Bus route"]);
    expect(await titles({ from: new Date(Date.now() - DAY) })).toEqual(["Rent the hall", "Bus route"]);
    expect(await titles({ to: new Date(Date.now() - 50 * DAY) })).toEqual(["Ancient"]);
    await expect(as(alice).decision.list({ groupId: group.id, from: new Date(), to: new Date(Date.now() - DAY) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(bus.decisionId).not.toBe(old.id);
  });

  it("pages newest first without repeating or skipping, in a fixed number of queries", async () => {
    const { group, admin } = await pollGroup();
    const base = Date.now() - 1000 * DAY;
    // Two share a moment, so the id breaks the tie across a page boundary.
    for (let index = 0; index < 30; index += 1) {
      await storedDecision(group.id, { title: `D${index}`, decidedAt: new Date(base + Math.min(index, 28) * DAY), ownerId: admin.id });
    }
    const { caller, reset } = countingCaller(admin.id);
    const first = await caller.decision.list({ groupId: group.id });
    const firstQueries = reset();
    expect(first.items).toHaveLength(25);
    expect(first.nextCursor).not.toBeNull();
    const second = await caller.decision.list({ groupId: group.id, cursor: first.nextCursor });
    expect(reset()).toBe(firstQueries);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map((item) => item.id);
    expect(new Set(ids).size).toBe(30);
    expect([...first.items, ...second.items].map((item) => item.decidedAt.getTime())).toEqual(
      [...first.items, ...second.items].map((item) => item.decidedAt.getTime()).sort((a, b) => b - a),
    );
    await expect(caller.decision.list({ groupId: group.id, cursor: "nonsense" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("is for members and admins only: guests are refused, outsiders and people who left find nothing", async () => {
    const { group, admin, alice, guest, outsider, as } = await pollGroup();
    const { decisionId } = await decided(as(admin), { groupId: group.id, title: "Members only" });
    await expect(as(guest).decision.list({ groupId: group.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(guest).decision.byId({ id: decisionId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(outsider).decision.list({ groupId: group.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(outsider).decision.byId({ id: decisionId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await getDb().membership.deleteMany({ where: { groupId: group.id, userId: alice.id } });
    await expect(as(alice).decision.byId({ id: decisionId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
