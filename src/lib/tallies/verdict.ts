/**
 * A poll's verdict under its voting rules: whether enough people voted (quorum) and whether the
 * supporting share reached the threshold. Pure, on counts alone, so anonymous polls say nothing
 * about who voted how.
 */
export const THRESHOLD_RULES = ["simple_majority", "two_thirds", "custom", "no_blocks"] as const;
export type ThresholdRule = (typeof THRESHOLD_RULES)[number];
export const THRESHOLD_BASES = ["votes_cast", "eligible"] as const;
export type ThresholdBase = (typeof THRESHOLD_BASES)[number];

export type VotingRules = {
  quorumCount: number | null;
  quorumPercent: number | null;
  thresholdRule: ThresholdRule | null;
  /** custom only: the share needed, in percent. */
  thresholdPercent: number | null;
  thresholdBase: ThresholdBase;
};

export type VerdictCounts = {
  /** Proposals are measured by their first (agreeing) option; polls and checks by their leading option. */
  kind: "proposal" | "leading";
  eligible: number;
  voted: number;
  /** Votes per option, in poll order. */
  options: readonly { name: string; count: number }[];
};

export type Verdict = { passed: boolean | null; quorumMet: boolean | null; text: string };

export const hasVotingRule = (rules: Pick<VotingRules, "quorumCount" | "quorumPercent" | "thresholdRule">) =>
  rules.quorumCount !== null || rules.quorumPercent !== null || rules.thresholdRule !== null;

/** The fewest voters for the result to count: a share of the eligible voters rounds up, so 50% of 5 needs 3. */
export function quorumNeeded(rules: Pick<VotingRules, "quorumCount" | "quorumPercent">, eligible: number): number | null {
  if (rules.quorumCount !== null) return rules.quorumCount;
  if (rules.quorumPercent !== null) return Math.ceil((eligible * rules.quorumPercent) / 100);
  return null;
}

const BASE_TEXT: Record<ThresholdBase, string> = { votes_cast: "votes cast", eligible: "eligible voters" };

/** The rule in words, e.g. "two thirds of votes cast" or "no blocks". */
export function thresholdText(rules: Pick<VotingRules, "thresholdRule" | "thresholdPercent" | "thresholdBase">): string {
  const base = BASE_TEXT[rules.thresholdBase];
  switch (rules.thresholdRule) {
    case "simple_majority":
      return `more than half of ${base}`;
    case "two_thirds":
      return `two thirds of ${base}`;
    case "custom":
      return `${rules.thresholdPercent ?? 0}% of ${base}`;
    case "no_blocks":
      return "no blocks";
    case null:
      return "";
  }
}

/** Whether `support` of `base` reaches the rule's share; integer arithmetic, so exactly two thirds is exact. */
export function meetsShare(rule: Exclude<ThresholdRule, "no_blocks">, percent: number | null, support: number, base: number): boolean {
  if (base === 0) return false;
  switch (rule) {
    case "simple_majority":
      return support * 2 > base;
    case "two_thirds":
      return support * 3 >= base * 2;
    case "custom":
      return support * 100 >= base * (percent ?? 100);
  }
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export function computeVerdict(rules: VotingRules, counts: VerdictCounts): Verdict | null {
  if (!hasVotingRule(rules)) return null;
  const needed = quorumNeeded(rules, counts.eligible);
  const quorumMet = needed === null ? null : counts.voted >= needed;
  const turnout = `${counts.voted} of ${counts.eligible} eligible voted${needed === null ? "" : ` (quorum ${needed})`}`;
  if (quorumMet === false) return { passed: false, quorumMet, text: `No quorum: ${turnout}` };
  if (rules.thresholdRule === null) return { passed: null, quorumMet, text: `Quorum met: ${turnout}` };

  const rule = thresholdText(rules);
  const blockOption = counts.options.find(({ name }) => name.toLowerCase() === "block");
  const blocks = blockOption?.count ?? 0;
  let passed: boolean;
  let tally: string;
  if (counts.kind === "proposal") {
    const agree = counts.options[0];
    const support = agree?.count ?? 0;
    tally = `${support} ${(agree?.name ?? "agree").toLowerCase()}${blockOption ? `, ${plural(blocks, "block", "blocks")}` : ""}`;
    passed =
      rules.thresholdRule === "no_blocks"
        ? counts.voted > 0 && blocks === 0
        : meetsShare(rules.thresholdRule, rules.thresholdPercent, support, rules.thresholdBase === "eligible" ? counts.eligible : counts.voted);
  } else {
    const top = Math.max(0, ...counts.options.map(({ count }) => count));
    const leaders = counts.options.filter(({ count }) => count === top && top > 0);
    const base = rules.thresholdBase === "eligible" ? counts.eligible : counts.voted;
    if (leaders.length === 0) {
      tally = "no choices";
      passed = false;
    } else if (leaders.length > 1) {
      tally = `tie between ${leaders.map(({ name }) => `“${name}”`).join(" and ")} with ${top} each`;
      passed = false;
    } else {
      tally = `${top} for “${leaders[0]!.name}”`;
      passed = rules.thresholdRule !== "no_blocks" && meetsShare(rules.thresholdRule, rules.thresholdPercent, top, base);
    }
  }
  return { passed, quorumMet, text: `${passed ? "Passed" : "Not passed"}: ${turnout}; ${tally}; needs ${rule}` };
}
