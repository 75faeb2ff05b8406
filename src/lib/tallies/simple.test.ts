import { describe, expect, it } from "vitest";
import { countChoices, tallyDots, tallyMeeting, tallyScores, type Availability } from "@/lib/tallies/simple";

describe("countChoices", () => {
  it("counts each voter once per option and gives shares of voters", () => {
    expect(countChoices(["agree", "disagree"], [["agree"], ["agree"], ["disagree"], ["agree", "agree"]])).toEqual([
      { optionId: "agree", count: 3, percent: 75 },
      { optionId: "disagree", count: 1, percent: 25 },
    ]);
  });

  it("ignores choices of options not on the poll and handles no votes", () => {
    expect(countChoices(["a"], [["z"]])).toEqual([{ optionId: "a", count: 0, percent: 0 }]);
    expect(countChoices(["a"], [])).toEqual([{ optionId: "a", count: 0, percent: 0 }]);
  });
});

describe("tallyScores", () => {
  it("averages over the voters who scored each option, leaving abstentions out", () => {
    const ballots = [new Map([["a", 5], ["b", 0]]), new Map([["a", 2]]), new Map<string, number>()];
    expect(tallyScores(["a", "b", "c"], ballots)).toEqual([
      { optionId: "a", total: 7, scored: 2, average: 3.5 },
      { optionId: "b", total: 0, scored: 1, average: 0 },
      { optionId: "c", total: 0, scored: 0, average: null },
    ]);
  });
});

describe("tallyDots", () => {
  it("sums dots per option with their share of all dots", () => {
    const ballots = [new Map([["a", 3], ["b", 1]]), new Map([["b", 4]])];
    expect(tallyDots(["a", "b"], ballots)).toEqual([
      { optionId: "a", dots: 3, percent: 37.5 },
      { optionId: "b", dots: 5, percent: 62.5 },
    ]);
  });
});

describe("tallyMeeting", () => {
  const ballot = (entries: [string, Availability][]) => new Map(entries);

  it("picks the slot with most yes, then most if-need-be, then the earliest", () => {
    const result = tallyMeeting(
      ["mon", "tue", "wed"],
      [
        ballot([["mon", "yes"], ["tue", "yes"], ["wed", "no"]]),
        ballot([["mon", "no"], ["tue", "maybe"], ["wed", "yes"]]),
        ballot([["mon", "yes"], ["tue", "yes"], ["wed", "maybe"]]),
      ],
    );
    expect(result.slots).toEqual([
      { optionId: "mon", yes: 2, maybe: 0, no: 1 },
      { optionId: "tue", yes: 2, maybe: 1, no: 0 },
      { optionId: "wed", yes: 1, maybe: 1, no: 1 },
    ]);
    expect(result.bestOptionId).toBe("tue");
    expect(tallyMeeting(["mon", "tue"], [ballot([["mon", "yes"], ["tue", "yes"]])]).bestOptionId).toBe("mon");
  });

  it("has no best slot without answers", () => {
    expect(tallyMeeting(["mon"], []).bestOptionId).toBeNull();
  });
});
