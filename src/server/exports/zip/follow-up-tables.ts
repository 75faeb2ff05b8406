import { pagedById } from "@/server/exports/streams";
import { csvFile } from "@/server/exports/zip/csv";
import { groupHandle, person } from "@/server/exports/zip/selects";

const titled = { select: { id: true, title: true } } as const;

/** What a decision came from, for people: its poll and thread, or its document and version. */
function decisionLinks(d: {
  poll: { title: string; thread: { title: string } | null } | null;
  documentVersion: { name: string | null; createdAt: Date; document: { title: string } } | null;
}): string {
  const links: string[] = [];
  if (d.poll) links.push(`Poll: ${d.poll.title}`);
  if (d.poll?.thread) links.push(`Thread: ${d.poll.thread.title}`);
  if (d.documentVersion) links.push(`Document: ${d.documentVersion.document.title}, ${d.documentVersion.name ?? `version of ${d.documentVersion.createdAt.toISOString()}`}`);
  return links.join("; ");
}

export const decisionsCsv = csvFile(
  "decisions.csv",
  (db, { groupIds }) =>
    pagedById({ groupId: { in: groupIds } }, (page) =>
      db.decision.findMany({
        ...page,
        select: {
          id: true,
          group: groupHandle,
          title: true,
          result: true,
          verdict: true,
          decidedAt: true,
          owner: person,
          status: true,
          reviewOn: true,
          pollId: true,
          poll: { select: { title: true, thread: { select: { title: true } } } },
          documentVersion: { select: { name: true, createdAt: true, document: { select: { title: true } } } },
          supersededBy: titled,
        },
      }),
    ),
  [
    ["group", (d) => d.group.handle],
    ["decision_id", (d) => d.id],
    ["question", (d) => d.title],
    ["result", (d) => d.result],
    ["verdict", (d) => d.verdict],
    ["decided_at", (d) => d.decidedAt],
    ["owner_id", (d) => d.owner?.id],
    ["owner", (d) => d.owner?.name],
    ["status", (d) => d.status],
    ["review_on", (d) => d.reviewOn],
    ["poll_id", (d) => d.pollId],
    ["links", (d) => decisionLinks(d)],
    ["superseded_by_id", (d) => d.supersededBy?.id],
    ["superseded_by", (d) => d.supersededBy?.title],
  ],
);

/** Where a task lives, for people: the comment, thread, meeting or document comment it was written in, or its decision. */
function taskPlace(t: {
  comment: { seq: number } | null;
  thread: { title: string } | null;
  meeting: { title: string } | null;
  docComment: { document: { title: string } } | null;
  decision: { title: string } | null;
}): string {
  if (t.comment && t.thread) return `Comment ${t.comment.seq} in thread: ${t.thread.title}`;
  if (t.thread) return `Thread: ${t.thread.title}`;
  if (t.meeting) return `Meeting: ${t.meeting.title}`;
  if (t.docComment) return `Comment on document: ${t.docComment.document.title}`;
  if (t.decision) return `Decision: ${t.decision.title}`;
  return "";
}

export const tasksCsv = csvFile(
  "tasks.csv",
  (db, { groupIds }) =>
    pagedById({ groupId: { in: groupIds } }, (page) =>
      db.task.findMany({
        ...page,
        select: {
          id: true,
          group: groupHandle,
          title: true,
          dueOn: true,
          doneAt: true,
          doneBy: person,
          createdBy: person,
          assignees: { select: { user: person }, orderBy: { user: { name: "asc" } } },
          threadId: true,
          meetingId: true,
          decisionId: true,
          comment: { select: { seq: true } },
          thread: { select: { title: true } },
          meeting: { select: { title: true } },
          docComment: { select: { document: { select: { title: true } } } },
          decision: { select: { title: true } },
        },
      }),
    ),
  [
    ["group", (t) => t.group.handle],
    ["task_id", (t) => t.id],
    ["title", (t) => t.title],
    ["assignee_ids", (t) => t.assignees.map(({ user }) => user.id).join("; ")],
    ["assignees", (t) => t.assignees.map(({ user }) => user.name).join("; ")],
    ["due_on", (t) => t.dueOn],
    ["done_at", (t) => t.doneAt],
    ["done_by", (t) => t.doneBy?.name],
    ["created_by", (t) => t.createdBy.name],
    ["where", (t) => taskPlace(t)],
    ["thread_id", (t) => t.threadId],
    ["meeting_id", (t) => t.meetingId],
    ["decision_id", (t) => t.decisionId],
  ],
);
