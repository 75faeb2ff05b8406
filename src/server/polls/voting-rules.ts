import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client.ts";
import { THRESHOLD_BASES, THRESHOLD_RULES, thresholdText, type ThresholdBase, type ThresholdRule } from "@/lib/tallies/verdict";
import { AppError } from "@/server/errors";
import type { PollKind } from "@/server/polls/ballot-rules";
import { zText } from "@/server/validation";

/**
 * Voting rules as poll.create, poll.update, templates and group defaults take them: a quorum, a
 * threshold and the stances that need a reason. The same schemas validate all four.
 */
// Whole numbers are checked with refine, not .int(): inside a union a failed .int() reads as the
// wrong type, and the person would get the union's general message instead of this one.
const zQuorumCount = z
  .number("Give the quorum as a number of voters.")
  .min(1, "A quorum is at least 1 voter.")
  .max(100_000, "A quorum is at most 100,000 voters.")
  .refine(Number.isInteger, "A quorum is a whole number of voters.");
const zQuorumPercent = z
  .number("Give the quorum as a percentage of eligible voters.")
  .min(1, "A quorum is at least 1% of eligible voters.")
  .max(100, "A quorum is at most 100% of eligible voters.")
  .refine(Number.isInteger, "A quorum percentage is a whole number.");

export const zQuorum = z
  .union(
    [
      zQuorumCount,
      z.strictObject({ count: zQuorumCount }),
      z.strictObject({ percent: zQuorumPercent }),
    ],
    "Give the quorum as a number of voters, { count } or { percent } of eligible voters.",
  )
  .transform((quorum): Quorum => (typeof quorum === "number" ? { count: quorum } : quorum));
export type Quorum = { count: number } | { percent: number };

const zThresholdObject = z
  .strictObject({
    rule: z.enum(THRESHOLD_RULES, "The threshold rule is simple_majority, two_thirds, custom or no_blocks."),
    percent: z
      .number("Give the threshold as a percentage.")
      .min(1, "A threshold is at least 1%.")
      .max(100, "A threshold is at most 100%.")
      .refine(Number.isInteger, "A threshold percentage is a whole number.")
      .optional(),
    of: z.enum(THRESHOLD_BASES, "Measure the threshold against votes_cast or eligible voters.").optional(),
  })
  .superRefine((threshold, ctx) => {
    if (threshold.rule === "custom" && threshold.percent === undefined) {
      ctx.addIssue({ code: "custom", path: ["percent"], message: "A custom threshold needs a percentage." });
    }
    if (threshold.rule !== "custom" && threshold.percent !== undefined) {
      ctx.addIssue({ code: "custom", path: ["percent"], message: "Only a custom threshold takes a percentage." });
    }
    if (threshold.rule === "no_blocks" && threshold.of !== undefined) {
      ctx.addIssue({ code: "custom", path: ["of"], message: "“Passes with no blocks” counts blocks, not a share: leave out what it is measured against." });
    }
  });

export const zThreshold = z
  .union([z.enum(THRESHOLD_RULES), zThresholdObject], "The threshold rule is simple_majority, two_thirds, custom or no_blocks.")
  .transform((threshold): Threshold => (typeof threshold === "string" ? { rule: threshold } : threshold));
export type Threshold = { rule: ThresholdRule; percent?: number; of?: ThresholdBase };

export const zRequireReasonFor = z
  .array(zText().trim().min(1, "Name the stance that needs a reason.").max(200, "Stance names are under 200 characters."), "List the stances that need a reason.")
  .max(50, "List at most 50 stances that need a reason.");

/** The rules fields shared by poll.create, poll.update and templates. */
export const zVotingRulesFields = {
  /** The fewest voters for the result to count: a number, `{ count }`, or `{ percent }` of eligible voters. */
  quorum: zQuorum.optional(),
  /** What it takes to pass: a rule name, or `{ rule, percent?, of? }`. Proposals, polls and checks only. */
  threshold: zThreshold.optional(),
  /** Stances or options (case-insensitive) whose voters must give a reason; ["all"] for every vote. */
  requireReasonFor: zRequireReasonFor.optional(),
};

/** Group.votingRuleDefaults: the rules the new-poll form starts with when its template has none. */
export const zVotingRuleDefaults = z.strictObject(zVotingRulesFields);
export type VotingRuleDefaults = z.infer<typeof zVotingRuleDefaults>;

