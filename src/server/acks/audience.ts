import type { Prisma } from "@/generated/prisma/client.ts";
import type { AckKind } from "@/server/acks/schemas";
import type { Db } from "@/server/db";
import type { Publish } from "@/server/events";
import { membershipsAllowedWhere } from "@/server/policy";

/** Those asked to acknowledge: the group's members and admins now (never guests, nor people who left). */
export function ackAudienceWhere(groupId: string): Prisma.UserWhereInput {
  return { memberships: { some: { groupId, ...membershipsAllowedWhere("ack.confirm") } } };
}

/** Of the audience, those who have (or have not) acknowledged the text whose hash is `contentHash`. */
export function acknowledgedWhere(groupId: string, requestId: string, contentHash: string, has: boolean): Prisma.UserWhereInput {
  const acked: Prisma.UserWhereInput = { acknowledgements: { some: { requestId, contentHash } } };
  return { AND: [ackAudienceWhere(groupId), has ? acked : { NOT: acked }] };
}

export async function idsOf(db: Db, where: Prisma.UserWhereInput): Promise<string[]> {
  return (await db.user.findMany({ where, select: { id: true } })).map(({ id }) => id);
}

/** Open acknowledgement blocks refetch; ids only, to the group's room (guests are not in it). */
export function publishAckChange(publish: Publish, subject: { groupId: string; kind: AckKind; id: string }): void {
  publish({ name: "ack.changed", room: `group:${subject.groupId}`, payload: { groupId: subject.groupId, kind: subject.kind, id: subject.id } });
}
