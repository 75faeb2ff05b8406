import { mentionToken } from "@/lib/mentions";
import { extractTasks } from "@/lib/tasks/extract";
import type { Db } from "@/server/db";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
type Person = { id: string; name: string };
type People = { alex: Person; priya: Person; tom: Person };

const DAY = 24 * 60 * 60 * 1000;
const dayFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

/**
 * What the demo group agreed and who is doing it: the November meeting's outcome as a decision in
 * progress with a note, and the charter thread's next steps as tasks written in a comment, so the
 * Decisions tab and My tasks show a group at work.
 */
export async function seedDemoFollowUps(tx: Tx, groupId: string, people: People): Promise<void> {
  const charter = await tx.thread.findFirstOrThrow({ where: { groupId, title: { startsWith: "Adopting the" } }, select: { id: true, lastCommentSeq: true } });
  const body = [
    "Next steps while the vote is open:",
    "",
    `- [ ] ${mentionToken(people.tom)} take the charter to Curo's board due ${dayFromNow(5)}`,
    `- [ ] ${mentionToken(people.priya)} ask the council's comms team about a launch date due ${dayFromNow(12)}`,
    `- [x] ${mentionToken(people.alex)} circulate the draft charter`,
  ].join("\n");
  const seq = charter.lastCommentSeq + 1;
  const comment = await tx.comment.create({ data: { threadId: charter.id, authorId: people.alex.id, seq, body }, select: { id: true, createdAt: true } });
  await tx.thread.update({ where: { id: charter.id }, data: { lastCommentSeq: seq, commentCount: { increment: 1 }, lastActivityAt: comment.createdAt } });
  for (const task of extractTasks(body)) {
    await tx.task.create({
      data: {
        groupId,
        title: task.title,
        dueOn: task.dueOn ? new Date(`${task.dueOn}T00:00:00Z`) : null,
        doneAt: task.done ? comment.createdAt : null,
        doneById: task.done ? people.alex.id : null,
        createdById: people.alex.id,
        threadId: charter.id,
        commentId: comment.id,
        sourceKey: `comment:${comment.id}:${task.index}`,
        assignees: { create: task.assigneeIds.map((userId) => ({ userId })) },
      },
    });
  }

  const meeting = await tx.poll.findFirstOrThrow({ where: { groupId, kind: "meeting", outcomeAt: { not: null } }, select: { id: true, title: true, outcomeStatement: true, outcomeAt: true } });
  const decision = await tx.decision.create({
    data: {
      groupId,
      pollId: meeting.id,
      title: meeting.title,
      result: meeting.outcomeStatement!,
      decidedAt: meeting.outcomeAt!,
      ownerId: people.alex.id,
      status: "in_progress",
      reviewOn: new Date(`${dayFromNow(14)}T00:00:00Z`),
    },
    select: { id: true },
  });
  await tx.decisionNote.create({
    data: { decisionId: decision.id, authorId: people.alex.id, status: "in_progress", body: "Room booked at the Guildhall; agenda goes out on Friday." },
  });
  await tx.task.create({
    data: {
      groupId,
      title: "Send the agenda and the stakeholder map",
      dueOn: new Date(`${dayFromNow(3)}T00:00:00Z`),
      createdById: people.alex.id,
      decisionId: decision.id,
      assignees: { create: [{ userId: people.alex.id }] },
    },
  });
}
