import { describe, expect, it } from "vitest";
import { addMember, callerFor, countingCaller, makeClosedProposal, makeGroup, makeGroupWithPeople, makeUser } from "@/server/test/factories";

const person = ({ id, name }: { id: string; name: string }) => ({ id, name });
const as = (userId: string) => callerFor(userId).caller;

describe("outcome.markSeen and outcome.seenBy", () => {
  it("counts those who have seen the current outcome, and a new outcome starts again", async () => {
    const { group, admin, member, other } = await makeGroupWithPeople();
    const poll = await makeClosedProposal({ groupId: group.id, authorId: admin.id });
    await expect(as(member.id).outcome.markSeen({ pollId: poll.id })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/no outcome yet/) });
    expect(await as(member.id).outcome.seenBy({ pollId: poll.id })).toEqual({ seen: 0, of: 3, people: [] });

    await as(admin.id).poll.setOutcome({ id: poll.id, statement: "Agreed." });
    await as(member.id).outcome.markSeen({ pollId: poll.id });
    await as(other.id).outcome.markSeen({ pollId: poll.id });
    await as(other.id).outcome.markSeen({ pollId: poll.id });
    expect(await as(member.id).outcome.seenBy({ pollId: poll.id })).toEqual({ seen: 2, of: 3, people: [person(other), person(member)] });

    await as(admin.id).poll.setOutcome({ id: poll.id, statement: "Agreed, with a change." });
    expect(await as(member.id).outcome.seenBy({ pollId: poll.id })).toEqual({ seen: 0, of: 3, people: [] });
    await as(admin.id).outcome.markSeen({ pollId: poll.id });
    expect(await as(member.id).outcome.seenBy({ pollId: poll.id })).toEqual({ seen: 1, of: 3, people: [person(admin)] });
  });

  it("counts guests who can see the poll, and gives them the counts without names", async () => {
    const { group, admin, member, guest } = await makeGroupWithPeople();
    const poll = await makeClosedProposal({ groupId: group.id, authorId: admin.id, voterIds: [guest.id] });
    await as(admin.id).poll.setOutcome({ id: poll.id, statement: "Agreed." });
    await as(guest.id).outcome.markSeen({ pollId: poll.id });
    await as(member.id).outcome.markSeen({ pollId: poll.id });
    expect(await as(admin.id).outcome.seenBy({ pollId: poll.id })).toEqual({ seen: 2, of: 4, people: [person(member), person(guest)] });
    expect(await as(guest.id).outcome.seenBy({ pollId: poll.id })).toEqual({ seen: 2, of: 4, people: null });
  });

  it("refuses other groups, guests who cannot see the poll and removed members, and no longer counts those who left", async () => {
    const { group, admin, member, other, guest } = await makeGroupWithPeople();
    const poll = await makeClosedProposal({ groupId: group.id, authorId: admin.id });
    await as(admin.id).poll.setOutcome({ id: poll.id, statement: "Agreed." });
    await as(member.id).outcome.markSeen({ pollId: poll.id });
    await as(other.id).outcome.markSeen({ pollId: poll.id });
    await as(admin.id).member.remove({ groupId: group.id, userId: member.id });
    const stranger = await makeUser();
    await addMember((await makeGroup()).id, stranger.id, "admin");

    for (const userId of [stranger.id, guest.id, member.id]) {
      await expect(as(userId).outcome.markSeen({ pollId: poll.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(as(userId).outcome.seenBy({ pollId: poll.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await as(admin.id).outcome.seenBy({ pollId: poll.id })).toEqual({ seen: 1, of: 2, people: [person(other)] });
    await expect(as(admin.id).outcome.seenBy({ pollId: "no-such-poll" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("answers in the same number of queries however many people can see the poll", async () => {
    const queriesFor = async (extraMembers: number) => {
      const { group, admin } = await makeGroupWithPeople();
      const poll = await makeClosedProposal({ groupId: group.id, authorId: admin.id });
      await as(admin.id).poll.setOutcome({ id: poll.id, statement: "Agreed." });
      for (let index = 0; index < extraMembers; index++) {
        const user = await makeUser();
        await addMember(group.id, user.id);
        await as(user.id).outcome.markSeen({ pollId: poll.id });
      }
      const { caller, reset } = countingCaller(admin.id);
      expect(await caller.outcome.seenBy({ pollId: poll.id })).toMatchObject({ seen: extraMembers, of: 3 + extraMembers });
      return reset();
    };
    expect(await queriesFor(6)).toBe(await queriesFor(0));
  });
});
