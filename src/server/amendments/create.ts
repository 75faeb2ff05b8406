import type { Prisma } from "@/generated/prisma/client.ts";
import { newSuggestionId } from "@/lib/documents/suggestion-marks";
import { publishAmendmentChange } from "@/server/amendments/events";
import { rewriteUpdate } from "@/server/amendments/passage";
import { proposalSettings } from "@/server/amendments/poll-settings";
import type { CreateAmendmentInput, PassageRange } from "@/server/amendments/schemas";
import type { Db } from "@/server/db";
import { isUniqueViolation } from "@/server/db/unique-violation";
import { requireDocumentAccess, type DocumentAccess } from "@/server/documents/access";
import { applyServerUpdate } from "@/server/documents/live";
import { loadDocumentState } from "@/server/documents/persistence";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { requireInGroup } from "@/server/groups/standing";
import { logger } from "@/server/logger";
import { createPoll } from "@/server/polls/create";
import { suggestionsInState } from "@/server/suggestions/yjs";

/** Where an amendment's card is: the poll links back to it. */
export const amendmentPath = (documentId: string, number: number) => `/documents/${documentId}#amendment-${number}`;

const clip = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);
export const escapeMarkdown = (text: string) => text.replace(/[\\`*_[\]<>#|~]/g, "\\$&");
export const quoteBlock = (text: string, length = 3_000) => `> ${escapeMarkdown(clip(text, length))}`;

/** "Amendment 2 to Vision 2030: “a green valley”": the change itself, or what it takes out. */
function pollTitle(number: number, documentTitle: string, passage: string, replacement: string): string {
  const change = replacement ? `“${clip(replacement, 60)}”` : `remove “${clip(passage, 50)}”`;
  return clip(`Amendment ${number} to ${documentTitle}: ${change}`, 200);
}

function pollDetails(access: DocumentAccess, number: number, passage: string, replacement: string): string {
  return [
    `This proposal amends the document **${escapeMarkdown(access.title)}** ([see the passage](${amendmentPath(access.documentId, number)})). ` +
      `If it passes under this poll's rules, the change is made in the text as soon as the poll closes and saved as the version ` +
      `“Amendment ${number} adopted”; if it does not pass, the suggested change is closed with the result.`,
    "**The passage now reads:**",
    passage ? quoteBlock(passage) : "_(nothing: this amendment adds text)_",
    "**Proposed text:**",
    replacement ? quoteBlock(replacement) : "_(nothing: this amendment removes the passage)_",
  ].join("\n\n");
}

type Claim = (tx: Prisma.TransactionClient, amendmentId: string) => Promise<void>;

/**
 * The amendment with the document's next number, and its suggestions claimed in the same
 * transaction, so a refused claim leaves no gap in the numbers. Two proposals at once retry on
 * the unique (documentId, number).
 */
async function createNumbered(
  db: Db,
  data: { documentId: string; proposedById: string; passage: string; replacement: string; competesWithId?: string },
  claim?: Claim,
) {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await db.$transaction(async (tx) => {
        const last = await tx.amendment.findFirst({ where: { documentId: data.documentId }, orderBy: { number: "desc" }, select: { number: true } });
        const amendment = await tx.amendment.create({ data: { ...data, number: (last?.number ?? 0) + 1 }, select: { id: true, number: true } });
        await claim?.(tx, amendment.id);
        return amendment;
      });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 5) throw error;
    }
  }
}

/**
 * Existing open suggestions of the document, in text order, claimed for the amendment: one
 * person's, or several next to each other. The claim is a conditional update (amendmentId still
 * null, still open), so a suggestion can never be in two amendments, even when two are proposed at once.
 */
async function fromSuggestions(db: Db, userId: string, access: DocumentAccess, ids: string[]) {
  const unique = [...new Set(ids)];
  const rows = await db.suggestion.findMany({
    where: { id: { in: unique }, documentId: access.documentId },
    select: { id: true, status: true, authorId: true, amendment: { select: { number: true } } },
  });
  if (rows.length !== unique.length) throw new AppError("NOT_FOUND", "Some of those suggestions are not in this document.");
  const decided = rows.find((row) => row.status !== "open");
  if (decided) throw new AppError("CONFLICT", `That suggestion was already ${decided.status}.`);
  const taken = rows.find((row) => row.amendment);
  if (taken) throw new AppError("CONFLICT", `That suggestion is already part of Amendment ${taken.amendment!.number}.`);
  const present = suggestionsInState(await loadDocumentState(db, access.documentId));
  const order = [...present.keys()];
  const positions = unique.map((id) => order.indexOf(id)).sort((a, b) => a - b);
  if (positions[0] === -1) throw new AppError("CONFLICT", "That suggestion is no longer in the text.");
  const adjacent = positions.every((position, index) => index === 0 || position === positions[index - 1]! + 1);
  if (!adjacent && new Set(rows.map((row) => row.authorId)).size > 1) {
    throw new AppError("BAD_REQUEST", "Put one person's suggestions, or suggestions next to each other, into one amendment.");
  }
  const inOrder = positions.map((position) => present.get(order[position]!)!);
  const passage = inOrder.map(({ deleted }) => deleted).filter(Boolean).join(" … ");
  const replacement = inOrder.map(({ inserted }) => inserted).filter(Boolean).join(" … ");
  const amendment = await createNumbered(db, { documentId: access.documentId, proposedById: userId, passage, replacement }, async (tx, amendmentId) => {
    const { count } = await tx.suggestion.updateMany({
      where: { id: { in: unique }, documentId: access.documentId, status: "open", amendmentId: null },
      data: { amendmentId },
    });
    if (count !== unique.length) {
      throw new AppError("CONFLICT", "Someone has just decided on one of those suggestions or put it into another amendment.");
    }
  });
  return { amendment, passage, replacement, undo: () => db.suggestion.updateMany({ where: { amendmentId: amendment.id }, data: { amendmentId: null } }) };
}

