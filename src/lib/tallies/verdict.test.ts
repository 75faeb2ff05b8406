import { describe, expect, it } from "vitest";
import { computeVerdict, quorumNeeded, thresholdText, type VerdictCounts, type VotingRules } from "@/lib/tallies/verdict";

const NONE: VotingRules = { quorumCount: null, quorumPercent: null, thresholdRule: null, thresholdPercent: null, thresholdBase: "votes_cast" };

/** A proposal's counts: agree, abstain, disagree, block. */
function proposal(eligible: number, [agree, abstain, disagree, block]: [number, number, number, number]): VerdictCounts {
  return {
    kind: "proposal",
    eligible,
    voted: agree + abstain + disagree + block,
    options: [
      { name: "Agree", count: agree },
      { name: "Abstain", count: abstain },
      { name: "Disagree", count: disagree },
      { name: "Block", count: block },
    ],
  };
}

describe("computeVerdict", () => {
  it("gives no verdict without a rule", () => {
    expect(computeVerdict(NONE, proposal(10, [5, 0, 0, 0]))).toBeNull();
  });

  it("reads like the issue's example", () => {
    expect(computeVerdict({ ...NONE, quorumCount: 8, thresholdRule: "two_thirds" }, proposal(12, [7, 1, 1, 0]))).toEqual({
      passed: true,
      quorumMet: true,
      text: "Passed: 9 of 12 eligible voted (quorum 8); 7 agree, 0 blocks; needs two thirds of votes cast",
    });
    expect(computeVerdict({ ...NONE, quorumCount: 8, thresholdRule: "two_thirds" }, proposal(12, [3, 0, 2, 0]))).toEqual({
      passed: false,
      quorumMet: false,
      text: "No quorum: 5 of 12 eligible voted (quorum 8)",
    });
  });

  it.each([
    // rule, base, percent, [agree, abstain, disagree, block], eligible, passed
    ["simple_majority", "votes_cast", null, [2, 0, 2, 0], 10, false], // exactly half is not more than half
    ["simple_majority", "votes_cast", null, [3, 0, 2, 0], 10, true],
    ["simple_majority", "votes_cast", null, [2, 1, 1, 0], 10, false], // abstentions count as votes cast
    ["two_thirds", "votes_cast", null, [2, 0, 1, 0], 10, true], // exactly two thirds
    ["two_thirds", "votes_cast", null, [4, 0, 2, 0], 10, true],
    ["two_thirds", "votes_cast", null, [3, 0, 2, 0], 10, false], // 60%
    ["two_thirds", "votes_cast", null, [199, 0, 101, 0], 10, false], // 66.33%
    ["custom", "votes_cast", 75, [3, 0, 1, 0], 10, true], // exactly 75%
    ["custom", "votes_cast", 75, [5, 0, 2, 0], 10, false], // 71%
    ["custom", "votes_cast", 100, [4, 0, 0, 0], 10, true],
    ["simple_majority", "eligible", null, [5, 0, 0, 0], 10, false], // half of eligible, all votes cast agree
    ["simple_majority", "eligible", null, [6, 0, 0, 0], 10, true],
    ["two_thirds", "eligible", null, [6, 0, 0, 0], 9, true],
    ["two_thirds", "eligible", null, [5, 0, 0, 0], 9, false],
    ["no_blocks", "votes_cast", null, [1, 0, 3, 0], 10, true], // disagreement is not a block
    ["no_blocks", "votes_cast", null, [9, 0, 0, 1], 10, false],
    ["no_blocks", "votes_cast", null, [0, 0, 0, 0], 10, false], // nobody voted: nothing passed
    ["simple_majority", "votes_cast", null, [0, 0, 0, 0], 10, false],
    ["simple_majority", "eligible", null, [0, 0, 0, 0], 0, false], // nobody eligible
  ] as const)("%s of %s (%s%%) with %j of %i eligible: passed %s", (rule, base, percent, votes, eligible, passed) => {
    const verdict = computeVerdict({ ...NONE, thresholdRule: rule, thresholdBase: base, thresholdPercent: percent }, proposal(eligible, [...votes]));
    expect(verdict?.passed).toBe(passed);
    expect(verdict?.quorumMet).toBeNull();
    expect(verdict?.text.startsWith(passed ? "Passed: " : "Not passed: ")).toBe(true);
  });

  it.each([
    // quorum count / percent, eligible, voted, met
    [{ quorumCount: 8 }, 12, 8, true], // exactly met
    [{ quorumCount: 8 }, 12, 7, false], // one short
    [{ quorumPercent: 50 }, 5, 3, true], // 50% of 5 is 2.5: rounds up to 3
    [{ quorumPercent: 50 }, 5, 2, false],
    [{ quorumPercent: 50 }, 4, 2, true],
    [{ quorumPercent: 34 }, 3, 2, true], // 1.02 rounds up to 2
    [{ quorumPercent: 34 }, 3, 1, false],
    [{ quorumPercent: 100 }, 7, 7, true],
    [{ quorumPercent: 1 }, 0, 0, true], // nobody eligible needs nobody
    [{ quorumCount: 1 }, 3, 0, false], // zero votes
  ] as const)("quorum %j of %i eligible with %i voted: met %s", (quorum, eligible, voted, met) => {
    const verdict = computeVerdict({ ...NONE, ...quorum }, proposal(eligible, [voted, 0, 0, 0]));
    expect(verdict?.quorumMet).toBe(met);
    // A quorum alone decides nothing beyond whether the result counts.
    expect(verdict?.passed).toBe(met ? null : false);
    expect(verdict?.text).toBe(`${met ? "Quorum met" : "No quorum"}: ${voted} of ${eligible} eligible voted (quorum ${quorumNeeded({ quorumCount: null, quorumPercent: null, ...quorum }, eligible)})`);
  });

  it("needs both the quorum and the threshold", () => {
    const rules: VotingRules = { ...NONE, quorumCount: 4, thresholdRule: "simple_majority" };
    expect(computeVerdict(rules, proposal(10, [3, 0, 0, 0]))).toMatchObject({ passed: false, quorumMet: false });
    expect(computeVerdict(rules, proposal(10, [2, 0, 2, 0]))).toMatchObject({
      passed: false,
      quorumMet: true,
      text: "Not passed: 4 of 10 eligible voted (quorum 4); 2 agree, 0 blocks; needs more than half of votes cast",
    });
  });

  it("names a proposal's first option and counts blocks only when there is a Block option", () => {
    const consent: VerdictCounts = { kind: "proposal", eligible: 5, voted: 3, options: [{ name: "Consent", count: 2 }, { name: "Objection", count: 1 }] };
    expect(computeVerdict({ ...NONE, thresholdRule: "simple_majority" }, consent)?.text).toBe(
      "Passed: 3 of 5 eligible voted; 2 consent; needs more than half of votes cast",
    );
    expect(computeVerdict({ ...NONE, thresholdRule: "no_blocks" }, proposal(5, [1, 0, 0, 1]))?.text).toBe(
      "Not passed: 2 of 5 eligible voted; 1 agree, 1 block; needs no blocks",
    );
  });

  it("measures polls and checks by the leading option, and a tie for the lead does not pass", () => {
    const leading = (counts: number[], voted: number): VerdictCounts => ({
      kind: "leading",
      eligible: 10,
      voted,
      options: counts.map((count, index) => ({ name: `Option ${index + 1}`, count })),
    });
    const majority = { ...NONE, thresholdRule: "simple_majority" as const };
    expect(computeVerdict(majority, leading([4, 2, 1], 7))).toMatchObject({ passed: true, text: "Passed: 7 of 10 eligible voted; 4 for “Option 1”; needs more than half of votes cast" });
    expect(computeVerdict(majority, leading([3, 3], 6))).toMatchObject({ passed: false, text: "Not passed: 6 of 10 eligible voted; tie between “Option 1” and “Option 2” with 3 each; needs more than half of votes cast" });
    expect(computeVerdict({ ...NONE, thresholdRule: "custom", thresholdPercent: 40 }, leading([4, 3, 3], 10))?.passed).toBe(true);
    expect(computeVerdict(majority, leading([0, 0], 0))).toMatchObject({ passed: false, text: "Not passed: 0 of 10 eligible voted; no choices; needs more than half of votes cast" });
  });
});

describe("thresholdText", () => {
  it("says each rule in words", () => {
    expect(thresholdText({ thresholdRule: "simple_majority", thresholdPercent: null, thresholdBase: "votes_cast" })).toBe("more than half of votes cast");
    expect(thresholdText({ thresholdRule: "two_thirds", thresholdPercent: null, thresholdBase: "eligible" })).toBe("two thirds of eligible voters");
    expect(thresholdText({ thresholdRule: "custom", thresholdPercent: 60, thresholdBase: "votes_cast" })).toBe("60% of votes cast");
    expect(thresholdText({ thresholdRule: "no_blocks", thresholdPercent: null, thresholdBase: "votes_cast" })).toBe("no blocks");
  });
});
