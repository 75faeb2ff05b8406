import { KIND_DESCRIPTIONS, KIND_LABELS } from "@/components/polls/poll-text";
import { defaultClosingTime, fromLocalInputValue, toLocalInputValue } from "@/components/polls/time-zone";
import type { RouterInputs, RouterOutputs } from "@/lib/trpc/client";
import { POLL_KINDS, type CountingMethod } from "@/server/polls/schemas";
import { DEFAULT_OPTIONS } from "@/server/polls/templates";
import type { PollKind } from "@/server/polls/ballot-rules";

export type PollTemplate = RouterOutputs["poll"]["templates"][number];
type CreateInput = RouterInputs["poll"]["create"];
type HideResults = "off" | "until_vote" | "until_closed";

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
};

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

export function formFromTemplate(template: PollTemplate, now: Date): PollForm {
  const { defaults, kind } = template;
  const options = defaults.options ?? [...(DEFAULT_OPTIONS[kind] ?? [])];
  return {
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
    reasonRequired: defaults.reasonRequired ?? kind === "question",
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

export type FormCheck = { ok: true; input: CreateInput } | { ok: false; field: "closingAt" | "options"; message: string };

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
  return {
    ok: true,
    input: {
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
export function templateDefaults(form: PollForm): PollTemplate["defaults"] {
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
  };
}
