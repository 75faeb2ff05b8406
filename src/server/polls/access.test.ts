import { describe, expect, it } from "vitest";
import { createRequestMemo } from "@/server/api/request-memo";
import { getDb } from "@/server/db";
import { requirePollAccess } from "@/server/polls/access";
import { inOneWeek, pollGroup } from "@/server/test/poll-fixtures";
import { sqlCounter } from "@/server/test/sql-count";

const sql = sqlCounter();

/** The poll group with a thread the guest is invited to, a proposal in it and one in another thread. */
async function pollsInThreads() {
  const people = await pollGroup();
  const { group, admin, guest, as } = people;
  const invited = await as(admin).thread.create({ groupId: group.id, title: "Invited", body: "Hello" });
  const elsewhere = await as(admin).thread.create({ groupId: group.id, title: "Members only", body: "Hello" });
  await getDb().threadGuest.create({ data: { threadId: invited.id, userId: guest.id } });
  const inInvited = { threadId: invited.id, ...(await as(admin).poll.create({ groupId: group.id, threadId: invited.id, kind: "proposal", title: "Here?", closingAt: inOneWeek() })) };
  const inElsewhere = await as(admin).poll.create({ groupId: group.id, threadId: elsewhere.id, kind: "proposal", title: "There?", closingAt: inOneWeek() });
  return { ...people, inInvited, inElsewhere };
}

describe("requirePollAccess", () => {
  it("gives members every poll of the group, guests those of threads they were invited to or that chose them", async () => {
    const { group, admin, alice, guest, outsider, as, inInvited, inElsewhere } = await pollsInThreads();
    const db = getDb();
    expect(await requirePollAccess(db, alice.id, inElsewhere.id)).toMatchObject({ canVote: true, canManage: false, hasVoted: false });
    expect(await requirePollAccess(db, admin.id, inElsewhere.id)).toMatchObject({ canVote: true, canManage: true });
    expect(await requirePollAccess(db, guest.id, inInvited.id)).toMatchObject({ canVote: false, standing: { role: "guest" } });
    await expect(requirePollAccess(db, guest.id, inElsewhere.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(requirePollAccess(db, outsider.id, inInvited.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(requirePollAccess(db, alice.id, "no-such-poll")).rejects.toMatchObject({ code: "NOT_FOUND" });

    // A poll that chose the guest: they vote in it, and see it as a chosen voter even once their
    // invitation to the thread is gone (as canViewPoll says).
    const chosen = await as(admin).poll.create({ groupId: group.id, threadId: inInvited.threadId, kind: "proposal", title: "Chosen?", closingAt: inOneWeek(), voterIds: [guest.id, alice.id] });
    expect(await requirePollAccess(db, guest.id, chosen.id)).toMatchObject({ canVote: true });
    await db.threadGuest.deleteMany({ where: { userId: guest.id } });
    expect(await requirePollAccess(db, guest.id, chosen.id)).toMatchObject({ canVote: true });
    await expect(requirePollAccess(db, guest.id, inInvited.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await requirePollAccess(db, alice.id, chosen.id)).toMatchObject({ canVote: true });
    expect(await requirePollAccess(db, admin.id, chosen.id)).toMatchObject({ canVote: false, canManage: true });
  });

  it("says who has voted in this poll, not in another one", async () => {
    const { alice, as, inInvited, inElsewhere } = await pollsInThreads();
    const [agree] = (await as(alice).poll.byId({ id: inElsewhere.id })).options;
    await as(alice).poll.vote({ pollId: inElsewhere.id, choices: [{ optionId: agree!.id }] });
    expect((await requirePollAccess(getDb(), alice.id, inElsewhere.id)).hasVoted).toBe(true);
    expect((await requirePollAccess(getDb(), alice.id, inInvited.id)).hasVoted).toBe(false);
    expect((await as(alice).poll.results({ pollId: inInvited.id })).participation).toMatchObject({ voted: 0, eligible: 3 });
    expect((await as(alice).poll.results({ pollId: inElsewhere.id })).participation).toMatchObject({ voted: 1, eligible: 3 });
  });

  it("ends with the membership: a removed member or guest, or an uninvited guest, sees nothing", async () => {
    const { group, alice, guest, inInvited } = await pollsInThreads();
    await getDb().membership.delete({ where: { userId_groupId: { userId: alice.id, groupId: group.id } } });
    await expect(requirePollAccess(getDb(), alice.id, inInvited.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await getDb().threadGuest.deleteMany({ where: { userId: guest.id } });
    await expect(requirePollAccess(getDb(), guest.id, inInvited.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("looks everything up in one statement, and once per request with a memo", async () => {
    const { alice, guest, inInvited } = await pollsInThreads();
    // The poll, its group's settings, the caller's membership, whether they were chosen, have voted or were invited to its thread.
    expect(await sql.statements(() => requirePollAccess(sql.db(), alice.id, inInvited.id))).toHaveLength(1);
    expect(await sql.statements(() => requirePollAccess(sql.db(), guest.id, inInvited.id))).toHaveLength(1);
    const memo = createRequestMemo();
    const twice = await sql.statements(() => Promise.all([requirePollAccess(sql.db(), alice.id, inInvited.id, memo), requirePollAccess(sql.db(), alice.id, inInvited.id, memo)]));
    expect(twice).toHaveLength(1);
  });
});
