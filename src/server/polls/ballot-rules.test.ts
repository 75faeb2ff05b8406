import { describe, expect, it } from "vitest";
import { checkBallot, type BallotRules } from "@/server/polls/ballot-rules";

const rules = (overrides: Partial<BallotRules>): BallotRules => ({
  kind: "poll",
  optionIds: ["a", "b", "c"],
  minChoices: null,
  maxChoices: null,
  dotsPerPerson: null,
  scoreMin: null,
  scoreMax: null,
  reasonRequired: false,
  ...overrides,
});

const message = (outcome: ReturnType<typeof checkBallot>) => (outcome.ok ? null : outcome.message);

describe("checkBallot", () => {
  it("refuses options from another poll and repeated options", () => {
    expect(message(checkBallot(rules({}), [{ optionId: "z" }], ""))).toBe("That option is not part of this poll.");
    expect(message(checkBallot(rules({ maxChoices: 3 }), [{ optionId: "a" }, { optionId: "a" }], ""))).toBe("Choose each option only once.");
  });

  it("holds single and multiple choice polls to their limits", () => {
    expect(checkBallot(rules({}), [{ optionId: "a" }], "").ok).toBe(true);
    expect(message(checkBallot(rules({}), [{ optionId: "a" }, { optionId: "b" }], ""))).toBe("Choose one option.");
    const multi = rules({ minChoices: 2, maxChoices: 3 });
    expect(message(checkBallot(multi, [{ optionId: "a" }], ""))).toBe("Choose between 2 and 3 options.");
    expect(checkBallot(multi, [{ optionId: "a" }, { optionId: "c" }], "").ok).toBe(true);
  });

  it("requires a reason when the poll asks for one, and an answer in a question round", () => {
    expect(message(checkBallot(rules({ kind: "proposal", reasonRequired: true }), [{ optionId: "a" }], " "))).toBe(
      "This poll asks for a reason with every vote.",
    );
    expect(message(checkBallot(rules({ kind: "question", optionIds: [] }), [], ""))).toBe("Write your answer.");
    expect(checkBallot(rules({ kind: "question", optionIds: [] }), [], "My answer").ok).toBe(true);
  });

  it("keeps scores on the scale", () => {
    const score = rules({ kind: "score", scoreMin: 1, scoreMax: 10 });
    expect(message(checkBallot(score, [{ optionId: "a", score: 11 }], ""))).toBe("Scores go from 1 to 10.");
    expect(message(checkBallot(score, [{ optionId: "a", score: 2.5 }], ""))).toBe("Scores go from 1 to 10.");
    expect(checkBallot(score, [{ optionId: "a", score: 10 }, { optionId: "b", score: 1 }], "").ok).toBe(true);
  });

  it("limits dots to the allowance and drops empty placements", () => {
    const dots = rules({ kind: "dot_vote", dotsPerPerson: 5 });
    expect(message(checkBallot(dots, [{ optionId: "a", score: 4 }, { optionId: "b", score: 2 }], ""))).toBe("You have 5 dots; you placed 6.");
    expect(message(checkBallot(dots, [{ optionId: "a", score: -1 }], ""))).toBe("Place whole dots, zero or more, on each option.");
    expect(checkBallot(dots, [{ optionId: "a", score: 5 }, { optionId: "b", score: 0 }], "")).toEqual({
      ok: true,
      choices: [{ optionId: "a", score: 5, rank: null }],
    });
  });

  it("requires ranks 1..k without duplicates or gaps", () => {
    const ranked = rules({ kind: "ranked_choice" });
    expect(message(checkBallot(ranked, [{ optionId: "a", rank: 1 }, { optionId: "b", rank: 1 }], ""))).toBe(
      "Rank options 1, 2, 3… with no repeats or gaps.",
    );
    expect(message(checkBallot(ranked, [{ optionId: "a", rank: 1 }, { optionId: "b", rank: 3 }], ""))).toBe(
      "Rank options 1, 2, 3… with no repeats or gaps.",
    );
    expect(checkBallot(ranked, [{ optionId: "b", rank: 2 }, { optionId: "a", rank: 1 }], "").ok).toBe(true);
  });

  it("accepts yes, if need be and no for meeting times only", () => {
    const meeting = rules({ kind: "meeting" });
    expect(message(checkBallot(meeting, [{ optionId: "a", score: 3 }], ""))).toBe("Answer yes, if need be, or no for each time.");
    expect(checkBallot(meeting, [{ optionId: "a", score: 2 }, { optionId: "b", score: 0 }], "").ok).toBe(true);
  });

  it("takes exactly one choice for proposals, counts and sense checks", () => {
    for (const kind of ["proposal", "count", "check"] as const) {
      expect(message(checkBallot(rules({ kind }), [], ""))).toBe("Choose one option.");
    }
  });
});