/** The stored defaults, or none if they are missing or no longer valid. */
export function parseVotingRuleDefaults(json: string): VotingRuleDefaults {
  try {
    const parsed = zVotingRuleDefaults.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** Stored defaults in words for the audit log: "quorum 8 · two thirds of votes cast · reasons for disagree, block", or "none". */
export function votingRuleDefaultsText(json: string): string {
  const { quorum, threshold, requireReasonFor } = parseVotingRuleDefaults(json);
  const parts = [
    quorum && ("count" in quorum ? `quorum ${quorum.count}` : `quorum ${quorum.percent}% of eligible voters`),
    threshold && thresholdText({ thresholdRule: threshold.rule, thresholdPercent: threshold.percent ?? null, thresholdBase: threshold.of ?? "votes_cast" }),
    requireReasonFor?.length && `reasons for ${requireReasonFor.join(", ")}`,
  ].filter((part): part is string => typeof part === "string");
  return parts.length ? parts.join(" · ") : "none";
}

export type VotingRulesInput = { quorum?: Quorum; threshold?: Threshold; requireReasonFor?: string[] };

export type VotingRuleColumns = {
  quorumCount: number | null;
  quorumPercent: number | null;
  thresholdRule: ThresholdRule | null;
  thresholdPercent: number | null;
  thresholdBase: ThresholdBase;
  reasonRequiredFor: string;
};

const THRESHOLD_KINDS: readonly PollKind[] = ["proposal", "poll", "check"];

/**
 * The rules checked against the poll's kind and options and turned into Poll columns; an error
 * for people otherwise. `reasonForAll` says whether ["all"] asked for a reason with every vote.
 */
export function votingRuleColumns(kind: PollKind, optionNames: readonly string[], rules: VotingRulesInput): VotingRuleColumns & { reasonForAll: boolean } {
  const { threshold, quorum, requireReasonFor = [] } = rules;
  if (threshold && !THRESHOLD_KINDS.includes(kind)) {
    throw new AppError("BAD_REQUEST", "Only proposals, polls and sense checks can pass or fail: leave the threshold out for this kind of poll, or give it a quorum only.");
  }
  const lower = optionNames.map((name) => name.toLowerCase());
  if (threshold?.rule === "no_blocks" && (kind !== "proposal" || !lower.includes("block"))) {
    throw new AppError("BAD_REQUEST", "“Passes with no blocks” needs a Block option: use it for proposals that allow blocking.");
  }
  const stances = [...new Set(requireReasonFor.map((name) => name.trim().toLowerCase()))];
  const reasonForAll = stances.includes("all");
  if (!reasonForAll) {
    const unknown = stances.find((name) => !lower.includes(name));
    if (unknown !== undefined) {
      const original = requireReasonFor.find((name) => name.trim().toLowerCase() === unknown)!.trim();
      throw new AppError(
        "BAD_REQUEST",
        optionNames.length
          ? `“${original}” is not one of this poll's options (${optionNames.join(", ")}), so it cannot need a reason.`
          : `This poll has no options, so “${original}” cannot need a reason; use "all" to ask a reason of every vote.`,
      );
    }
  }
  const withComma = reasonForAll ? undefined : stances.find((name) => name.includes(","));
  if (withComma !== undefined) {
    throw new AppError("BAD_REQUEST", `“${withComma}” has a comma in its name, so it cannot be listed as needing a reason: ask a reason of every vote ("all") instead.`);
  }
  return {
    quorumCount: quorum && "count" in quorum ? quorum.count : null,
    quorumPercent: quorum && "percent" in quorum ? quorum.percent : null,
    thresholdRule: threshold?.rule ?? null,
    thresholdPercent: threshold?.rule === "custom" ? (threshold.percent ?? null) : null,
    thresholdBase: threshold?.of ?? "votes_cast",
    reasonRequiredFor: reasonForAll ? "" : stances.filter((name) => lower.includes(name)).join(","),
    reasonForAll,
  };
}

/** The columns that hold a poll's voting rules: quorum, threshold and the stances that need a reason. */
export const votingRulesSelect = {
  quorumCount: true,
  quorumPercent: true,
  thresholdRule: true,
  thresholdPercent: true,
  thresholdBase: true,
  reasonRequiredFor: true,
} satisfies Prisma.PollSelect;

/** The stances stored in Poll.reasonRequiredFor. */
export const reasonStances = (stored: string): string[] => (stored ? stored.split(",") : []);

/** The reason rule for a ballot: the message when a chosen option needs a reason and none was given. */
export function missingReason(stored: string, chosenNames: readonly string[], reason: string): string | null {
  if (reason.trim()) return null;
  const stances = new Set(reasonStances(stored));
  const needing = chosenNames.find((name) => stances.has(name.toLowerCase()));
  return needing === undefined ? null : `Give a reason for voting ${needing}.`;
}

/** The rules as stored, back in poll.create's shape, for the edit form and templates. */
export function votingRulesOf(columns: Omit<VotingRuleColumns, "reasonRequiredFor"> & { reasonRequiredFor: string }): VotingRulesInput {
  return {
    ...(columns.quorumCount !== null && { quorum: { count: columns.quorumCount } }),
    ...(columns.quorumPercent !== null && { quorum: { percent: columns.quorumPercent } }),
    ...(columns.thresholdRule !== null && {
      threshold: {
        rule: columns.thresholdRule,
        ...(columns.thresholdRule === "custom" && columns.thresholdPercent !== null && { percent: columns.thresholdPercent }),
        ...(columns.thresholdRule !== "no_blocks" && { of: columns.thresholdBase }),
      },
    }),
    ...(columns.reasonRequiredFor && { requireReasonFor: reasonStances(columns.reasonRequiredFor) }),
  };
}

/**
 * The rules in a line for the poll page, e.g. "Needs 8 voters · passes with two thirds of votes
 * cast · reasons required for Disagree, Block · opens 5 Dec, 09:00" (the opening time is added by the page).
 */
export function rulesSummary(columns: VotingRuleColumns & { kind: string; reasonRequired: boolean }, optionNames: readonly string[]): string[] {
  const parts: string[] = [];
  if (columns.quorumCount !== null) parts.push(`Needs ${columns.quorumCount} ${columns.quorumCount === 1 ? "voter" : "voters"}`);
  if (columns.quorumPercent !== null) parts.push(`Needs ${columns.quorumPercent}% of eligible voters to vote`);
  if (columns.thresholdRule !== null) parts.push(`passes with ${thresholdText(columns)}`);
  // A question round's answer is its reason: nothing to say there.
  if (columns.kind === "question") return parts;
  if (columns.reasonRequired) parts.push("a reason required with every vote");
  else if (columns.reasonRequiredFor) {
    const stances = new Set(reasonStances(columns.reasonRequiredFor));
    parts.push(`reasons required for ${optionNames.filter((name) => stances.has(name.toLowerCase())).join(", ")}`);
  }
  return parts;
}
