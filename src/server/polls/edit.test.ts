import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { callerFor, makeDocument } from "@/server/test/factories";
import { inOneWeek, pollGroup } from "@/server/test/poll-fixtures";

/** An admin of another group. */
async function makeGroupAdmin() {
  const { admin } = await pollGroup();
  return admin;
}

describe("poll.update", () => {
  it("lets the author rename, reorder, add and remove options before the first vote, and tells open pages", async () => {
    const { group, alice, as } = await pollGroup();
    const { id } = await as(alice).poll.create({ groupId: group.id, kind: "poll", title: "Venue", options: ["Hall", "Library", "Park"], closingAt: inOneWeek() });
    const [hall, library] = (await as(alice).poll.byId({ id })).options;
    const { caller, published } = callerFor(alice.id);
    const closingAt = new Date(Date.now() + 3 * 86_400_000);
    await caller.poll.update({
      pollId: id,
      title: "Where we meet",
      details: "Pick one",
      closingAt,
      options: [{ id: library!.id, name: "Central Library" }, { id: hall!.id, name: "Hall" }, { name: "Café" }],
    });
    const poll = await as(alice).poll.byId({ id });
    expect(poll).toMatchObject({ title: "Where we meet", details: "Pick one", closingAt });
    expect(poll.options.map(({ id: optionId, name }) => ({ optionId, name }))).toEqual([
      { optionId: library!.id, name: "Central Library" },
      { optionId: hall!.id, name: "Hall" },
      { optionId: expect.any(String), name: "Café" },
    ]);
    expect(published).toContainEqual({ name: "poll.updated", room: `group:${group.id}`, payload: { pollId: id, groupId: group.id, threadId: null } });
  });

  it("locks the options after the first vote with the number of voters, while title and closing time still change", async () => {
    const { group, admin, alice, bob, as } = await pollGroup();
    const { id } = await as(alice).poll.create({ groupId: group.id, kind: "proposal", title: "Charter", closingAt: inOneWeek() });
    const options = (await as(alice).poll.byId({ id })).options;
    await as(bob).poll.vote({ pollId: id, choices: [{ optionId: options[0]!.id }] });
    await as(admin).poll.vote({ pollId: id, choices: [{ optionId: options[2]!.id }] });
    await expect(as(alice).poll.update({ pollId: id, options: options.map(({ id: optionId, name }) => ({ id: optionId, name: `${name}!` })) })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Options can't change after the first vote: 2 people have voted.",
    });
    await as(alice).poll.update({ pollId: id, title: "Adopt the charter", closingAt: new Date(Date.now() + 86_400_000) });
    const poll = await as(admin).poll.byId({ id });
    expect(poll.title).toBe("Adopt the charter");
    expect(poll.options.map(({ name }) => name)).toEqual(options.map(({ name }) => name));
  });

  it("refuses a past closing time, a closed poll's closing time, duplicates, too few options and options of another poll", async () => {
    const { group, alice, as } = await pollGroup();
    const { id } = await as(alice).poll.create({ groupId: group.id, kind: "poll", title: "T", options: ["A", "B"], closingAt: inOneWeek() });
    const other = await as(alice).poll.create({ groupId: group.id, kind: "poll", title: "Other", options: ["X", "Y"], closingAt: inOneWeek() });
    const foreign = (await as(alice).poll.byId({ id: other.id })).options[0]!;
    const [a] = (await as(alice).poll.byId({ id })).options;
    await expect(as(alice).poll.update({ pollId: id, closingAt: new Date(Date.now() - 1000) })).rejects.toMatchObject({
      message: "The closing time must be in the future. To end the poll now, close it instead.",
    });
    await expect(as(alice).poll.update({ pollId: id, options: [{ name: "Same" }, { name: "same" }] })).rejects.toMatchObject({ message: "Two options have the same name." });
    await expect(as(alice).poll.update({ pollId: id, options: [{ id: a!.id, name: "A" }] })).rejects.toMatchObject({ message: "Add at least 2 options." });
    await expect(as(alice).poll.update({ pollId: id, options: [{ id: a!.id, name: "A" }, { id: foreign.id, name: "Stolen" }] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await getDb().pollOption.findUniqueOrThrow({ where: { id: foreign.id } })).name).toBe("X");
    await expect(as(alice).poll.update({ pollId: id, options: Array.from({ length: 51 }, (_, n) => ({ name: `O${n}` })) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(as(alice).poll.update({ pollId: id, title: "x".repeat(201) })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    await as(alice).poll.close({ id });
    await expect(as(alice).poll.update({ pollId: id, closingAt: inOneWeek() })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "This poll is closed, so its closing time can't change here. Reopen it to set a new one.",
    });
    await expect(as(alice).poll.update({ pollId: id, title: "Typo fixed" })).resolves.toEqual({ id });
    expect((await getDb().poll.findUniqueOrThrow({ where: { id } })).title).toBe("Typo fixed");
  });

  it("is for the author and admins only: not other members, guests, removed members or another group's admin", async () => {
    const { group, admin, alice, bob, guest, as } = await pollGroup();
    const { id } = await as(alice).poll.create({ groupId: group.id, kind: "proposal", title: "T", closingAt: inOneWeek() });
    const otherAdmin = await makeGroupAdmin();
    await expect(as(bob).poll.update({ pollId: id, title: "Mine now" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(guest).poll.update({ pollId: id, title: "Mine now" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(otherAdmin).poll.update({ pollId: id, title: "Mine now" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(admin).poll.update({ pollId: id, title: "Tidied" })).resolves.toEqual({ id });
    await getDb().membership.deleteMany({ where: { groupId: group.id, userId: alice.id } });
    await expect(as(alice).poll.update({ pollId: id, title: "Still mine?" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getDb().poll.findUniqueOrThrow({ where: { id } })).title).toBe("Tidied");
  });
});

describe("poll.update of special polls", () => {
  it("keeps meeting slots in time order and an adoption proposal's options fixed", async () => {
    const { group, admin, as } = await pollGroup();
    const [late, early] = [new Date(Date.now() + 9 * 86_400_000), new Date(Date.now() + 8 * 86_400_000)];
    const meeting = await as(admin).poll.create({ groupId: group.id, kind: "meeting", title: "When", options: [late.toISOString()], closingAt: inOneWeek() });
    const [slot] = (await as(admin).poll.byId({ id: meeting.id })).options;
    await as(admin).poll.update({ pollId: meeting.id, options: [{ id: slot!.id, name: late.toISOString() }, { name: early.toISOString() }] });
    expect((await as(admin).poll.byId({ id: meeting.id })).options.map(({ startsAt }) => startsAt)).toEqual([early, late]);
    await expect(as(admin).poll.update({ pollId: meeting.id, options: [{ name: "next tuesday-ish" }] })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const proposal = await as(admin).poll.create({ groupId: group.id, kind: "proposal", title: "Adopt", closingAt: inOneWeek() });
    const document = await makeDocument({ groupId: group.id, createdById: admin.id });
    await getDb().documentVersion.create({ data: { documentId: document.id, kind: "named", name: "Draft", state: new Uint8Array(), pollId: proposal.id } });
    await expect(as(admin).poll.update({ pollId: proposal.id, options: [{ name: "Yes" }, { name: "No" }] })).rejects.toMatchObject({
      message: "This proposal adopts a document version, so its options are fixed.",
    });
    await expect(as(admin).poll.update({ pollId: proposal.id, title: "Adopt the draft" })).resolves.toEqual({ id: proposal.id });
  });
});

describe("poll.delete", () => {
  it("lets an admin delete a poll with its votes, and a replay is NOT_FOUND", async () => {
    const { group, admin, alice, bob, as } = await pollGroup();
    const { id } = await as(alice).poll.create({ groupId: group.id, kind: "proposal", title: "Gone soon", closingAt: inOneWeek() });
    const [agree] = (await as(alice).poll.byId({ id })).options;
    await as(bob).poll.vote({ pollId: id, choices: [{ optionId: agree!.id }], reason: "Yes" });
    const { caller, published } = callerFor(admin.id);
    await caller.poll.delete({ pollId: id });
    const db = getDb();
    expect(await db.poll.count({ where: { id } })).toBe(0);
    expect(await db.pollOption.count({ where: { pollId: id } })).toBe(0);
    expect(await db.ballot.count({ where: { pollId: id } })).toBe(0);
    expect(await db.pollParticipation.count({ where: { pollId: id } })).toBe(0);
    expect(await db.notification.count({ where: { url: `/polls/${id}` } })).toBe(0);

    expect(published.map(({ name }) => name)).toContain("poll.updated");
    await expect(caller.poll.delete({ pollId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as(bob).poll.byId({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("removes requests to vote on a poll in a thread, and keeps the thread", async () => {
    const { group, admin, bob, as } = await pollGroup();
    const thread = await as(admin).thread.create({ groupId: group.id, title: "Home", body: "b" });
    const { id } = await as(admin).poll.create({ groupId: group.id, threadId: thread.id, kind: "proposal", title: "Inside", closingAt: inOneWeek() });
    const db = getDb();
    const request = await db.notification.create({
      data: { userId: bob.id, kind: "new_poll", title: "Inside", url: `/threads/${thread.id}#poll-${id}-title` },
      select: { id: true },
    });
    await as(admin).poll.delete({ pollId: id });
    expect(await db.notification.count({ where: { id: request.id } })).toBe(0);
    expect((await as(bob).thread.byId({ id: thread.id })).title).toBe("Home");
  });

  it("lets the author delete only while nobody has voted, and never other members, guests or another group's admin", async () => {
    const { group, alice, bob, guest, as } = await pollGroup();
    const first = await as(alice).poll.create({ groupId: group.id, kind: "proposal", title: "Mistake", closingAt: inOneWeek() });
    expect((await as(alice).poll.byId({ id: first.id })).viewer.canDelete).toBe(true);
    await expect(as(alice).poll.delete({ pollId: first.id })).resolves.toEqual({ id: first.id });

    const second = await as(alice).poll.create({ groupId: group.id, kind: "proposal", title: "Voted on", closingAt: inOneWeek() });
    const [agree] = (await as(alice).poll.byId({ id: second.id })).options;
    await as(bob).poll.vote({ pollId: second.id, choices: [{ optionId: agree!.id }] });
    expect((await as(alice).poll.byId({ id: second.id })).viewer.canDelete).toBe(false);
    await expect(as(alice).poll.delete({ pollId: second.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Only the group's admins can delete a poll once people have voted: 1 person has voted.",
    });
    await expect(as(bob).poll.delete({ pollId: second.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(guest).poll.delete({ pollId: second.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const otherAdmin = await makeGroupAdmin();
    await expect(as(otherAdmin).poll.delete({ pollId: second.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getDb().poll.count({ where: { id: second.id } })).toBe(1);
  });
});
