import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { BUILT_IN_TEMPLATES, DEFAULT_OPTIONS, type TemplateDefaults } from "@/server/polls/templates";
import { parseVotingRuleDefaults, type Quorum, type Threshold } from "@/server/polls/voting-rules";

/** Amendments are proposals in the consensus way unless the proposer chooses another proposal template. */
export const AMENDMENT_TEMPLATE = "consensus";

export type ProposalSettings = { template: string; quorum?: Quorum; threshold: Threshold; requireReasonFor?: string[] };

const NOT_A_PROPOSAL = "An amendment is decided by a proposal: choose a proposal template, such as consensus or consent.";

async function templateOf(db: Db, groupId: string, key: string): Promise<TemplateDefaults> {
  const builtIn = BUILT_IN_TEMPLATES.find((template) => template.key === key);
  if (builtIn) {
    if (builtIn.kind !== "proposal") throw new AppError("BAD_REQUEST", NOT_A_PROPOSAL);
    return builtIn.defaults;
  }
  const own = await db.pollTemplate.findFirst({ where: { groupId, id: key }, select: { kind: true, settings: true } });
  if (!own) throw new AppError("BAD_REQUEST", "That template does not exist in this group.");
  if (own.kind !== "proposal") throw new AppError("BAD_REQUEST", NOT_A_PROPOSAL);
  return JSON.parse(own.settings) as TemplateDefaults;
}

/**
 * The proposal an amendment is put to: the template's voting rules, else the group's defaults.
 * An amendment must pass or fail, so with no threshold anywhere it needs more than half of the
 * votes cast (and "no blocks" falls back to that when the template has no Block option).
 */
export async function proposalSettings(db: Db, groupId: string, key = AMENDMENT_TEMPLATE): Promise<ProposalSettings> {
  const [defaults, group] = await Promise.all([
    templateOf(db, groupId, key),
    db.group.findUniqueOrThrow({ where: { id: groupId }, select: { votingRuleDefaults: true } }),
  ]);
  const groupRules = parseVotingRuleDefaults(group.votingRuleDefaults);
  const names = (defaults.options ?? DEFAULT_OPTIONS.proposal ?? [])
    .filter((name) => (defaults.allowBlock ?? true) || name !== "Block")
    .map((name) => name.toLowerCase());
  let threshold: Threshold = defaults.threshold ?? groupRules.threshold ?? { rule: "simple_majority" };
  if (threshold.rule === "no_blocks" && !names.includes("block")) threshold = { rule: "simple_majority" };
  const reasons = (defaults.requireReasonFor ?? groupRules.requireReasonFor ?? []).filter((name) => {
    const stance = name.trim().toLowerCase();
    return stance === "all" || names.includes(stance);
  });
  const quorum = defaults.quorum ?? groupRules.quorum;
  return { template: key, threshold, ...(quorum && { quorum }), ...(reasons.length > 0 && { requireReasonFor: reasons }) };
}
