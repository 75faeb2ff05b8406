import { z } from "zod";
import { RANKED_METHODS } from "@/lib/tallies/ranked";
import { STV_METHODS } from "@/lib/tallies/stv";
import { zMeetingRef } from "@/server/meetings/schemas";
import { zQuorum, zThreshold, zVotingRulesFields } from "@/server/polls/voting-rules";
import { refineMarkdown, withinSaneYears, zText } from "@/server/validation";

export const POLL_KINDS = ["proposal", "poll", "count", "check", "question", "score", "dot_vote", "ranked_choice", "meeting", "stv"] as const;
export const zPollKind = z.enum(POLL_KINDS);
export const zHideResults = z.enum(["off", "until_vote", "until_closed"]);
export const zRankedMethod = z.enum(RANKED_METHODS);
/** Ranked choice is counted by one of RANKED_METHODS, an election (stv) by one of STV_METHODS. */
export const COUNTING_METHODS = [...RANKED_METHODS, ...STV_METHODS] as const;
export type CountingMethod = (typeof COUNTING_METHODS)[number];
export const zCountingMethod = z.enum(
  COUNTING_METHODS,
  "Choose how the ranking is counted: schulze, instant_runoff or borda for ranked choice; scottish_stv or meek_stv for an election.",
);
const zSeats = z
  .number("Say how many seats the election fills, as a number.")
  .int("Seats are a whole number.")
  .min(1, "An election fills at least 1 seat.")
  .max(49, "An election can fill at most 49 seats, one fewer than the most options a poll can have.");

const zOptionName = zText().trim().min(1, "Options need a name").max(200, "Keep options under 200 characters");

export const zCreatePollInput = z.object({
  groupId: z.string().min(1),
  threadId: z.string().min(1).optional(),
  kind: zPollKind,
  template: z.string().max(60).optional(),
  title: zText().trim().min(1, "Give the poll a title").max(200, "Keep the title to 200 characters or fewer"),
  details: zText().max(10_000, "Keep the details under 10,000 characters").superRefine(refineMarkdown).optional(),
  /** Option names; for meeting polls, ISO date-times of the proposed slots. */
  options: z.array(zOptionName).max(50, "Use at most 50 options").optional(),
  closingAt: withinSaneYears(z.coerce.date("Choose when the poll closes")),
  anonymous: z.boolean().optional(),
  hideResults: zHideResults.optional(),
  allowChangeVote: z.boolean().optional(),
  showReasons: z.boolean().optional(),
  minChoices: z.number().int().min(1).max(50).optional(),
  maxChoices: z.number().int().min(1).max(50).optional(),
  dotsPerPerson: z.number().int().min(1).max(1000).optional(),
  scoreMin: z.number().int().min(-100).max(100).optional(),
  scoreMax: z.number().int().min(-100).max(100).optional(),
  countTarget: z.number().int().min(1).max(100_000).optional(),
  allowBlock: z.boolean().optional(),
  reasonRequired: z.boolean().optional(),
  votersAddOptions: z.boolean().optional(),
  noneOfTheAbove: z.boolean().optional(),
  shuffleOptions: z.boolean().optional(),
  /**
   * Ranked choice: the method whose result counts, Schulze when absent. Elections (stv):
   * scottish_stv (the default) or meek_stv.
   */
  countingMethod: zCountingMethod.optional(),
  /** Elections (stv) only, and needed there: how many options are elected, fewer than the options. */
  seats: zSeats.optional(),
  /** Restricts voting to these people (members or invited guests); everyone in the group when absent. */
  voterIds: z.array(z.string().min(1)).max(500).optional(),
  /** A meeting of the same group this decision is for. */
  meetingId: z.string().min(1).max(64).optional(),
  ...zVotingRulesFields,
  /** A poll announced now and open for votes from this time, which is before closingAt. */
  opensAt: withinSaneYears(z.coerce.date("Choose when the poll opens, as a date and time.")).optional(),
});
export type CreatePollInput = z.infer<typeof zCreatePollInput>;

