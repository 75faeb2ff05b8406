import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { zUpdateGroupInput } from "@/server/groups/schemas";
import { runPollSchedule } from "@/server/polls/scheduler";
import { zCreatePollInput } from "@/server/polls/schemas";
import { verdictFor } from "@/server/polls/verdict";
import { rulesSummary, votingRuleColumns } from "@/server/polls/voting-rules";
import { addMember, makeUser } from "@/server/test/factories";
import { inOneWeek, pollGroup } from "@/server/test/poll-fixtures";

const base = { groupId: "g", kind: "proposal" as const, title: "Adopt", closingAt: inOneWeek() };

function messagesOf(input: Record<string, unknown>): string[] {
  const parsed = zCreatePollInput.safeParse({ ...base, ...input });
  return parsed.success ? [] : parsed.error.issues.map(({ message }) => message);
}

describe("voting rules input", () => {
  it("takes a quorum as a count, { count } or { percent }, and a threshold as a rule or an object", () => {
    expect(zCreatePollInput.parse({ ...base, quorum: 8 }).quorum).toEqual({ count: 8 });
    expect(zCreatePollInput.parse({ ...base, quorum: { percent: 60 } }).quorum).toEqual({ percent: 60 });
    expect(zCreatePollInput.parse({ ...base, threshold: "two_thirds" }).threshold).toEqual({ rule: "two_thirds" });
    expect(zCreatePollInput.parse({ ...base, threshold: { rule: "custom", percent: 60, of: "eligible" } }).threshold).toEqual({ rule: "custom", percent: 60, of: "eligible" });
  });

  it("explains a bad quorum, threshold, reasons or opening time", () => {
    expect(messagesOf({ quorum: 0 })).toEqual(["A quorum is at least 1 voter."]);
    expect(messagesOf({ quorum: 2.5 })).toEqual(["A quorum is a whole number of voters."]);
    expect(messagesOf({ quorum: { percent: 150 } })).toEqual(["A quorum is at most 100% of eligible voters."]);
    expect(messagesOf({ quorum: { count: 3, percent: 50 } })).toHaveLength(1);
    expect(messagesOf({ quorum: "many" })).toEqual(["Give the quorum as a number of voters, { count } or { percent } of eligible voters."]);
    expect(messagesOf({ threshold: "most" })).toEqual(["The threshold rule is simple_majority, two_thirds, custom or no_blocks."]);
    expect(messagesOf({ threshold: { rule: "custom" } })).toEqual(["A custom threshold needs a percentage."]);
    expect(messagesOf({ threshold: { rule: "two_thirds", percent: 50 } })).toEqual(["Only a custom threshold takes a percentage."]);
    expect(messagesOf({ threshold: { rule: "custom", percent: 0 } })).toEqual(["A threshold is at least 1%."]);
    expect(messagesOf({ requireReasonFor: [""] })).toEqual(["Name the stance that needs a reason."]);
    expect(messagesOf({ requireReasonFor: Array.from({ length: 51 }, (_, index) => `s${index}`) })).toEqual(["List at most 50 stances that need a reason."]);
    expect(messagesOf({ opensAt: "soon" })).toEqual(["Choose when the poll opens, as a date and time."]);
  });

  it("refuses rules that do not fit the poll, naming what is wrong", async () => {
    const { group, admin, as } = await pollGroup();
    const create = (input: Record<string, unknown>) => as(admin).poll.create({ ...base, groupId: group.id, ...input });
    await expect(create({ kind: "score", options: ["A", "B"], threshold: "simple_majority" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Only proposals, polls and sense checks can pass or fail"),
    });
    await expect(create({ kind: "poll", options: ["A", "B"], threshold: "no_blocks" })).rejects.toMatchObject({ message: expect.stringContaining("needs a Block option") });
    await expect(create({ allowBlock: false, threshold: "no_blocks" })).rejects.toMatchObject({ message: expect.stringContaining("needs a Block option") });
    await expect(create({ requireReasonFor: ["disagree", "Maybe"] })).rejects.toMatchObject({
      message: "“Maybe” is not one of this poll's options (Agree, Abstain, Disagree, Block), so it cannot need a reason.",
    });
    await expect(create({ opensAt: new Date(Date.now() - 1000) })).rejects.toMatchObject({ message: expect.stringContaining("opening time in the future") });
    await expect(create({ opensAt: new Date(base.closingAt.getTime() + 1000) })).rejects.toMatchObject({ message: expect.stringContaining("must open before it closes") });
    // A quorum alone fits any kind.
    await expect(create({ kind: "score", options: ["A", "B"], quorum: 2 })).resolves.toMatchObject({ id: expect.any(String) });
  });
});

describe("rules in words and as columns", () => {
  const none = { quorumCount: null, quorumPercent: null, thresholdRule: null, thresholdPercent: null, thresholdBase: "votes_cast" as const, reasonRequiredFor: "" };
  it("says the rules in a line", () => {
    expect(
      rulesSummary({ ...none, kind: "proposal", reasonRequired: false, quorumCount: 8, thresholdRule: "two_thirds", reasonRequiredFor: "disagree,block" }, ["Agree", "Abstain", "Disagree", "Block"]),
    ).toEqual(["Needs 8 voters", "passes with two thirds of votes cast", "reasons required for Disagree, Block"]);
    expect(rulesSummary({ ...none, kind: "poll", reasonRequired: true, quorumPercent: 50 }, ["A"])).toEqual(["Needs 50% of eligible voters to vote", "a reason required with every vote"]);
    expect(rulesSummary({ ...none, kind: "question", reasonRequired: true }, [])).toEqual([]);
  });

  it("refuses an option with a comma, which the stored list cannot hold", () => {
    expect(() => votingRuleColumns("poll", ["Yes, now", "No"], { requireReasonFor: ["yes, now"] })).toThrow("has a comma in its name");
    expect(votingRuleColumns("poll", ["Yes, now", "No"], { requireReasonFor: ["all"] })).toMatchObject({ reasonForAll: true, reasonRequiredFor: "" });
  });
});

describe("required reasons", () => {
  it("asks a reason of the stances named, case-insensitively, and shows the rule", async () => {
    const { group, admin, alice, as } = await pollGroup();
    const { id } = await as(admin).poll.create({ ...base, groupId: group.id, requireReasonFor: ["DISAGREE", "block"] });
    const poll = await as(alice).poll.byId({ id });
    expect(poll.rules).toMatchObject({ requireReasonFor: ["disagree", "block"], summary: ["reasons required for Disagree, Block"] });
    const [agree, , disagree] = poll.options;
    await expect(as(alice).poll.vote({ pollId: id, choices: [{ optionId: disagree!.id }], reason: "  " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Give a reason for voting Disagree.",
    });
    await as(alice).poll.vote({ pollId: id, choices: [{ optionId: disagree!.id }], reason: "Too costly" });
    await as(admin).poll.vote({ pollId: id, choices: [{ optionId: agree!.id }] });
  });

  it("treats [\"all\"] as a reason with every vote", async () => {
    const { group, admin, alice, as } = await pollGroup();
    const { id } = await as(admin).poll.create({ ...base, groupId: group.id, requireReasonFor: ["All"] });
    const poll = await as(alice).poll.byId({ id });
    expect(poll.settings.reasonRequired).toBe(true);
    await expect(as(alice).poll.vote({ pollId: id, choices: [{ optionId: poll.options[0]!.id }] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("scheduled opening", () => {
  it("announces the poll at once, refuses votes before it opens, and asks voters to vote once when it opens", async () => {
    const { group, admin, alice, bob, guest, as } = await pollGroup();
    const opensAt = new Date(Date.now() + 60 * 60 * 1000);
    const { id } = await as(admin).poll.create({ ...base, groupId: group.id, title: "Scheduled", opensAt });
    const requests = () => getDb().notification.findMany({ where: { kind: "new_poll", url: `/polls/${id}` }, select: { userId: true } });
    expect(await requests()).toEqual([]);
    const poll = await as(alice).poll.byId({ id });
    expect(poll.opensAt).toEqual(opensAt);
    expect(poll.viewer.canVote).toBe(false);
    expect((await as(alice).poll.list({ groupId: group.id })).map((summary) => summary.id)).toContain(id);
    await expect(as(alice).poll.vote({ pollId: id, choices: [{ optionId: poll.options[0]!.id }] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("This poll opens for votes on"),
    });

    // An hour on: two scheduler runs at once, and a third later, ask each voter once.
    await getDb().poll.update({ where: { id }, data: { opensAt: new Date(Date.now() - 1000) } });
    const [first, second] = await Promise.all([runPollSchedule(getDb(), () => undefined), runPollSchedule(getDb(), () => undefined)]);
    expect(first.opened + second.opened).toBe(1);
    expect((await runPollSchedule(getDb(), () => undefined)).opened).toBe(0);
    expect((await requests()).map(({ userId }) => userId).sort()).toEqual([alice.id, bob.id].sort());
    expect((await requests()).map(({ userId }) => userId)).not.toContain(guest.id);
    expect((await as(alice).poll.byId({ id })).viewer.canVote).toBe(true);
    await as(alice).poll.vote({ pollId: id, choices: [{ optionId: poll.options[0]!.id }] });
  });

  it("opens now when the author removes the opening time, and cannot schedule a poll that is already open", async () => {
    const { group, admin, alice, as } = await pollGroup();
    const { id } = await as(admin).poll.create({ ...base, groupId: group.id, opensAt: new Date(Date.now() + 60_000) });
    await expect(as(alice).poll.update({ pollId: id, opensAt: null })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await as(admin).poll.update({ pollId: id, opensAt: null });
    expect(await getDb().notification.count({ where: { kind: "new_poll", url: `/polls/${id}`, userId: alice.id } })).toBe(1);
    expect((await runPollSchedule(getDb(), () => undefined)).opened).toBe(0);
    await expect(as(admin).poll.update({ pollId: id, opensAt: new Date(Date.now() + 60_000) })).rejects.toMatchObject({
      message: "This poll is already open for votes, so it can't be scheduled to open later.",
    });
  });
});

describe("editing rules", () => {
  it("changes and removes rules until the first vote, checked against the options", async () => {
    const { group, admin, alice, as } = await pollGroup();
    const { id } = await as(admin).poll.create({ ...base, groupId: group.id, quorum: 3, threshold: "two_thirds", requireReasonFor: ["block"] });
    await as(admin).poll.update({ pollId: id, quorum: { percent: 50 }, threshold: null });
    expect((await as(admin).poll.byId({ id })).rules).toMatchObject({ quorum: { percent: 50 }, threshold: null, requireReasonFor: ["block"] });
    const options = (await as(admin).poll.byId({ id })).options;
    await expect(
      as(admin).poll.update({ pollId: id, options: options.filter(({ name }) => name !== "Block").map(({ id: optionId, name }) => ({ id: optionId, name })) }),
    ).rejects.toMatchObject({ message: expect.stringContaining("“block” is not one of this poll's options") });
    await as(alice).poll.vote({ pollId: id, choices: [{ optionId: options[0]!.id }] });
    await expect(as(admin).poll.update({ pollId: id, quorum: 1 })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "The voting rules and opening time can't change after the first vote: 1 person has voted.",
    });
  });
});

describe("verdict", () => {
  it("states the verdict once closed, from the eligible voters frozen at close", async () => {
    const { group, admin, alice, bob, as } = await pollGroup();
    const { id } = await as(admin).poll.create({ ...base, groupId: group.id, quorum: 2, threshold: "two_thirds", hideResults: "until_closed" });
    const [agree, , disagree] = (await as(admin).poll.byId({ id })).options;
    await as(alice).poll.vote({ pollId: id, choices: [{ optionId: agree!.id }] });
    await as(bob).poll.vote({ pollId: id, choices: [{ optionId: agree!.id }] });
    await as(admin).poll.vote({ pollId: id, choices: [{ optionId: disagree!.id }] });
    expect((await as(alice).poll.results({ pollId: id })).verdict).toBeNull();
    expect(await verdictFor(getDb(), id)).toBe("");

    await as(admin).poll.close({ id });
    const text = "Passed: 3 of 3 eligible voted (quorum 2); 2 agree, 0 blocks; needs two thirds of votes cast";
    expect((await as(alice).poll.results({ pollId: id })).verdict).toEqual({ passed: true, quorumMet: true, text });
    // Someone joining after the close changes nothing.
    await addMember(group.id, (await makeUser()).id, "member");
    expect((await as(alice).poll.results({ pollId: id })).verdict?.text).toBe(text);
    expect(await verdictFor(getDb(), id)).toBe(text);
    await expect(as(admin).poll.close({ id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("freezes the eligible voters when the scheduler closes an overdue poll, and measures against eligible voters", async () => {
    const { group, admin, alice, as } = await pollGroup();
    const { id } = await as(admin).poll.create({
      ...base,
      groupId: group.id,
      anonymous: true,
      threshold: { rule: "simple_majority", of: "eligible" },
      closingAt: new Date(Date.now() + 60 * 60 * 1000),
    });
    const [agree] = (await as(admin).poll.byId({ id })).options;
    await as(alice).poll.vote({ pollId: id, choices: [{ optionId: agree!.id }] });
    await as(admin).poll.vote({ pollId: id, choices: [{ optionId: agree!.id }] });
    await runPollSchedule(getDb(), () => undefined, new Date(Date.now() + 2 * 60 * 60 * 1000));
    expect((await getDb().poll.findUniqueOrThrow({ where: { id }, select: { eligibleAtClose: true } })).eligibleAtClose).toBe(3);
    await addMember(group.id, (await makeUser()).id, "member");
    expect((await as(alice).poll.results({ pollId: id })).verdict).toEqual({
      passed: true,
      quorumMet: null,
      text: "Passed: 2 of 3 eligible voted; 2 agree, 0 blocks; needs more than half of eligible voters",
    });
  });

  it("gives no verdict to polls without rules", async () => {
    const { group, admin, as } = await pollGroup();
    const { id } = await as(admin).poll.create({ ...base, groupId: group.id });
    await as(admin).poll.close({ id });
    expect((await as(admin).poll.results({ pollId: id })).verdict).toBeNull();
    expect(await verdictFor(getDb(), id)).toBe("");
  });
});

describe("group defaults", () => {
  it("are set by admins through group.update and read back by members", async () => {
    const { group, admin, alice, guest, as } = await pollGroup();
    const defaults = { quorum: { percent: 50 }, threshold: { rule: "two_thirds" as const }, requireReasonFor: ["block"] };
    await expect(as(alice).group.update({ id: group.id, votingRuleDefaults: defaults })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const detail = await as(admin).group.update({ id: group.id, votingRuleDefaults: defaults });
    expect(detail.votingRuleDefaults).toEqual(defaults);
    expect((await as(alice).group.byId({ id: group.id })).votingRuleDefaults).toEqual(defaults);
    expect((await as(guest).group.byId({ id: group.id })).votingRuleDefaults).toEqual(defaults);
    const audit = await getDb().auditEntry.findFirst({ where: { groupId: group.id, action: "group.settings_changed" }, select: { after: true } });
    expect(audit?.after).toContain("quorum 50% of eligible voters · two thirds of votes cast · reasons for block");
    await as(admin).group.update({ id: group.id, votingRuleDefaults: {} });
    expect((await as(alice).group.byId({ id: group.id })).votingRuleDefaults).toEqual({});
    expect(zUpdateGroupInput.safeParse({ id: group.id, votingRuleDefaults: { quorum: 0 } }).error?.issues[0]?.message).toBe("A quorum is at least 1 voter.");
    expect(zUpdateGroupInput.safeParse({ id: group.id, votingRuleDefaults: { opensAt: "x" } }).success).toBe(false);
  });

  it("are carried by saved templates", async () => {
    const { group, admin, as } = await pollGroup();
    const defaults = { quorum: { count: 4 }, threshold: { rule: "no_blocks" as const }, requireReasonFor: ["Block"] };
    const { key } = await as(admin).poll.saveTemplate({ groupId: group.id, name: "Our consensus", kind: "proposal", defaults });
    expect((await as(admin).poll.templates({ groupId: group.id })).find((template) => template.key === key)?.defaults).toMatchObject(defaults);
    await expect(
      as(admin).poll.saveTemplate({ groupId: group.id, name: "Bad", kind: "poll", defaults: { options: ["A", "B"], threshold: { rule: "no_blocks" } } }),
    ).rejects.toMatchObject({ message: expect.stringContaining("needs a Block option") });
  });
});
