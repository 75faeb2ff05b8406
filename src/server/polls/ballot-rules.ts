/**
 * What a valid ballot is for each kind of poll: pure rules, shared by the server (which
 * enforces them) and the tests. Each returns the choices to store or a message for the voter.
 */
export type PollKind = "proposal" | "poll" | "count" | "check" | "question" | "score" | "dot_vote" | "ranked_choice" | "meeting" | "stv";

/** Kinds voted by ranking the options: ranked choice, and elections (single transferable vote). */
export const isRankedKind = (kind: PollKind) => kind === "ranked_choice" || kind === "stv";

export type BallotRules = {
  kind: PollKind;
  optionIds: readonly string[];
  minChoices: number | null;
  maxChoices: number | null;
  dotsPerPerson: number | null;
  scoreMin: number | null;
  scoreMax: number | null;
  reasonRequired: boolean;
};

export type Choice = { optionId: string; score?: number; rank?: number };
export type CheckedChoice = { optionId: string; score: number | null; rank: number | null };

/** Meeting answers are stored as scores. */
export const AVAILABILITY_SCORE = { yes: 2, maybe: 1, no: 0 } as const;

type Outcome = { ok: true; choices: CheckedChoice[] } | { ok: false, message: string };
const fail = (message: string): Outcome => ({ ok: false, message });

export function checkBallot(rules: BallotRules, choices: readonly Choice[], reason: string): Outcome {
  const known = new Set(rules.optionIds);
  if (choices.some(({ optionId }) => !known.has(optionId))) return fail("That option is not part of this poll.");
  if (new Set(choices.map(({ optionId }) => optionId)).size !== choices.length) return fail("Choose each option only once.");
  if (rules.reasonRequired && !reason.trim()) return fail("This poll asks for a reason with every vote.");
  const plain = (list: readonly Choice[]) => list.map(({ optionId }) => ({ optionId, score: null, rank: null }));

  switch (rules.kind) {
    case "proposal":
    case "count":
    case "check":
      return choices.length === 1 ? { ok: true, choices: plain(choices) } : fail("Choose one option.");
    case "poll": {
      const min = rules.minChoices ?? 1;
      const max = rules.maxChoices ?? 1;
      if (choices.length < min || choices.length > max) {
        return fail(min === max ? `Choose ${min === 1 ? "one option" : `${min} options`}.` : `Choose between ${min} and ${max} options.`);
      }
      return { ok: true, choices: plain(choices) };
    }
    case "question":
      if (choices.length > 0) return fail("A question round takes an answer, not options.");
      return reason.trim() ? { ok: true, choices: [] } : fail("Write your answer.");
    case "score": {
      const min = rules.scoreMin ?? 0;
      const max = rules.scoreMax ?? 5;
      if (choices.length === 0) return fail("Score at least one option.");
      const bad = choices.find(({ score }) => score === undefined || !Number.isInteger(score) || score < min || score > max);
      if (bad) return fail(`Scores go from ${min} to ${max}.`);
      return { ok: true, choices: choices.map(({ optionId, score }) => ({ optionId, score: score!, rank: null })) };
    }
    case "dot_vote": {
      const allowed = rules.dotsPerPerson ?? 10;
      if (choices.some(({ score }) => score === undefined || !Number.isInteger(score) || score < 0)) {
        return fail("Place whole dots, zero or more, on each option.");
      }
      const used = choices.reduce((sum, { score }) => sum + score!, 0);
      if (used === 0) return fail("Place at least one dot.");
      if (used > allowed) return fail(`You have ${allowed} dots; you placed ${used}.`);
      return { ok: true, choices: choices.filter(({ score }) => score! > 0).map(({ optionId, score }) => ({ optionId, score: score!, rank: null })) };
    }
    case "ranked_choice":
    case "stv": {
      if (choices.length === 0) return fail("Rank at least one option.");
      const ranks = choices.map(({ rank }) => rank);
      if (ranks.some((rank) => rank === undefined || !Number.isInteger(rank))) return fail("Give each ranked option a position.");
      const sorted = [...(ranks as number[])].sort((a, b) => a - b);
      if (sorted.some((rank, index) => rank !== index + 1)) {
        return fail("Rank options 1, 2, 3… with no repeats or gaps.");
      }
      return { ok: true, choices: choices.map(({ optionId, rank }) => ({ optionId, score: null, rank: rank! })) };
    }
    case "meeting": {
      if (choices.length === 0) return fail("Answer for at least one time.");
      const valid = new Set<number>(Object.values(AVAILABILITY_SCORE));
      if (choices.some(({ score }) => score === undefined || !valid.has(score))) return fail("Answer yes, if need be, or no for each time.");
      return { ok: true, choices: choices.map(({ optionId, score }) => ({ optionId, score: score!, rank: null })) };
    }
  }
}
