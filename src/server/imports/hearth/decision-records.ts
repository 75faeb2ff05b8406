import { ACK_SUBJECT_RECORD, splitSourceKey, type RecordData } from "@/server/exports/hearth-json/format";
import { created, isPlanned, matched, matchOrMake, missing, type Handler, type ImportContext, type Outcome } from "@/server/imports/hearth/context";

/** The Hearth ids of the people the file names, leaving out anyone who was not imported. */
async function peopleOf(ctx: ImportContext, ids: readonly string[]): Promise<string[]> {
  const people = new Set<string>();
  for (const id of ids) {
    const userId = await ctx.ids.get("user", id);
    if (userId) people.add(userId);
  }
  return [...people];
}

/** A link to a person that may be empty: null when the person is not in the file or was not imported. */
const personOrNull = async (ctx: ImportContext, id: string | null) => (id ? ctx.ids.get("user", id) : null);

/**
 * A decision comes after its poll or adopted document version: without them it is skipped. A poll
 * or version has one decision; one Hearth made for it since an earlier import is this one.
 */
export const importDecision: Handler<"decision"> = async (ctx, d) => {
  if (await ctx.ids.get("decision", d.id)) return matched();
  const groupId = await ctx.ids.get("group", d.groupId);
  if (!groupId) return missing("group", d.groupId);
  const pollId = d.pollId ? await ctx.ids.get("poll", d.pollId) : null;
  if (d.pollId && !pollId) return missing("poll", d.pollId);
  const documentVersionId = d.documentVersionId ? await ctx.ids.get("document_version", d.documentVersionId) : null;
  if (d.documentVersionId && !documentVersionId) return missing("document version", d.documentVersionId);
  const links = [
    ...(pollId && !isPlanned(pollId) ? [{ pollId }] : []),
    ...(documentVersionId && !isPlanned(documentVersionId) ? [{ documentVersionId }] : []),
  ];
  const same = links.length > 0 ? await ctx.db.decision.findFirst({ where: { OR: links }, select: { id: true } }) : null;
  const supersededById = d.supersededById ? await ctx.ids.get("decision", d.supersededById) : null;
  if (d.supersededById && !supersededById) {
    ctx.later(() => ctx.warn("A decision was replaced by a decision that is not in the file or was not imported; it comes without that link."));
  }
  const ownerId = await personOrNull(ctx, d.ownerId);
  // An upsert on the poll's or version's one decision: the review job fills in decisions for
  // outcomes that lack one, and may do so between the lookup above and this write.
  const unique = pollId && !isPlanned(pollId) ? { pollId } : documentVersionId && !isPlanned(documentVersionId) ? { documentVersionId } : null;
  return matchOrMake(ctx, "decision", d.id, same, () => {
    const data = {
      groupId,
      pollId,
      documentVersionId,
      title: d.title,
      result: d.result,
      verdict: d.verdict,
      decidedAt: d.decidedAt,
      ownerId,
      status: d.status,
      reviewOn: d.reviewOn,
      reviewRemindedAt: d.reviewRemindedAt,
      supersededById,
      createdAt: d.createdAt,
      updatedAt: d.updatedAt,
    };
    const select = { id: true } as const;
    return unique ? ctx.db.decision.upsert({ where: unique, create: data, update: {}, select }) : ctx.db.decision.create({ data, select });
  });
};

export const importDecisionNote: Handler<"decision_note"> = async (ctx, d) => {
  if (await ctx.ids.get("decision_note", d.id)) return matched();
  const decisionId = await ctx.ids.get("decision", d.decisionId);
  if (!decisionId) return missing("decision", d.decisionId);
  const authorId = await ctx.ids.get("user", d.authorId);
  if (!authorId) return missing("author", d.authorId);
  await ctx.ids.make("decision_note", d.id, () =>
    ctx.db.decisionNote.create({ data: { decisionId, authorId, body: d.body, status: d.status, createdAt: d.createdAt }, select: { id: true } }),
  );
  return created();
};

/** The source key with the id of the text it names replaced by that text's Hearth id; null when it names none of the task's places. */
function remappedSourceKey(d: RecordData<"task">, places: { threadId: string | null; commentId: string | null; meetingId: string | null }): string | null {
  const parts = d.sourceKey === null ? null : splitSourceKey(d.sourceKey);
  if (!parts) return null;
  const place = (["commentId", "threadId", "meetingId"] as const).find((key) => d[key] === parts.id);
  const id = place ? places[place] : null;
  return id ? `${parts.kind}:${id}:${parts.index}` : null;
}

