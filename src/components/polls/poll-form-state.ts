import { KIND_DESCRIPTIONS, KIND_LABELS } from "@/components/polls/poll-text";
import { defaultClosingTime, fromLocalInputValue, toLocalInputValue } from "@/components/polls/time-zone";
import type { RouterInputs, RouterOutputs } from "@/lib/trpc/client";
import { POLL_KINDS, type CountingMethod } from "@/server/polls/schemas";
import { DEFAULT_OPTIONS } from "@/server/polls/templates";
import type { PollKind } from "@/server/polls/ballot-rules";

export type PollTemplate = RouterOutputs["poll"]["templates"][number];
type CreateInput = RouterInputs["poll"]["create"];
type HideResults = "off" | "until_vote" | "until_closed";
/** A group's voting rule defaults, as group.byId gives them. */
export type VotingRuleDefaults = RouterOutputs["group"]["byId"]["votingRuleDefaults"];
export type ThresholdRuleChoice = "" | "simple_majority" | "two_thirds" | "custom" | "no_blocks";

/**
 * Everything the new-decision form holds, as typed: numbers stay strings until sending, and
 * meeting options are datetime-local values in the author's time zone.
 */
export type PollForm = {
  kind: PollKind;
  templateKey: string | null;
  title: string;
  details: string;
  options: string[];
  closingAt: string;
  anonymous: boolean;
  hideResults: HideResults;
  allowChangeVote: boolean;
  showReasons: boolean;
  reasonRequired: boolean;
  allowBlock: boolean;
  minChoices: string;
  maxChoices: string;
  dotsPerPerson: string;
  scoreMin: string;
  scoreMax: string;
  countTarget: string;
  votersAddOptions: boolean;
  noneOfTheAbove: boolean;
  shuffleOptions: boolean;
  /** Ranked choice and elections: the method whose result counts. */
  countingMethod: CountingMethod;
  /** Elections: how many options are elected. */
  seats: string;
  chooseVoters: boolean;
  voters: { id: string; name: string }[];
  /** The meeting the decision is for; empty for none. */
  meetingId: string;
  /** Voting rules: the quorum as a number of voters or a percentage of eligible voters. */
  quorumMode: "none" | "count" | "percent";
  quorumValue: string;
  /** Empty for no threshold. */
  thresholdRule: ThresholdRuleChoice;
  thresholdPercent: string;
  thresholdBase: "votes_cast" | "eligible";
  /** Lower-case option names whose voters must give a reason. */
  reasonFor: string[];
  /** A datetime-local value for a scheduled opening; empty to open at once. */
  opensAt: string;
};

/** Kinds that pass or fail under a threshold; proposals alone can pass "with no blocks". */
export const hasThreshold = (kind: PollKind) => kind === "proposal" || kind === "poll" || kind === "check";

/** The rule fields of a form, from a template's rules or else the group's defaults, keeping only what fits the kind and options. */
export function rulesFromDefaults(kind: PollKind, options: readonly string[], rules: VotingRuleDefaults): Pick<
  PollForm,
  "quorumMode" | "quorumValue" | "thresholdRule" | "thresholdPercent" | "thresholdBase" | "reasonFor"
> {
  const { quorum, threshold, requireReasonFor = [] } = rules;
  const names = new Set(options.map((option) => option.toLowerCase()));
  const fits = threshold && hasThreshold(kind) && (threshold.rule !== "no_blocks" || (kind === "proposal" && names.has("block")));
  return {
    quorumMode: quorum ? ("count" in quorum ? "count" : "percent") : "none",
    quorumValue: quorum ? String("count" in quorum ? quorum.count : quorum.percent) : "",
    thresholdRule: fits ? threshold.rule : "",
    thresholdPercent: fits && threshold.percent !== undefined ? String(threshold.percent) : "",
    thresholdBase: (fits && threshold.of) || "votes_cast",
    reasonFor: requireReasonFor.map((name) => name.toLowerCase()).filter((name) => names.has(name)),
  };
}

