import { z } from "zod";
import { MAX_DOC_COMMENT_LENGTH } from "@/server/doc-comments/schemas";
import { zPerson } from "@/server/threads/schemas";
import { withinSaneYears, zText } from "@/server/validation";

/** A rewrite is bounded like a document comment; a quoted passage likewise. */
export const MAX_AMENDMENT_TEXT_LENGTH = MAX_DOC_COMMENT_LENGTH;
/** Suggestions put to one vote together: a person's run of edits, not a whole document's. */
export const MAX_AMENDMENT_SUGGESTIONS = 50;
/** A document lists this many amendments, newest first. */
export const MAX_LISTED_AMENDMENTS = 200;

const zId = z.string().min(1).max(100);
const zClosingAt = withinSaneYears(z.coerce.date("Choose when the vote closes"));

/**
 * The passage to rewrite, as the proposer saw it: ProseMirror positions in their copy of the text
 * and the text they read there. The server finds it at those positions if it still reads so (or
 * the one place in a paragraph that does), and refuses when it no longer does.
 */
export const zPassageRange = z.object({
  from: z.number().int().min(0).max(10_000_000),
  to: z.number().int().min(0).max(10_000_000),
  quote: z
    .string()
    .min(1, "Select the passage to rewrite first.")
    .max(MAX_AMENDMENT_TEXT_LENGTH, `Select a shorter passage: at most ${MAX_AMENDMENT_TEXT_LENGTH.toLocaleString("en-GB")} characters.`),
});
export type PassageRange = z.infer<typeof zPassageRange>;

export const zCreateAmendmentInput = z
  .object({
    documentId: zId,
    /** Open suggestions to put to the vote: one person's, or several next to each other. */
    suggestionIds: z
      .array(zId)
      .min(1, "Choose at least one suggestion.")
      .max(MAX_AMENDMENT_SUGGESTIONS, `Put at most ${MAX_AMENDMENT_SUGGESTIONS} suggestions into one amendment.`)
      .optional(),
    range: zPassageRange.optional(),
    /** The text proposed in place of the passage; empty proposes removing it. One paragraph. */
    text: zText()
      .transform((text) => text.replace(/\s*\n\s*/g, " "))
      .pipe(z.string().max(MAX_AMENDMENT_TEXT_LENGTH, `Keep the proposed text under ${MAX_AMENDMENT_TEXT_LENGTH.toLocaleString("en-GB")} characters.`))
      .optional(),
    /**
     * An open amendment this one is an alternative to: its passage, rewritten as `text`. Kept out of
     * the text (which holds one suggestion per place) until it wins a ranked vote against it.
     */
    competesWith: zId.optional(),
    /** A proposal template: a built-in one (consensus, consent) or one of the group's own; consensus when absent. */
    template: z.string().min(1).max(60).optional(),
    /** When its proposal closes; an alternative has none (its ranked vote gets its own closing time). */
    closingAt: zClosingAt.optional(),
  })
  .superRefine((input, ctx) => {
    if (input.competesWith === undefined && !input.closingAt) {
      ctx.addIssue({ code: "custom", path: ["closingAt"], message: "Choose when the vote closes" });
    }
    if (input.competesWith !== undefined) {
      if (input.suggestionIds || input.range) {
        ctx.addIssue({ code: "custom", path: ["competesWith"], message: "An alternative rewrites the other amendment's passage: send only its text." });
      }
      if (input.text === undefined) ctx.addIssue({ code: "custom", path: ["text"], message: "Write the text you propose in place of the passage." });
      return;
    }
    if (input.suggestionIds && (input.range || input.text !== undefined)) {
      ctx.addIssue({ code: "custom", path: ["range"], message: "Propose either existing suggestions or a passage with a rewrite, not both." });
    }
    if (!input.suggestionIds && !input.range) {
      ctx.addIssue({ code: "custom", path: ["range"], message: "Choose the suggestions to put to the vote, or select a passage and write its new text." });
    }
    if (input.range && input.text === undefined) {
      ctx.addIssue({ code: "custom", path: ["text"], message: "Write the text you propose in place of the passage." });
    }
  });
export type CreateAmendmentInput = z.infer<typeof zCreateAmendmentInput>;

/** One original and its alternatives put to a single ranked vote. */
export const MAX_DECIDED_TOGETHER = 20;

export const zDecideTogetherInput = z.object({
  amendmentIds: z
    .array(zId)
    .min(2, "Choose an amendment and at least one alternative to it.")
    .max(MAX_DECIDED_TOGETHER, `Put at most ${MAX_DECIDED_TOGETHER} amendments to one ranked vote.`),
  closingAt: zClosingAt,
});
export type DecideTogetherInput = z.infer<typeof zDecideTogetherInput>;

export const zListAmendmentsInput = z.object({ documentId: zId });

export const AMENDMENT_STATUSES = ["open", "adopted", "rejected", "withdrawn"] as const;

export const zAmendment = z.object({
  id: z.string(),
  number: z.number(),
  status: z.enum(AMENDMENT_STATUSES),
  proposedBy: zPerson,
  createdAt: z.date(),
  /** The passage as it read when proposed, and the text proposed in its place. */
  passage: z.string(),
  replacement: z.string(),
  /** The poll deciding it; null once that poll was deleted. */
  poll: z.object({ id: z.string(), href: z.string(), title: z.string(), closingAt: z.date(), closed: z.boolean() }).nullable(),
  /** Why it ended: the poll's verdict, or why it was withdrawn. */
  result: z.string(),
  decidedAt: z.date().nullable(),
  /** Where "Amendment N adopted" is in the history. */
  versionHref: z.string().nullable(),
  /** Its suggestions still open, to badge their cards. */
  suggestionIds: z.array(z.string()),
  /** The amendment this one is an alternative to (its number), kept out of the text until it wins. */
  competesWith: z.object({ id: z.string(), number: z.number() }).nullable(),
  /** Decided with its original and the other alternatives in one ranked vote (`poll`). */
  decidedTogether: z.boolean(),
  /** The caller may propose an alternative to it, or put it and its alternatives to one ranked vote. */
  canProposeAlternative: z.boolean(),
  canDecideTogether: z.boolean(),
});
export type AmendmentDto = z.infer<typeof zAmendment>;

export const zAmendmentList = z.object({
  items: z.array(zAmendment),
  /** The caller may propose amendments (may suggest in the document and start polls in its group). */
  canPropose: z.boolean(),
});

/** `pollId` is null for an alternative: it waits for a ranked vote beside the amendment it competes with. */
export const zAmendmentRef = z.object({ id: z.string(), number: z.number(), pollId: z.string().nullable() });

export const zDecidedTogether = z.object({ pollId: z.string(), amendmentNumbers: z.array(z.number()) });
