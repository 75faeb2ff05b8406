import type { Db } from "@/server/db";
import { visibleTitles } from "@/server/exports/personal/context";
import { pages, pagesById } from "@/server/exports/streams";
import { tasksVisibleToWhere } from "@/server/policy";

const group = { select: { handle: true, name: true } } as const;

/** A reference to what a record is in: its title only while the person may still see it. */
const ref = (id: string | null, titles: Map<string, string>) => (id === null ? null : { id, title: titles.get(id) ?? null });

/**
 * Tasks assigned to the person or added by them. The title is theirs when they wrote the task;
 * one someone else wrote comes with its title only while they may still see the task.
 */
export async function* tasksOf(db: Db, userId: string) {
  const rows = pagesById({ OR: [{ createdById: userId }, { assignees: { some: { userId } } }] }, (page) =>
    db.task.findMany({
      ...page,
      select: {
        id: true,
        group,
        title: true,
        dueOn: true,
        doneAt: true,
        doneById: true,
        createdById: true,
        createdAt: true,
        threadId: true,
        meetingId: true,
        decisionId: true,
        assignees: { where: { userId }, select: { userId: true } },
      },
    }),
  );
  for await (const page of rows) {
    const [titles, visible] = await Promise.all([
      visibleTitles(db, userId, {
        threads: page.map(({ threadId }) => threadId),
        meetings: page.map(({ meetingId }) => meetingId),
        decisions: page.map(({ decisionId }) => decisionId),
      }),
      db.task.findMany({ where: { id: { in: page.map(({ id }) => id) }, ...tasksVisibleToWhere(userId) }, select: { id: true } }),
    ]);
    const seen = new Set(visible.map(({ id }) => id));
    for (const task of page) {
      const wroteIt = task.createdById === userId;
      yield {
        id: task.id,
        group: task.group,
        title: wroteIt || seen.has(task.id) ? task.title : null,
        addedByYou: wroteIt,
        assignedToYou: task.assignees.length > 0,
        dueOn: task.dueOn,
        doneAt: task.doneAt,
        doneByYou: task.doneById === userId,
        createdAt: task.createdAt,
        thread: ref(task.threadId, titles.thread),
        meeting: ref(task.meetingId, titles.meeting),
        decision: ref(task.decisionId, titles.decision),
      };
    }
  }
}

/** Notes the person wrote on decisions: the note is theirs, the decision's title only while they may see the register. */
export async function* decisionNotesWritten(db: Db, userId: string) {
  const rows = pagesById({ authorId: userId }, (page) =>
    db.decisionNote.findMany({ ...page, select: { id: true, decisionId: true, decision: { select: { group } }, body: true, status: true, createdAt: true } }),
  );
  for await (const page of rows) {
    const titles = await visibleTitles(db, userId, { decisions: page.map(({ decisionId }) => decisionId) });
    for (const { decisionId, decision, ...note } of page) yield { ...note, decision: ref(decisionId, titles.decision), group: decision.group };
  }
}

/**
 * What the person acknowledged, and when: an outcome (a poll), an adopted document version or a
 * meeting's minutes, titled while they may see it. `current` is false once the text has changed
 * since they acknowledged it.
 */
export async function* acknowledgementsGiven(db: Db, userId: string) {
  const rows = pages((last: { requestId: string } | undefined, take) =>
    db.acknowledgement.findMany({
      where: { userId, ...(last && { requestId: { gt: last.requestId } }) },
      orderBy: { requestId: "asc" },
      take,
      select: { requestId: true, contentHash: true, at: true, request: { select: { subjectType: true, subjectId: true, contentHash: true, group } } },
    }),
  );
  for await (const page of rows) {
    const of = (type: string) => page.filter(({ request }) => request.subjectType === type).map(({ request }) => request.subjectId);
    const versions = await db.documentVersion.findMany({ where: { id: { in: of("document_version") } }, select: { id: true, documentId: true } });
    const documentOf = new Map(versions.map(({ id, documentId }) => [id, documentId]));
    const titles = await visibleTitles(db, userId, { polls: of("outcome"), documents: versions.map(({ documentId }) => documentId), meetings: of("minutes") });
    for (const { request, contentHash, at } of page) {
      const { subjectType: type, subjectId: id } = request;
      const title =
        type === "outcome" ? titles.poll.get(id) : type === "minutes" ? titles.meeting.get(id) : titles.document.get(documentOf.get(id) ?? "");
      yield { subject: { type, id, title: title ?? null }, group: request.group, at, current: contentHash === request.contentHash };
    }
  }
}