export const zVoteInput = z.object({
  pollId: z.string().min(1),
  choices: z
    .array(
      z.object({
        optionId: z.string().min(1),
        score: z.number().optional(),
        rank: z.number().optional(),
      }),
    )
    .max(50),
  reason: zText().max(5_000, "Keep your reason under 5,000 characters").optional(),
  /** Anonymous polls: the receipt of the ballot being changed, since nothing else links it to you. */
  receipt: z.string().max(64).optional(),
  /** Anonymous polls: the key given with that receipt; a receipt alone, which others may have seen, changes nothing. */
  changeKey: z.string().max(64).optional(),
});
export type VoteInput = z.infer<typeof zVoteInput>;

export const zPollIdInput = z.object({ pollId: z.string().min(1) });
export const zIdInput = z.object({ id: z.string().min(1) });
export const zReopenInput = z.object({ id: z.string().min(1), closingAt: withinSaneYears(z.coerce.date()) });
export const zSetOutcomeInput = z.object({
  id: z.string().min(1),
  statement: zText().trim().min(1, "Write the outcome").max(10_000, "Keep the outcome under 10,000 characters").superRefine(refineMarkdown),
  optionId: z.string().min(1).optional(),
  reviewOn: withinSaneYears(z.coerce.date()).optional(),
});
export const zListPollsInput = z.object({
  groupId: z.string().min(1),
  status: z.enum(["open", "closed", "all"]).default("all"),
  threadId: z.string().optional(),
});
export const zAddOptionInput = z.object({ pollId: z.string().min(1), name: zOptionName });
/**
 * The poll's options in their new order: `id` keeps (and may rename) an option, no `id` adds
 * one, and an option left out is removed. Only until the first vote.
 */
export const zUpdatePollInput = z.object({
  pollId: z.string().min(1),
  title: zCreatePollInput.shape.title.optional(),
  details: zCreatePollInput.shape.details,
  closingAt: zCreatePollInput.shape.closingAt.optional(),
  options: z
    .array(z.object({ id: z.string().min(1).max(64).optional(), name: zOptionName }))
    .max(50, "Use at most 50 options")
    .optional(),
  /** Voting rules, until the first vote; null removes one. */
  quorum: zQuorum.nullable().optional(),
  threshold: zThreshold.nullable().optional(),
  requireReasonFor: zVotingRulesFields.requireReasonFor,
  /** A later opening time, or null to open now; until the first vote. */
  opensAt: zCreatePollInput.shape.opensAt.nullable(),
});
export type UpdatePollInput = z.infer<typeof zUpdatePollInput>;

export const zPollOption = z.object({ id: z.string(), name: z.string(), startsAt: z.date().nullable() });

export const zPollSummary = z.object({
  id: z.string(),
  kind: zPollKind,
  title: z.string(),
  threadId: z.string().nullable(),
  closingAt: z.date(),
  closedAt: z.date().nullable(),
  /** A scheduled poll's opening time (votes are refused before it); null when it opened on creation. */
  opensAt: z.date().nullable(),
  voterCount: z.number().int(),
  votedByMe: z.boolean(),
  outcome: z.string().nullable(),
});

