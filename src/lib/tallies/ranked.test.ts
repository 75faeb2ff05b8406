import { describe, expect, it } from "vitest";
import { bordaCount, countRanked, instantRunoff, schulze } from "@/lib/tallies/ranked";

const repeat = (count: number, ballot: string[]) => Array.from({ length: count }, () => ballot);

describe("bordaCount", () => {
  it("scores n − k + 1 for the k-th choice of n options, 0 when unranked, highest first", () => {
    const result = bordaCount(["a", "b", "c"], [["a", "b", "c"], ["b", "a"], ["c"]]);
    expect(result).toEqual([
      { optionId: "a", score: 3 + 2 },
      { optionId: "b", score: 2 + 3 },
      { optionId: "c", score: 1 + 3 },
    ]);
  });

  it("breaks ties by the options' order on the poll", () => {
    expect(bordaCount(["x", "y"], [["y", "x"], ["x", "y"]]).map(({ optionId }) => optionId)).toEqual(["x", "y"]);
  });

  it("returns zeros for no ballots", () => {
    expect(bordaCount(["a", "b"], [])).toEqual([
      { optionId: "a", score: 0 },
      { optionId: "b", score: 0 },
    ]);
  });
});

describe("instantRunoff", () => {
  it("elects a first-round majority without eliminating", () => {
    const result = instantRunoff(["a", "b"], [...repeat(3, ["a"]), ["b"]]);
    expect(result.winnerOptionId).toBe("a");
    expect(result.rounds).toHaveLength(1);
  });

  it("transfers votes from the eliminated option round by round", () => {
    const ballots = [...repeat(4, ["a", "b"]), ...repeat(3, ["b", "a"]), ...repeat(2, ["c", "b"])];
    const result = instantRunoff(["a", "b", "c"], ballots);
    expect(result.rounds.map(({ eliminated }) => eliminated)).toEqual(["c", null]);
    expect(result.rounds[1]!.tallies).toEqual([
      { optionId: "b", votes: 5 },
      { optionId: "a", votes: 4 },
    ]);
    expect(result.winnerOptionId).toBe("b");
  });

  it("leaves exhausted ballots out of the majority", () => {
    const ballots = [...repeat(3, ["a"]), ...repeat(2, ["b"]), ...repeat(2, ["c"])];
    const result = instantRunoff(["a", "b", "c"], ballots);
    // b and c tie on votes and on Borda score, so c (later on the poll) goes first; its ballots exhaust.
    expect(result.rounds[0]!.eliminated).toBe("c");
    expect(result.rounds[1]).toMatchObject({ exhausted: 2 });
    expect(result.winnerOptionId).toBe("a");
  });

  it("breaks a tie for elimination by Borda score, then by later position", () => {
    const byBorda = instantRunoff(["a", "b", "c"], [["a", "b"], ["a", "b"], ["b", "c"], ["c", "a"]]);
    expect(byBorda.rounds[0]!.eliminated).toBe("c");
    const byPosition = instantRunoff(["a", "b"], [["a"], ["b"]]);
    expect(byPosition.rounds[0]!.eliminated).toBe("b");
    expect(byPosition.winnerOptionId).toBe("a");
  });

  it("has no winner without ballots", () => {
    expect(instantRunoff(["a"], [])).toEqual({ winnerOptionId: null, leaders: [], rounds: [] });
  });
});

describe("schulze", () => {
  it("finds the Condorcet winner with its pairwise table", () => {
    const ballots = [...repeat(3, ["a", "b", "c"]), ...repeat(2, ["b", "c", "a"]), ...repeat(2, ["c", "a", "b"])];
    const result = schulze(["a", "b", "c"], ballots);
    expect(result.pairwise.a).toEqual({ b: 5, c: 3 });
    expect(result.pairwise.c).toEqual({ a: 4, b: 2 });
    // a beats b 5–2, c beats a 4–3, b beats c 5–2: a cycle, so no Condorcet winner.
    expect(result.condorcetWinnerOptionId).toBeNull();
    expect(result.winnerOptionId).toBe("a");
  });

  it("matches the classic Wikipedia example (45 voters, winner E)", () => {
    const ballots = [
      ...repeat(5, ["A", "C", "B", "E", "D"]),
      ...repeat(5, ["A", "D", "E", "C", "B"]),
      ...repeat(8, ["B", "E", "D", "A", "C"]),
      ...repeat(3, ["C", "A", "B", "E", "D"]),
      ...repeat(7, ["C", "A", "E", "B", "D"]),
      ...repeat(2, ["C", "B", "A", "D", "E"]),
      ...repeat(7, ["D", "C", "E", "B", "A"]),
      ...repeat(8, ["E", "B", "A", "D", "C"]),
    ];
    const result = schulze(["A", "B", "C", "D", "E"], ballots);
    expect(result.pairwise.A!.B).toBe(20);
    expect(result.strongest.E!.A).toBe(25);
    expect(result.winnerOptionId).toBe("E");
  });

  it("counts a ranked option above an unranked one, and two unranked as no preference", () => {
    const result = schulze(["a", "b", "c"], [["a"], ["b"]]);
    expect(result.pairwise.a).toEqual({ b: 1, c: 1 });
    expect(result.pairwise.b).toEqual({ a: 1, c: 1 });
    expect(result.pairwise.c).toEqual({ a: 0, b: 0 });
    expect(result.winnerOptionId).toBe("a");
  });

  it("has no winner without ballots", () => {
    expect(schulze(["a", "b"], []).winnerOptionId).toBeNull();
  });
});

/**
 * Six rankings of four options on which the three methods name three different winners: d wins
 * every contest it is not level in (Schulze), a survives the runoff, and c collects the most points.
 */
const DISAGREEING_PROFILE = {
  optionIds: ["a", "b", "c", "d"],
  ballots: [
    ["d", "a", "c", "b"],
    ["a", "d", "c", "b"],
    ["c", "b", "d", "a"],
    ["a", "c", "b", "d"],
    ["c", "b", "d", "a"],
    ["d", "a", "c", "b"],
  ],
};

describe("countRanked", () => {
  it("names each method's own winner when they disagree", () => {
    const { outcomes } = countRanked(DISAGREEING_PROFILE.optionIds, DISAGREEING_PROFILE.ballots);
    expect(outcomes).toEqual({
      schulze: { winnerOptionId: "d", leaders: ["d"] },
      instant_runoff: { winnerOptionId: "a", leaders: ["a"] },
      borda: { winnerOptionId: "c", leaders: ["c"] },
    });
  });

  it("says when a method cannot separate the leaders, and which one the tie-break picks", () => {
    const { outcomes } = countRanked(["a", "b", "c"], [["b", "a", "c"], ["a", "b", "c"]]);
    expect(outcomes.schulze).toEqual({ winnerOptionId: "a", leaders: ["a", "b"] });
    expect(outcomes.instant_runoff).toEqual({ winnerOptionId: "a", leaders: ["a", "b"] });
    expect(outcomes.borda).toEqual({ winnerOptionId: "a", leaders: ["a", "b"] });
  });

  it("treats a runoff won outright as a win, not a tie", () => {
    const { outcomes } = countRanked(["a", "b", "c"], [["a"], ["a"], ["b"], ["c", "a"]]);
    expect(outcomes.instant_runoff).toEqual({ winnerOptionId: "a", leaders: ["a"] });
  });

  it("has no winner and no leaders before any vote", () => {
    const { outcomes } = countRanked(["a", "b"], []);
    for (const outcome of Object.values(outcomes)) expect(outcome).toEqual({ winnerOptionId: null, leaders: [] });
  });
});
