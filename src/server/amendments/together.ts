import { amendmentPath, escapeMarkdown, quoteBlock } from "@/server/amendments/create";
import { publishAmendmentChange } from "@/server/amendments/events";
import { KEEP_THE_TEXT, rankedOptionName } from "@/server/amendments/ranked";
import type { DecideTogetherInput } from "@/server/amendments/schemas";
import { recordAudit } from "@/server/audit/record";
import type { Db } from "@/server/db";
import { requireDocumentAccess, type DocumentAccess } from "@/server/documents/access";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { requireInGroup } from "@/server/groups/standing";
import { pollUrl } from "@/server/notifications/triggers";
import { isClosed } from "@/server/polls/access";
import { createPoll } from "@/server/polls/create";
import { publishPollChange } from "@/server/polls/events";

/** Marks amendments claimed for a ranked vote while it is being made; an open amendment's result is otherwise empty. */
const BEING_PUT_TOGETHER = "Being put to one ranked vote with its alternatives.";
const NOT_VISIBLE = "Some of those amendments do not exist, or you cannot see them.";
const RACED = "Someone has just decided these amendments or put them to a ranked vote: reload the page to see how.";

type Row = { id: string; number: number; passage: string; replacement: string };

const clip = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);
const numbered = (rows: Row[]) => {
  const numbers = rows.map(({ number }) => String(number));
  return `${numbers.slice(0, -1).join(", ")} and ${numbers.at(-1)}`;
};

function rankedDetails(access: DocumentAccess, original: Row, rows: Row[]): string {
  return [
    `These amendments rewrite the same passage of **${escapeMarkdown(access.title)}** ([see the passage](${amendmentPath(access.documentId, original.number)})). ` +
      `Rank them, and “${KEEP_THE_TEXT}”, from the one you prefer most. When the vote closes, the Schulze winner is made in the text ` +
      `and saved as the version “Amendment N adopted”; if “${KEEP_THE_TEXT}” wins or the vote ties, the passage stays as it reads.`,
    "**The passage now reads:**",
    original.passage ? quoteBlock(original.passage, 600) : "_(nothing: these amendments add text)_",
    ...rows.flatMap((row) => [`**Amendment ${row.number}:**`, row.replacement ? quoteBlock(row.replacement, 600) : "_(removes the passage)_"]),
  ].join("\n\n");
}

/**
 * Puts an open amendment and alternatives to it to one ranked vote (Schulze) in the document's
 * group, instead of the original's own proposal, which is closed without an outcome. Whoever may
 * edit the document and start polls does it. The amendments are claimed first (a conditional
 * update each, in one transaction), so of two requests at once one makes the vote and the other is
 * refused; resolve.ts applies the winner when the vote closes.
 */
export async function decideTogether(db: Db, publish: Publish, userId: string, input: DecideTogetherInput) {
  const ids = [...new Set(input.amendmentIds)];
  if (ids.length < 2) throw new AppError("BAD_REQUEST", "Choose an amendment and at least one alternative to it.");
  const rows = await db.amendment.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      number: true,
      documentId: true,
      status: true,
      pollId: true,
      passage: true,
      replacement: true,
      competesWithId: true,
      poll: { select: { id: true, kind: true, groupId: true, threadId: true, title: true, details: true, closingAt: true, closedAt: true } },
    },
    orderBy: { number: "asc" },
  });
  if (rows.length !== ids.length) throw new AppError("NOT_FOUND", NOT_VISIBLE);
  const access = await requireDocumentAccess(db, userId, rows[0]!.documentId, "edit");
  if (rows.some((row) => row.documentId !== access.documentId)) throw new AppError("NOT_FOUND", NOT_VISIBLE);
  await requireInGroup(db, userId, access.groupId, "poll.create");
  const originals = rows.filter((row) => !row.competesWithId);
  const original = originals[0];
  if (!original || originals.length > 1 || rows.some((row) => row.competesWithId && row.competesWithId !== original.id)) {
    throw new AppError("BAD_REQUEST", "Choose one amendment and alternatives proposed to it: only those can be decided together.");
  }
  const decided = rows.find((row) => row.status !== "open");
  if (decided) throw new AppError("CONFLICT", `Amendment ${decided.number} was already decided: only open amendments can be put to a vote.`);
  if (original.poll?.kind === "ranked_choice") {
    throw new AppError("CONFLICT", `Amendment ${original.number} is already being decided in one ranked vote with its alternatives.`);
  }
  if (original.poll && isClosed(original.poll)) {
    throw new AppError("CONFLICT", `The vote on Amendment ${original.number} has closed: it is being decided on its own.`);
  }
  if (input.closingAt.getTime() <= Date.now()) throw new AppError("BAD_REQUEST", "Choose a closing time in the future.");

  await db.$transaction(async (tx) => {
    for (const row of rows) {
      const { count } = await tx.amendment.updateMany({
        where: { id: row.id, status: "open", pollId: row.pollId, result: "" },
        data: { result: BEING_PUT_TOGETHER },
      });
      if (!count) throw new AppError("CONFLICT", RACED);
    }
  });
  const release = () => db.amendment.updateMany({ where: { id: { in: ids }, status: "open", result: BEING_PUT_TOGETHER }, data: { result: "" } });

  let poll: { id: string };
  try {
    poll = await createPoll(db, publish, userId, {
      groupId: access.groupId,
      kind: "ranked_choice",
      countingMethod: "schulze",
      title: clip(`Amendments ${numbered(rows)} to ${access.title}: one ranked vote`, 200),
      details: rankedDetails(access, original, rows),
      options: [...rows.map(rankedOptionName), KEEP_THE_TEXT],
      closingAt: input.closingAt,
    });
  } catch (error) {
    await release();
    throw error;
  }

  const separate = original.poll;
  const closedAt = new Date();
  try {
    await db.$transaction(async (tx) => {
      const { count } = await tx.amendment.updateMany({
        where: { id: { in: ids }, status: "open", result: BEING_PUT_TOGETHER },
        data: { pollId: poll.id, result: "" },
      });
      if (count !== ids.length) throw new AppError("CONFLICT", RACED);
      if (!separate) return;
      const note =
        `**Closed without an outcome:** Amendment ${original.number} is now decided together with its alternatives ` +
        `in [one ranked vote](${pollUrl({ id: poll.id, threadId: null })}).`;
      const closed = await tx.poll.updateMany({ where: { id: separate.id, closedAt: null }, data: { closedAt, details: `${note}\n\n${separate.details}` } });
      if (!closed.count) throw new AppError("CONFLICT", `The vote on Amendment ${original.number} has just closed: it is being decided on its own.`);
      await recordAudit(tx, { groupId: access.groupId, actorId: userId, action: "poll.closed", subject: { type: "poll", id: separate.id, label: separate.title } });
    });
  } catch (error) {
    await db.poll.delete({ where: { id: poll.id } });
    await release();
    throw error;
  }
  if (separate) publishPollChange(publish, separate);
  publishAmendmentChange(publish, access.documentId);
  return { pollId: poll.id, amendmentNumbers: rows.map(({ number }) => number) };
}
