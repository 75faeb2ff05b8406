import type { PollKind } from "@/server/polls/ballot-rules";
import type { CountingMethod } from "@/server/polls/schemas";
import type { Quorum, Threshold } from "@/server/polls/voting-rules";

/**
 * The decision processes Hearth offers when someone starts a decision. Each is one of the poll
 * kinds with its own wording and defaults; a group's admins can save their own beside these.
 */
export type TemplateDefaults = {
  options?: string[];
  allowBlock?: boolean;
  reasonRequired?: boolean;
  minChoices?: number;
  maxChoices?: number;
  anonymous?: boolean;
  hideResults?: "off" | "until_vote" | "until_closed";
  /** Ranked-choice and election templates only, each with its own kind's methods. */
  countingMethod?: CountingMethod;
  /** Election templates only. */
  seats?: number;
  /** Voting rules the new-poll form starts with (checked by voting-rules.ts when saved). */
  quorum?: Quorum;
  threshold?: Threshold;
  requireReasonFor?: string[];
};

export type PollTemplateDefinition = {
  key: string;
  name: string;
  kind: PollKind;
  description: string;
  defaults: TemplateDefaults;
};

export const BUILT_IN_TEMPLATES: readonly PollTemplateDefinition[] = [
  {
    key: "consent",
    name: "Consent decision",
    kind: "proposal",
    description: "Go ahead unless someone has a reasoned objection: good enough for now, safe enough to try.",
    defaults: { options: ["Consent", "Objection"], allowBlock: false, reasonRequired: false },
  },
  {
    key: "consensus",
    name: "Consensus proposal",
    kind: "proposal",
    description: "Agree, abstain, disagree or block: look for the decision everyone can live with.",
    defaults: { options: ["Agree", "Abstain", "Disagree", "Block"], allowBlock: true },
  },
  {
    key: "advice",
    name: "Advice process",
    kind: "question",
    description: "The person deciding asks those affected and those with expertise for advice, then decides.",
    defaults: { reasonRequired: true },
  },
  {
    key: "gradients",
    name: "Gradients of agreement",
    kind: "poll",
    description: "Eight levels from wholehearted endorsement to veto show how strong support really is.",
    defaults: {
      options: [
        "Wholehearted endorsement",
        "Agreement with a minor point of contention",
        "Support with reservations",
        "Abstain",
        "More discussion needed",
        "Don't like it, but will support it",
        "Serious disagreement",
        "Veto",
      ],
      minChoices: 1,
      maxChoices: 1,
    },
  },
  {
    key: "sense_check",
    name: "Sense check",
    kind: "check",
    description: "A quick read of the room before a proposal: looks good, not sure, or concerned.",
    defaults: { options: ["Looks good", "Not sure", "Concerned"] },
  },
  {
    key: "question_round",
    name: "Question round",
    kind: "question",
    description: "Everyone answers the same question in their own words.",
    defaults: { reasonRequired: true },
  },
  {
    key: "meeting_time",
    name: "Meeting time",
    kind: "meeting",
    description: "Propose times; everyone says yes, if need be, or no for each; the best time is highlighted.",
    defaults: {},
  },
  {
    key: "simple_poll",
    name: "Simple poll",
    kind: "poll",
    description: "Choose from a list of options.",
    defaults: { minChoices: 1, maxChoices: 1 },
  },
];

/** Options every poll of a kind starts with when neither the template nor the author gives any. */
export const DEFAULT_OPTIONS: Partial<Record<PollKind, readonly string[]>> = {
  proposal: ["Agree", "Abstain", "Disagree", "Block"],
  count: ["Count me in", "Not this time"],
  check: ["Looks good", "Not sure", "Concerned"],
};