export const zPollDetail = zPollSummary.extend({
  groupId: z.string(),
  group: z.object({ id: z.string(), name: z.string(), handle: z.string() }),
  template: z.string().nullable(),
  details: z.string(),
  /** The details cooked to HTML (src/server/markdown/cook.ts), as the page shows them. */
  detailsHtml: z.string(),
  author: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.date(),
  options: z.array(zPollOption),
  settings: z.object({
    anonymous: z.boolean(),
    hideResults: zHideResults,
    allowChangeVote: z.boolean(),
    showReasons: z.boolean(),
    reasonRequired: z.boolean(),
    allowBlock: z.boolean(),
    votersAddOptions: z.boolean(),
    minChoices: z.number().nullable(),
    maxChoices: z.number().nullable(),
    dotsPerPerson: z.number().nullable(),
    scoreMin: z.number().nullable(),
    scoreMax: z.number().nullable(),
    countTarget: z.number().nullable(),
    restrictVoters: z.boolean(),
    /** The method whose result counts; null for kinds other than ranked choice and elections. */
    countingMethod: zCountingMethod.nullable(),
    /** Elections (stv): how many options are elected; null for other kinds. */
    seats: z.number().nullable(),
  }),
  /** The voting rules in poll.create's shape, and in words for the page (the opening time apart). */
  rules: z.object({
    quorum: z.union([z.object({ count: z.number() }), z.object({ percent: z.number() })]).nullable(),
    threshold: z.object({ rule: z.enum(["simple_majority", "two_thirds", "custom", "no_blocks"]), percent: z.number().optional(), of: z.enum(["votes_cast", "eligible"]).optional() }).nullable(),
    /** Lower-case option names whose voters must give a reason (reasonRequired covers every vote). */
    requireReasonFor: z.array(z.string()),
    summary: z.array(z.string()),
  }),
  /** The meeting the poll is for, for those who may see the group's meetings. */
  meeting: zMeetingRef.nullable(),
  outcomeDetail: z
    .object({ statement: z.string(), statementHtml: z.string(), optionId: z.string().nullable(), reviewOn: z.date().nullable(), at: z.date() })
    .nullable(),
  viewer: z.object({
    canVote: z.boolean(),
    hasVoted: z.boolean(),
    canManage: z.boolean(),
    /** May delete the poll: the group's admins, or its author while nobody has voted. */
    canDelete: z.boolean(),
    /** The viewer's current ballot, when the poll is not anonymous. */
    myChoices: z.array(z.object({ optionId: z.string(), score: z.number().nullable(), rank: z.number().nullable() })).nullable(),
    myReason: z.string().nullable(),
  }),
});
export type PollDetail = z.infer<typeof zPollDetail>;

export const zVoteResult = z.object({
  receipt: z.string(),
  /** Anonymous polls: the secret that, with the receipt, changes this vote. Given only here; null in other polls. */
  changeKey: z.string().nullable(),
});
export type VoteResult = z.infer<typeof zVoteResult>;

const zStoredChoice = z.object({ optionId: z.string(), score: z.number().nullable(), rank: z.number().nullable() });
const zTable = z.record(z.string(), z.record(z.string(), z.number()));
const zMethodOutcome = z.object({ winnerOptionId: z.string().nullable(), leaders: z.array(z.string()) });

export const zTally = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("counts"), counts: z.array(z.object({ optionId: z.string(), count: z.number(), percent: z.number() })) }),
  z.object({
    kind: z.literal("score"),
    scores: z.array(z.object({ optionId: z.string(), total: z.number(), average: z.number().nullable(), scored: z.number() })),
  }),
  z.object({ kind: z.literal("dot_vote"), dots: z.array(z.object({ optionId: z.string(), dots: z.number(), percent: z.number() })) }),
  z.object({
    kind: z.literal("ranked_choice"),
    /** The poll's counting method: its outcome is the result, the others are for comparison. */
    method: zRankedMethod,
    outcomes: z.object({ schulze: zMethodOutcome, instant_runoff: zMethodOutcome, borda: zMethodOutcome }),
    borda: z.array(z.object({ optionId: z.string(), score: z.number() })),
    irv: z.object({
      winnerOptionId: z.string().nullable(),
      rounds: z.array(
        z.object({
          tallies: z.array(z.object({ optionId: z.string(), votes: z.number() })),
          exhausted: z.number(),
          eliminated: z.string().nullable(),
        }),
      ),
    }),
    schulze: z.object({ winnerOptionId: z.string().nullable(), pairwise: zTable, condorcetWinnerOptionId: z.string().nullable() }),
  }),
  z.object({
    kind: z.literal("meeting"),
    slots: z.array(z.object({ optionId: z.string(), yes: z.number(), maybe: z.number(), no: z.number() })),
    bestOptionId: z.string().nullable(),
  }),
  z.object({ kind: z.literal("question") }),
  /** An election's count is `Results.stv`. */
  z.object({ kind: z.literal("stv") }),
]);