/**
 * A task comes after the thread, comment or meeting it was written in (skipped without them) and
 * its decision (kept without it). A task written in a text has the text's source key, remapped
 * to the text's new id, so editing the text in Hearth keeps finding it; a task Hearth already has
 * under that key is this one.
 */
export const importTask: Handler<"task"> = async (ctx, d) => {
  if (await ctx.ids.get("task", d.id)) return matched();
  const groupId = await ctx.ids.get("group", d.groupId);
  if (!groupId) return missing("group", d.groupId);
  const createdById = await ctx.ids.get("user", d.createdById);
  if (!createdById) return missing("creator", d.createdById);
  const places = { threadId: null as string | null, commentId: null as string | null, meetingId: null as string | null };
  for (const [key, table] of [
    ["threadId", "thread"],
    ["commentId", "comment"],
    ["meetingId", "meeting"],
  ] as const) {
    const sourceId = d[key];
    if (!sourceId) continue;
    places[key] = await ctx.ids.get(table, sourceId);
    if (!places[key]) return missing(table, sourceId);
  }
  const decisionId = d.decisionId ? await ctx.ids.get("decision", d.decisionId) : null;
  const sourceKey = remappedSourceKey(d, places);
  const plannedPlace = Object.values(places).some((id) => id !== null && isPlanned(id));
  const same = sourceKey && !plannedPlace ? await ctx.db.task.findUnique({ where: { sourceKey }, select: { id: true } }) : null;
  const doneById = await personOrNull(ctx, d.doneById);
  const assigneeIds = await peopleOf(ctx, d.assigneeIds);
  return matchOrMake(ctx, "task", d.id, same, () =>
    ctx.db.task.create({
      data: {
        groupId,
        title: d.title,
        dueOn: d.dueOn,
        doneAt: d.doneAt,
        doneById,
        createdById,
        ...places,
        decisionId,
        sourceKey,
        dueRemindedAt: d.dueRemindedAt,
        overdueRemindedAt: d.overdueRemindedAt,
        createdAt: d.createdAt,
        updatedAt: d.updatedAt,
        assignees: { create: assigneeIds.map((userId) => ({ userId })) },
      },
      select: { id: true },
    }),
  );
};

/**
 * A request to acknowledge comes after the poll, document version or meeting it is about
 * (skipped without it); one Hearth has for that item already is this one. Its acknowledgements
 * come with it, each kept with the text it acknowledged; on a later import, acknowledgements
 * given since are added.
 */
export const importAckRequest: Handler<"ack_request"> = async (ctx, d) => {
  const table = ACK_SUBJECT_RECORD[d.subjectType];
  let requestId = await ctx.ids.get("ack_request", d.id);
  let outcome: Outcome = matched();
  if (!requestId) {
    const groupId = await ctx.ids.get("group", d.groupId);
    if (!groupId) return missing("group", d.groupId);
    const subjectId = await ctx.ids.get(table, d.subjectId);
    if (!subjectId) return missing(table.replace("_", " "), d.subjectId);
    const same = isPlanned(subjectId)
      ? null
      : await ctx.db.ackRequest.findUnique({ where: { subjectType_subjectId: { subjectType: d.subjectType, subjectId } }, select: { id: true } });
    const requestedById = await personOrNull(ctx, d.requestedById);
    outcome = await matchOrMake(ctx, "ack_request", d.id, same, () =>
      ctx.db.ackRequest.create({
        data: { groupId, subjectType: d.subjectType, subjectId, contentHash: d.contentHash, requestedById, lastRemindedAt: d.lastRemindedAt, createdAt: d.createdAt },
        select: { id: true },
      }),
    );
    requestId = (await ctx.ids.get("ack_request", d.id))!;
  }
  if (!ctx.dryRun && !isPlanned(requestId)) {
    const given = await ctx.db.acknowledgement.findMany({ where: { requestId }, select: { userId: true } });
    const already = new Set(given.map(({ userId }) => userId));
    const acks: { requestId: string; userId: string; contentHash: string; at: Date }[] = [];
    for (const ack of d.acks) {
      const userId = await ctx.ids.get("user", ack.userId);
      if (!userId || already.has(userId)) continue;
      already.add(userId);
      acks.push({ requestId, userId, contentHash: ack.contentHash, at: ack.at });
    }
    if (acks.length > 0) await ctx.db.acknowledgement.createMany({ data: acks });
  }
  return outcome;
};
