import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { inOneWeek, pollGroup } from "@/server/test/poll-fixtures";

describe("poll.create", () => {
  it("gives proposals their standard options, without block when it is off", async () => {
    const { group, admin, as } = await pollGroup();
    const { id } = await as(admin).poll.create({ groupId: group.id, kind: "proposal", title: "Adopt the charter", closingAt: inOneWeek() });
    expect((await as(admin).poll.byId({ id })).options.map(({ name }) => name)).toEqual(["Agree", "Abstain", "Disagree", "Block"]);
    const noBlock = await as(admin).poll.create({ groupId: group.id, kind: "proposal", title: "T", closingAt: inOneWeek(), allowBlock: false });
    expect((await as(admin).poll.byId({ id: noBlock.id })).options.map(({ name }) => name)).toEqual(["Agree", "Abstain", "Disagree"]);
  });

  it("applies a template's wording", async () => {
    const { group, admin, as } = await pollGroup();
    const { id } = await as(admin).poll.create({ groupId: group.id, kind: "poll", template: "gradients", title: "How do we feel?", closingAt: inOneWeek() });
    const poll = await as(admin).poll.byId({ id });
    expect(poll.options).toHaveLength(8);
    expect(poll.options[7]!.name).toBe("Veto");
  });

  it("refuses a closing date in the past, too few options and unknown voters, storing nothing", async () => {
    const { group, admin, outsider, as } = await pollGroup();
    const base = { groupId: group.id, title: "T", closingAt: inOneWeek() };
    await expect(as(admin).poll.create({ ...base, kind: "proposal", closingAt: new Date(Date.now() - 1000) })).rejects.toMatchObject({
      message: "Choose a closing time in the future.",
    });
    await expect(as(admin).poll.create({ ...base, kind: "poll", options: ["Only one"] })).rejects.toMatchObject({ message: "Add at least 2 options." });
    await expect(as(admin).poll.create({ ...base, kind: "proposal", voterIds: [outsider.id] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(as(admin).poll.create({ ...base, kind: "meeting", options: ["next tuesday-ish"] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await getDb().poll.count({ where: { groupId: group.id } })).toBe(0);
  });

  it("lets members start polls only when the group allows it", async () => {
    const { group, alice, as } = await pollGroup();
    const input = { groupId: group.id, kind: "proposal" as const, title: "T", closingAt: inOneWeek() };
    await expect(as(alice).poll.create(input)).resolves.toMatchObject({ id: expect.any(String) });
    await getDb().group.update({ where: { id: group.id }, data: { membersCanPropose: false } });
    await expect(as(alice).poll.create(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("poll.vote and poll.results", () => {
  it("counts a proposal, shows who voted what, and lists the undecided", async () => {
    const { group, admin, alice, bob, as } = await pollGroup();
    const { id } = await as(admin).poll.create({ groupId: group.id, kind: "proposal", title: "T", closingAt: inOneWeek() });
    const options = (await as(admin).poll.byId({ id })).options;
    const agree = options[0]!.id;
    await as(alice).poll.vote({ pollId: id, choices: [{ optionId: agree }], reason: "Yes please" });
    const results = await as(bob).poll.results({ pollId: id });
    expect(results.tally).toMatchObject({ kind: "counts", counts: [{ optionId: agree, count: 1, percent: 100 }, {}, {}, {}] });
    expect(results.participation).toEqual({ voted: 1, eligible: 3, percent: 33.3 });
    expect(results.ballots).toEqual([{ voter: { id: alice.id, name: alice.name }, choices: [{ optionId: agree, score: null, rank: null }], reason: "Yes please" }]);
    expect((await as(admin).poll.undecided({ pollId: id })).map(({ id: personId }) => personId).sort()).toEqual([admin.id, bob.id].sort());
  });

  it("keeps a changed vote's history and counts only the latest", async () => {
    const { group, admin, alice, as } = await pollGroup();
    const { id } = await as(admin).poll.create({ groupId: group.id, kind: "proposal", title: "T", closingAt: inOneWeek() });
    const [agree, , disagree] = (await as(admin).poll.byId({ id })).options;
    await as(alice).poll.vote({ pollId: id, choices: [{ optionId: agree!.id }] });
    await as(alice).poll.vote({ pollId: id, choices: [{ optionId: disagree!.id }] });
    const results = await as(admin).poll.results({ pollId: id });
    expect(results.ballots.map(({ choices }) => choices[0]!.optionId)).toEqual([disagree!.id]);
    expect(await getDb().ballot.count({ where: { pollId: id } })).toBe(2);
    expect((await as(alice).poll.byId({ id })).viewer.myChoices).toEqual([{ optionId: disagree!.id, score: null, rank: null }]);
  });

  it("refuses a second vote when changes are off, a vote after closing, options of another poll and non-voters", async () => {
    const { group, admin, alice, bob, guest, as } = await pollGroup();
    const { id } = await as(admin).poll.create({ groupId: group.id, kind: "proposal", title: "T", closingAt: inOneWeek(), allowChangeVote: false, voterIds: [alice.id, admin.id] });
    const other = await as(admin).poll.create({ groupId: group.id, kind: "proposal", title: "Other", closingAt: inOneWeek() });
    const [agree] = (await as(admin).poll.byId({ id })).options;
    const [foreign] = (await as(admin).poll.byId({ id: other.id })).options;
    await expect(as(alice).poll.vote({ pollId: id, choices: [{ optionId: foreign!.id }] })).rejects.toMatchObject({ message: "That option is not part of this poll." });
    await as(alice).poll.vote({ pollId: id, choices: [{ optionId: agree!.id }] });
    await expect(as(alice).poll.vote({ pollId: id, choices: [{ optionId: agree!.id }] })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(as(bob).poll.vote({ pollId: id, choices: [{ optionId: agree!.id }] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(guest).poll.vote({ pollId: id, choices: [{ optionId: agree!.id }] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await as(admin).poll.close({ id });
    await expect(as(admin).poll.vote({ pollId: id, choices: [{ optionId: agree!.id }] })).rejects.toMatchObject({ message: "This poll is closed, so it takes no more votes." });
    expect(await getDb().ballot.count({ where: { pollId: id } })).toBe(1);
  });

  it("hides results until the viewer votes, or until the poll closes", async () => {
    const { group, admin, alice, as } = await pollGroup();
    const untilVote = await as(admin).poll.create({ groupId: group.id, kind: "proposal", title: "T", closingAt: inOneWeek(), hideResults: "until_vote" });
    const [agree] = (await as(admin).poll.byId({ id: untilVote.id })).options;
    await as(admin).poll.vote({ pollId: untilVote.id, choices: [{ optionId: agree!.id }] });
    const hidden = await as(alice).poll.results({ pollId: untilVote.id });
    expect(hidden).toMatchObject({ hidden: true, hiddenReason: "Results appear once you have voted.", tally: null, ballots: [] });
    await as(alice).poll.vote({ pollId: untilVote.id, choices: [{ optionId: agree!.id }] });
    expect((await as(alice).poll.results({ pollId: untilVote.id })).hidden).toBe(false);

    const untilClosed = await as(admin).poll.create({ groupId: group.id, kind: "proposal", title: "T", closingAt: inOneWeek(), hideResults: "until_closed" });
    expect((await as(admin).poll.results({ pollId: untilClosed.id })).hidden).toBe(true);
    await as(admin).poll.close({ id: untilClosed.id });
    expect((await as(admin).poll.results({ pollId: untilClosed.id })).hidden).toBe(false);
  });

  it("tallies ranked choice with Borda, instant-runoff and Schulze", async () => {
    const { group, admin, alice, bob, as } = await pollGroup();
    const { id } = await as(admin).poll.create({ groupId: group.id, kind: "ranked_choice", title: "Priorities", options: ["Housing", "Carers", "Schools"], closingAt: inOneWeek() });
    const [housing, carers, schools] = (await as(admin).poll.byId({ id })).options.map(({ id: optionId }) => optionId);
    const rank = (...order: string[]) => order.map((optionId, index) => ({ optionId, rank: index + 1 }));
    await as(admin).poll.vote({ pollId: id, choices: rank(carers!, housing!) });
    await as(alice).poll.vote({ pollId: id, choices: rank(housing!, carers!, schools!) });
    await as(bob).poll.vote({ pollId: id, choices: rank(carers!, schools!) });
    await expect(as(bob).poll.vote({ pollId: id, choices: [{ optionId: housing!, rank: 2 }] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const { tally } = await as(admin).poll.results({ pollId: id });
    if (tally?.kind !== "ranked_choice") throw new Error("expected a ranked-choice tally");
    expect(tally.borda).toEqual([
      { optionId: carers, score: 3 + 2 + 3 },
      { optionId: housing, score: 2 + 3 },
      { optionId: schools, score: 1 + 2 },
    ]);
    expect(tally.irv.winnerOptionId).toBe(carers);
    expect(tally.schulze.winnerOptionId).toBe(carers);
    expect(tally.schulze.pairwise[carers!]![housing!]).toBe(2);
  });

  it("tallies scores, dots and meeting times", async () => {
    const { group, admin, alice, as } = await pollGroup();
    const score = await as(admin).poll.create({ groupId: group.id, kind: "score", title: "S", options: ["A", "B"], scoreMin: 1, scoreMax: 10, closingAt: inOneWeek() });
    const [a] = (await as(admin).poll.byId({ id: score.id })).options;
    await expect(as(alice).poll.vote({ pollId: score.id, choices: [{ optionId: a!.id, score: 11 }] })).rejects.toMatchObject({ message: "Scores go from 1 to 10." });
    await as(alice).poll.vote({ pollId: score.id, choices: [{ optionId: a!.id, score: 7 }] });
    expect((await as(admin).poll.results({ pollId: score.id })).tally).toMatchObject({ kind: "score", scores: [{ total: 7, average: 7 }, { average: null }] });

    const dots = await as(admin).poll.create({ groupId: group.id, kind: "dot_vote", title: "D", options: ["A", "B"], dotsPerPerson: 3, closingAt: inOneWeek() });
    const [x, y] = (await as(admin).poll.byId({ id: dots.id })).options;
    await expect(as(alice).poll.vote({ pollId: dots.id, choices: [{ optionId: x!.id, score: 3 }, { optionId: y!.id, score: 1 }] })).rejects.toMatchObject({
      message: "You have 3 dots; you placed 4.",
    });

    const first = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const second = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const meeting = await as(admin).poll.create({ groupId: group.id, kind: "meeting", title: "M", options: [first, second], closingAt: inOneWeek() });
    const slots = (await as(admin).poll.byId({ id: meeting.id })).options;
    expect(slots.map(({ startsAt }) => startsAt?.toISOString())).toEqual([second, first]);
    await as(alice).poll.vote({ pollId: meeting.id, choices: [{ optionId: slots[0]!.id, score: 1 }, { optionId: slots[1]!.id, score: 2 }] });
    expect((await as(admin).poll.results({ pollId: meeting.id })).tally).toMatchObject({ kind: "meeting", bestOptionId: slots[1]!.id });
  });
});
