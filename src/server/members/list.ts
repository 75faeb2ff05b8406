import type { Prisma } from "@/generated/prisma/client.ts";
import { truncate } from "@/lib/text";
import type { Db } from "@/server/db";
import { requireInGroup } from "@/server/groups/standing";
import { imageUrl } from "@/server/images/service";
import type { Member, MemberListInput, MemberPage } from "@/server/members/schemas";
import { canInGroup, visibleMemberRoles } from "@/server/policy";
import { containsIgnoringCase } from "@/server/db/text-match";

export const MEMBER_PAGE_SIZE = 50;
const BIO_LENGTH = 280;

const memberSelect = {
  id: true,
  role: true,
  createdAt: true,
  user: {
    select: {
      id: true,
      name: true,
      email: true,
      bio: true,
      avatarId: true,
      organisation: { select: { id: true, name: true } },
      // Only to tell whether it is empty (see toMember); the hash itself never leaves this file.
      passwordHash: true,
    },
  },
} as const;

type MemberRow = Prisma.MembershipGetPayload<{ select: typeof memberSelect }>;

/**
 * The member directory of a group, for its members and admins: people with an organisation
 * first, by organisation then name, then people without one by name, so the page can head each
 * organisation once. Guests and emails are shown to admins only. The cursor is a membership id.
 */
export async function listMembers(db: Db, userId: string, input: MemberListInput): Promise<MemberPage> {
  const standing = await requireInGroup(db, userId, input.groupId, "group.viewMembers");
  const visible = visibleMemberRoles(standing);
  if (input.role && !visible.includes(input.role)) return { items: [], nextCursor: null };

  const where: Prisma.MembershipWhereInput = {
    groupId: input.groupId,
    role: input.role ?? { in: [...visible] },
    user: {
      ...(input.search ? { name: containsIgnoringCase(input.search) } : {}),
      ...(input.organisationId ? { organisationId: input.organisationId } : {}),
    },
  };
  const cursorRow = input.cursor
    ? await db.membership.findFirst({ where: { id: input.cursor, groupId: input.groupId }, select: { user: { select: { organisationId: true } } } })
    : null;
  const cursorInSecondPart = cursorRow !== null && cursorRow.user.organisationId === null;
  const page = (cursor: string | null | undefined) => ({ cursor: cursor ? { id: cursor } : undefined, skip: cursor ? 1 : 0 });
  const want = MEMBER_PAGE_SIZE + 1;

  // Two ordered parts rather than one: databases disagree about where a missing organisation sorts.
  const withOrganisation: MemberRow[] = cursorInSecondPart
    ? []
    : await db.membership.findMany({
        where: { AND: [where, { user: { organisationId: { not: null } } }] },
        select: memberSelect,
        orderBy: [{ user: { organisation: { name: "asc" } } }, { user: { name: "asc" } }, { id: "asc" }],
        take: want,
        ...page(cursorRow ? input.cursor : undefined),
      });
  const withoutOrganisation: MemberRow[] =
    withOrganisation.length >= want
      ? []
      : await db.membership.findMany({
          where: { AND: [where, { user: { organisationId: null } }] },
          select: memberSelect,
          orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
          take: want - withOrganisation.length,
          ...page(cursorInSecondPart ? input.cursor : undefined),
        });

  const rows = [...withOrganisation, ...withoutOrganisation];
  const items = rows.slice(0, MEMBER_PAGE_SIZE);
  const showEmails = canInGroup(standing, "member.viewEmails");
  const showUnclaimed = canInGroup(standing, "member.sendClaimLink");
  return {
    items: items.map((row) => toMember(row, showEmails, showUnclaimed)),
    nextCursor: rows.length > MEMBER_PAGE_SIZE ? items.at(-1)!.id : null,
  };
}

function toMember({ role, createdAt, user }: MemberRow, showEmail: boolean, showUnclaimed: boolean): Member {
  return {
    userId: user.id,
    name: user.name,
    email: showEmail ? user.email : null,
    organisation: user.organisation,
    role,
    bio: truncate(user.bio, BIO_LENGTH),
    avatarUrl: imageUrl(user.avatarId),
    joinedAt: createdAt,
    unclaimed: showUnclaimed && user.passwordHash === "",
  };
}
