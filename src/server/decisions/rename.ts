import type { Prisma } from "@/generated/prisma/client.ts";

/**
 * Renames a poll's decision with the poll: the register entry is the poll's question, copied when
 * its outcome was written. Call inside the transaction that renames the poll, before the poll's
 * update. Only a decision still titled as the poll was is renamed: one that reads otherwise (an
 * adopted amendment's, named after the document) keeps its title; decision.update offers none to
 * change. The poll's row lock is taken first, so two renames at once run one after the other and
 * the second sees the title the first left. Answers the decision renamed, to publish after commit.
 */
export async function renameDecisionWithPoll(
  tx: Prisma.TransactionClient,
  pollId: string,
  title: string,
): Promise<{ id: string; groupId: string } | null> {
  await tx.$executeRaw`UPDATE "Poll" SET "id" = "id" WHERE "id" = ${pollId}`;
  const poll = await tx.poll.findUnique({ where: { id: pollId }, select: { title: true, decision: { select: { id: true, groupId: true, title: true } } } });
  const decision = poll?.decision;
  if (!decision || decision.title !== poll.title || decision.title === title) return null;
  await tx.decision.update({ where: { id: decision.id }, data: { title }, select: { id: true } });
  return { id: decision.id, groupId: decision.groupId };
}
