import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { decided } from "@/server/decisions/test-fixtures";
import { callerFor } from "@/server/test/factories";
import { inOneWeek, pollGroup } from "@/server/test/poll-fixtures";

const titleOf = async (decisionId: string) => (await getDb().decision.findUniqueOrThrow({ where: { id: decisionId }, select: { title: true } })).title;

describe("renaming a poll renames its decision", () => {
  it("changes the register's title with the poll's, and tells open registers", async () => {
    const { group, admin, as } = await pollGroup();
    const { pollId, decisionId } = await decided(as(admin), { groupId: group.id, title: "Hire a hall" });
    const { caller, published } = callerFor(admin.id);

    await caller.poll.update({ pollId, title: "Hire the village hall" });
    expect(await titleOf(decisionId)).toBe("Hire the village hall");
    expect((await caller.decision.byId({ id: decisionId })).title).toBe("Hire the village hall");
    expect(published).toContainEqual({ name: "decision.changed", room: `group:${group.id}`, payload: { groupId: group.id, decisionId } });

    // Other edits, or the same title again, leave it and tell no register.
    const quiet = callerFor(admin.id);
    await quiet.caller.poll.update({ pollId, title: "Hire the village hall", details: "Saturdays only" });
    expect(quiet.published.map(({ name }) => name)).not.toContain("decision.changed");
  });

  it("leaves a decision that reads otherwise than its poll (named after a document) as it is", async () => {
    const { group, admin, as } = await pollGroup();
    const { pollId, decisionId } = await decided(as(admin), { groupId: group.id, title: "Amendment 3" });
    await getDb().decision.update({ where: { id: decisionId }, data: { title: "Vision: amendment 3 adopted" } });
    const { caller, published } = callerFor(admin.id);
    await caller.poll.update({ pollId, title: "Amendment 3: the garden" });
    expect(await titleOf(decisionId)).toBe("Vision: amendment 3 adopted");
    expect(published.map(({ name }) => name)).not.toContain("decision.changed");
  });

  it("renames nothing for a poll with no decision yet, and keeps the new title once its outcome is written", async () => {
    const { group, admin, as } = await pollGroup();
    const { id: pollId } = await as(admin).poll.create({ groupId: group.id, kind: "proposal", title: "Paint the door", closingAt: inOneWeek() });
    await as(admin).poll.update({ pollId, title: "Paint the front door" });
    await as(admin).poll.close({ id: pollId });
    await as(admin).poll.setOutcome({ id: pollId, statement: "Blue." });
    expect((await getDb().decision.findUniqueOrThrow({ where: { pollId }, select: { title: true } })).title).toBe("Paint the front door");
  });

  it("ends with the decision titled as the poll when two people rename it at the same moment", async () => {
    const { group, admin, alice, as } = await pollGroup();
    const { pollId, decisionId } = await decided(as(alice), { groupId: group.id, title: "Budget" });
    await Promise.all([as(admin).poll.update({ pollId, title: "Budget 2027" }), as(alice).poll.update({ pollId, title: "Budget for next year" })]);
    const poll = await getDb().poll.findUniqueOrThrow({ where: { id: pollId }, select: { title: true } });
    expect(await titleOf(decisionId)).toBe(poll.title);
  });

  it("is refused, with the decision unchanged, for someone who may not edit the poll", async () => {
    const { group, admin, bob, guest, outsider, as } = await pollGroup();
    const { pollId, decisionId } = await decided(as(admin), { groupId: group.id, title: "Keep bees" });
    await expect(as(bob).poll.update({ pollId, title: "Keep wasps" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(guest).poll.update({ pollId, title: "Keep wasps" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(outsider).poll.update({ pollId, title: "Keep wasps" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await titleOf(decisionId)).toBe("Keep bees");
  });
});