const hasRules = (rules: VotingRuleDefaults) => rules.quorum !== undefined || rules.threshold !== undefined || rules.requireReasonFor !== undefined;

/** Kinds with named options; a question round has none. */
export const hasOptions = (kind: PollKind) => kind !== "question";
/** Kinds where voters may suggest more options. */
export const canAddOptions = (kind: PollKind) => ["poll", "score", "dot_vote", "ranked_choice"].includes(kind);

/** One card per bare poll type, offered after the named processes. */
export const KIND_TEMPLATES: PollTemplate[] = POLL_KINDS.map((kind) => ({
  key: `kind:${kind}`,
  name: KIND_LABELS[kind],
  kind,
  description: KIND_DESCRIPTIONS[kind],
  builtIn: true,
  defaults: {},
}));

const MIN_BLANK_OPTIONS: Partial<Record<PollKind, number>> = { poll: 2, score: 2, dot_vote: 2, ranked_choice: 2, meeting: 1, stv: 3 };
/** A new election fills 2 seats unless its template says otherwise: one seat would be a plain runoff. */
const DEFAULT_SEATS = 2;

/** A new form for the chosen process; its voting rules are the template's, or else the group's defaults. */
export function formFromTemplate(template: PollTemplate, now: Date, groupRules: VotingRuleDefaults = {}): PollForm {
  const { defaults, kind } = template;
  const options = defaults.options ?? [...(DEFAULT_OPTIONS[kind] ?? [])];
  const rules = hasRules(defaults) ? { quorum: defaults.quorum, threshold: defaults.threshold, requireReasonFor: defaults.requireReasonFor } : groupRules;
  return {
    ...rulesFromDefaults(kind, options, rules),
    opensAt: "",
    kind,
    templateKey: template.key.startsWith("kind:") ? null : template.key,
    title: "",
    details: "",
    options: options.length ? [...options] : Array.from({ length: MIN_BLANK_OPTIONS[kind] ?? 0 }, () => ""),
    closingAt: toLocalInputValue(defaultClosingTime(now)),
    anonymous: defaults.anonymous ?? false,
    hideResults: defaults.hideResults ?? "off",
    allowChangeVote: true,
    showReasons: true,
    reasonRequired: (defaults.reasonRequired ?? kind === "question") || (rules.requireReasonFor ?? []).some((name) => name.toLowerCase() === "all"),
    allowBlock: defaults.allowBlock ?? true,
    minChoices: String(defaults.minChoices ?? 1),
    maxChoices: String(defaults.maxChoices ?? defaults.minChoices ?? 1),
    dotsPerPerson: "10",
    scoreMin: "0",
    scoreMax: "5",
    countTarget: "",
    votersAddOptions: false,
    noneOfTheAbove: false,
    shuffleOptions: false,
    countingMethod: defaults.countingMethod ?? (kind === "stv" ? "scottish_stv" : "schulze"),
    seats: String(defaults.seats ?? DEFAULT_SEATS),
    chooseVoters: false,
    voters: [],
    meetingId: "",
  };
}

const whole = (value: string) => (value.trim() === "" ? undefined : Number(value));

export type FormCheck = { ok: true; input: CreateInput } | { ok: false; field: "closingAt" | "options" | "opensAt"; message: string };

/** The rules as poll.create and templates take them; numbers the server checks. */
export function rulesInput(
  form: Pick<PollForm, "kind" | "options" | "reasonRequired" | "reasonFor" | "quorumMode" | "quorumValue" | "thresholdRule" | "thresholdPercent" | "thresholdBase">,
): Pick<CreateInput, "quorum" | "threshold" | "requireReasonFor"> {
  const quorumValue = whole(form.quorumValue);
  const optionNames = new Set(form.options.map((option) => option.trim().toLowerCase()));
  const reasonFor = form.reasonRequired ? [] : form.reasonFor.filter((name) => optionNames.has(name));
  return {
    ...(form.quorumMode !== "none" && quorumValue !== undefined && { quorum: form.quorumMode === "count" ? { count: quorumValue } : { percent: quorumValue } }),
    ...(hasThreshold(form.kind) &&
      form.thresholdRule !== "" && {
        threshold:
          form.thresholdRule === "no_blocks"
            ? { rule: "no_blocks" as const }
            : {
                rule: form.thresholdRule,
                of: form.thresholdBase,
                ...(form.thresholdRule === "custom" && { percent: whole(form.thresholdPercent) }),
              },
      }),
    ...(reasonFor.length > 0 && { requireReasonFor: reasonFor }),
  };
}