/** The rewrite written into the text as the proposer's suggestion, recorded as the amendment's. */
async function fromRewrite(db: Db, publish: Publish, userId: string, access: DocumentAccess, range: PassageRange, text: string) {
  const id = newSuggestionId();
  const inAmendments = await db.suggestion.findMany({
    where: { documentId: access.documentId, status: "open", amendment: { status: "open" } },
    select: { id: true, amendment: { select: { number: true } } },
  });
  const amendmentOf = new Map(inAmendments.map((row) => [row.id, row.amendment!.number]));
  const { update, passage } = rewriteUpdate(await loadDocumentState(db, access.documentId), range, text, id, amendmentOf);
  const amendment = await createNumbered(db, { documentId: access.documentId, proposedById: userId, passage, replacement: text }, async (tx, amendmentId) => {
    await tx.suggestion.create({ data: { id, documentId: access.documentId, authorId: userId, amendmentId }, select: { id: true } });
  });
  try {
    await applyServerUpdate(db, publish, access.documentId, update, userId);
  } catch (error) {
    await db.amendment.delete({ where: { id: amendment.id } });
    await db.suggestion.delete({ where: { id } });
    throw error;
  }
  // The text stays suggested if the poll cannot be made; the proposer's suggestion is then theirs to decide as any other.
  return { amendment, passage, replacement: text, undo: () => db.suggestion.updateMany({ where: { id }, data: { amendmentId: null } }) };
}

/**
 * An alternative to an open amendment's passage: numbered like any amendment, but kept out of the
 * text (the passage holds the other amendment's suggestion) and without a poll of its own; it is
 * decided only in a ranked vote beside the amendment it competes with (together.ts), and written
 * into the text only if it wins there (resolve.ts).
 */
async function fromAlternative(db: Db, userId: string, access: DocumentAccess, competesWith: string, text: string) {
  const target = await db.amendment.findFirst({
    where: { id: competesWith, documentId: access.documentId },
    select: {
      id: true,
      number: true,
      status: true,
      passage: true,
      replacement: true,
      competesWith: { select: { number: true } },
      poll: { select: { kind: true } },
      _count: { select: { suggestions: true } },
    },
  });
  if (!target) throw new AppError("NOT_FOUND", "That amendment is not in this document.");
  if (target.competesWith) {
    throw new AppError("BAD_REQUEST", `Amendment ${target.number} is itself an alternative: propose yours as an alternative to Amendment ${target.competesWith.number}.`);
  }
  if (target.status !== "open") throw new AppError("CONFLICT", `Amendment ${target.number} was already decided: propose a new amendment instead.`);
  if (target.poll?.kind === "ranked_choice") {
    throw new AppError("CONFLICT", `Amendment ${target.number} is already being decided in one ranked vote with its alternatives: it takes no more.`);
  }
  if (target._count.suggestions !== 1) {
    throw new AppError("BAD_REQUEST", `Amendment ${target.number} changes several places: an alternative can be proposed only to an amendment of one passage.`);
  }
  if (!target.passage && !text) throw new AppError("BAD_REQUEST", "Write the text you propose to add there.");
  if (text === target.replacement) throw new AppError("BAD_REQUEST", `That is what Amendment ${target.number} already proposes: write a different text.`);
  const data = { documentId: access.documentId, proposedById: userId, passage: target.passage, replacement: text, competesWithId: target.id };
  return createNumbered(db, data);
}

/**
 * Puts a change to the document's text to the group's vote: existing suggestions, or a passage
 * with a rewrite written in as a suggestion by the proposer. A proposal poll in the document's
 * group decides it (polls/lifecycle and the scheduler resolve it at close: resolve.ts). Whoever
 * may suggest in the document and start polls in its group may propose one; guests never start polls.
 */
export async function createAmendment(db: Db, publish: Publish, userId: string, input: CreateAmendmentInput) {
  const access = await requireDocumentAccess(db, userId, input.documentId, "suggest");
  await requireInGroup(db, userId, access.groupId, "poll.create");
  if (input.competesWith !== undefined) {
    const amendment = await fromAlternative(db, userId, access, input.competesWith, input.text ?? "");
    publishAmendmentChange(publish, access.documentId);
    return { id: amendment.id, number: amendment.number, pollId: null };
  }
  const { closingAt } = input;
  if (!closingAt || closingAt.getTime() <= Date.now()) throw new AppError("BAD_REQUEST", "Choose a closing time in the future.");
  const settings = await proposalSettings(db, access.groupId, input.template);
  const made = input.suggestionIds
    ? await fromSuggestions(db, userId, access, input.suggestionIds)
    : await fromRewrite(db, publish, userId, access, input.range!, input.text ?? "");
  const { amendment, passage, replacement } = made;
  let pollId: string;
  try {
    ({ id: pollId } = await createPoll(db, publish, userId, {
      groupId: access.groupId,
      kind: "proposal",
      title: pollTitle(amendment.number, access.title, passage, replacement),
      details: pollDetails(access, amendment.number, passage, replacement),
      closingAt,
      ...settings,
    }));
  } catch (error) {
    logger.warn({ err: error, documentId: access.documentId }, "amendment poll not created");
    await made.undo();
    await db.amendment.delete({ where: { id: amendment.id } });
    publishAmendmentChange(publish, access.documentId);
    throw error;
  }
  await db.amendment.update({ where: { id: amendment.id }, data: { pollId }, select: { id: true } });
  publishAmendmentChange(publish, access.documentId);
  return { id: amendment.id, number: amendment.number, pollId };
}
