import { getDb } from "@/server/db";
import type { callerFor } from "@/server/test/factories";
import { inOneWeek } from "@/server/test/poll-fixtures";

type Caller = ReturnType<typeof callerFor>["caller"];

/** A proposal by `caller`, closed with an outcome: the real way a decision is born. Returns the poll and its decision. */
export async function decided(
  caller: Caller,
  input: { groupId: string; title: string; statement?: string; threadId?: string; reviewOn?: Date; meetingId?: string },
) {
  const { id: pollId } = await caller.poll.create({
    groupId: input.groupId,
    kind: "proposal",
    title: input.title,
    closingAt: inOneWeek(),
    ...(input.threadId && { threadId: input.threadId }),
    ...(input.meetingId && { meetingId: input.meetingId }),
  });
  await caller.poll.close({ id: pollId });
  await caller.poll.setOutcome({ id: pollId, statement: input.statement ?? `We agreed: ${input.title}`, reviewOn: input.reviewOn });
  const decision = await getDb().decision.findUniqueOrThrow({ where: { pollId }, select: { id: true } });
  return { pollId, decisionId: decision.id };
}

/** A decision written straight to the database, for lists and pages where how it was born does not matter. */
export function storedDecision(groupId: string, overrides: { title?: string; decidedAt?: Date; ownerId?: string; status?: "agreed" | "done" } = {}) {
  return getDb().decision.create({
    data: {
      groupId,
      title: overrides.title ?? "Stored decision",
      result: "Agreed.",
      decidedAt: overrides.decidedAt ?? new Date(),
      ownerId: overrides.ownerId,
      status: overrides.status,
    },
    select: { id: true },
  });
}