/**
 * The `poll.create` input for what was typed. Only the closing time and meeting slots are
 * checked here (they must be read as dates in this browser); every other rule is the server's.
 */
export function createInput(form: PollForm, groupId: string, threadId: string | undefined): FormCheck {
  const closingAt = fromLocalInputValue(form.closingAt);
  if (!closingAt) return { ok: false, field: "closingAt", message: "Choose when the poll closes." };
  const named = form.options.map((option) => option.trim()).filter(Boolean);
  let options: string[] | undefined = hasOptions(form.kind) ? named : undefined;
  if (form.kind === "meeting") {
    const slots = named.map(fromLocalInputValue);
    if (slots.some((slot) => slot === null)) return { ok: false, field: "options", message: "Give every proposed time a date and a time." };
    options = slots.map((slot) => slot!.toISOString());
  }
  const { kind } = form;
  const opensAt = form.opensAt ? fromLocalInputValue(form.opensAt) : undefined;
  if (opensAt === null) return { ok: false, field: "opensAt", message: "Choose when the poll opens, or clear the opening time." };
  return {
    ok: true,
    input: {
      ...rulesInput(form),
      ...(opensAt && { opensAt }),
      groupId,
      threadId,
      kind,
      template: form.templateKey ?? undefined,
      title: form.title,
      details: form.details || undefined,
      options,
      closingAt,
      anonymous: form.anonymous,
      hideResults: form.hideResults,
      allowChangeVote: form.allowChangeVote,
      showReasons: form.showReasons,
      reasonRequired: form.reasonRequired,
      shuffleOptions: hasOptions(kind) && kind !== "meeting" ? form.shuffleOptions : undefined,
      ...(kind === "proposal" && { allowBlock: form.allowBlock }),
      ...(kind === "poll" && { minChoices: whole(form.minChoices), maxChoices: whole(form.maxChoices), noneOfTheAbove: form.noneOfTheAbove }),
      ...(kind === "score" && { scoreMin: whole(form.scoreMin), scoreMax: whole(form.scoreMax) }),
      ...(kind === "dot_vote" && { dotsPerPerson: whole(form.dotsPerPerson) }),
      ...(kind === "count" && { countTarget: whole(form.countTarget) }),
      ...(canAddOptions(kind) && { votersAddOptions: form.votersAddOptions }),
      ...(kind === "ranked_choice" && { countingMethod: form.countingMethod }),
      ...(kind === "stv" && { countingMethod: form.countingMethod, seats: whole(form.seats) }),
      ...(form.chooseVoters && { voterIds: form.voters.map(({ id }) => id) }),
      ...(form.meetingId && { meetingId: form.meetingId }),
    },
  };
}

/** What a saved group template keeps: the wording of the options and the settings, never dates. */
export function templateDefaults(form: PollForm): RouterInputs["poll"]["saveTemplate"]["defaults"] {
  const options = form.options.map((option) => option.trim()).filter(Boolean);
  return {
    ...(hasOptions(form.kind) && form.kind !== "meeting" && options.length > 0 && { options }),
    ...(form.kind === "proposal" && { allowBlock: form.allowBlock }),
    ...(form.kind === "poll" && { minChoices: whole(form.minChoices), maxChoices: whole(form.maxChoices) }),
    ...(form.kind === "ranked_choice" && { countingMethod: form.countingMethod }),
    ...(form.kind === "stv" && { countingMethod: form.countingMethod, seats: whole(form.seats) }),
    reasonRequired: form.reasonRequired,
    anonymous: form.anonymous,
    hideResults: form.hideResults,
    ...rulesInput(form),
  };
}