/** An election's count, round by round (src/lib/tallies/stv.ts); every number an exact decimal string. */
export const zStvCount = z.object({
  method: z.enum(STV_METHODS),
  seats: z.number(),
  validBallots: z.number(),
  precision: z.number(),
  elected: z.array(z.string()),
  rounds: z.array(
    z.object({
      transfer: z.discriminatedUnion("kind", [
        z.object({ kind: z.literal("first_count") }),
        z.object({ kind: z.literal("surplus"), optionId: z.string(), transferValue: z.string() }),
        z.object({ kind: z.literal("exclusion"), optionId: z.string() }),
        z.object({ kind: z.literal("recount") }),
      ]),
      quota: z.string(),
      tallies: z.array(
        z.object({
          optionId: z.string(),
          votes: z.string(),
          change: z.string(),
          state: z.enum(["hopeful", "elected", "excluded"]),
          keepValue: z.string().nullable(),
        }),
      ),
      elected: z.array(z.string()),
      excluded: z.array(z.string()),
      exhausted: z.string(),
      tieBreaks: z.array(
        z.object({
          purpose: z.enum(["surplus", "exclusion", "order"]),
          optionIds: z.array(z.string()),
          chosen: z.string(),
          decidedBy: z.enum(["earlier_round", "lot"]),
        }),
      ),
    }),
  ),
  lot: z.array(z.string()),
});

export const zResults = z.object({
  hidden: z.boolean(),
  hiddenReason: z.string().nullable(),
  participation: z.object({ voted: z.number(), eligible: z.number(), percent: z.number() }),
  countTarget: z.number().nullable(),
  tally: zTally.nullable(),
  /** Elections (stv) whose results may be seen: the count; null otherwise. */
  stv: zStvCount.nullable(),
  /** The verdict under the poll's quorum and threshold once it has closed; null without a rule, while open, or while results are hidden. */
  verdict: z.object({ passed: z.boolean().nullable(), quorumMet: z.boolean().nullable(), text: z.string() }).nullable(),
  /** Who chose what; voter is always null in anonymous polls. */
  ballots: z.array(z.object({ voter: z.object({ id: z.string(), name: z.string() }).nullable(), choices: z.array(zStoredChoice), reason: z.string() })),
});

export const zPerson = z.object({ id: z.string(), name: z.string() });
export const zTemplate = z.object({
  key: z.string(),
  name: z.string(),
  kind: zPollKind,
  description: z.string(),
  builtIn: z.boolean(),
  defaults: z.object({
    options: z.array(z.string()).optional(),
    allowBlock: z.boolean().optional(),
    reasonRequired: z.boolean().optional(),
    minChoices: z.number().optional(),
    maxChoices: z.number().optional(),
    anonymous: z.boolean().optional(),
    hideResults: zHideResults.optional(),
    countingMethod: zCountingMethod.optional(),
    seats: zSeats.optional(),
    ...zVotingRulesFields,
  }),
});
export const zSaveTemplateInput = z.object({
  groupId: z.string().min(1),
  name: zText().trim().min(1, "Name the template").max(80, "Keep the name under 80 characters"),
  kind: zPollKind,
  description: zText().max(500, "Keep the description under 500 characters").default(""),
  defaults: zTemplate.shape.defaults.extend({ options: z.array(zOptionName).max(50, "Use at most 50 options").optional() }),
});
