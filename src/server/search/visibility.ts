import { Prisma } from "@/generated/prisma/client.ts";
import { GROUP_PERMISSIONS, rolesAlwaysAllowed, visibleMemberRoles, NO_GROUP_SETTINGS, type GroupAction } from "@/server/policy";

/**
 * The roles that may take an action, as an SQL list of literals (PostgreSQL compares its Role
 * enum with literals, not with text parameters). Only rules without a group setting can be
 * written this way; search uses no other, and a setting added to one fails here at once.
 */
function rolesOf(action: GroupAction): Prisma.Sql {
  if ("membersWhen" in GROUP_PERMISSIONS[action]) throw new Error(`Search cannot yet apply the group setting of ${action}.`);
  return rolesSql(rolesAlwaysAllowed(action));
}

const rolesSql = (roles: readonly string[]) => Prisma.raw(roles.map((role) => `'${role.replace(/[^a-z_]/g, "")}'`).join(", "));

/** The roles every member who sees the directory sees listed (guests only for those with member.viewGuests). */
const ROLES_LISTED_TO_ALL = visibleMemberRoles({ role: null, settings: NO_GROUP_SETTINGS });

/**
 * For a member entry `e`: a group the caller shares with that person where the caller may see
 * the directory and it lists them (the first such group by id, within `groupIds` when given).
 * Null when there is none: the caller may not find that person.
 */
export function sharedGroupSql(userId: string, groupIds: string[] | null): Prisma.Sql {
  return Prisma.sql`(SELECT min(them."groupId") FROM "Membership" them
    JOIN "Membership" mine ON mine."groupId" = them."groupId" AND mine."userId" = ${userId}
    WHERE them."userId" = e."subjectId" AND mine."role" IN (${rolesOf("group.viewMembers")})
      AND (them."role" IN (${rolesSql(ROLES_LISTED_TO_ALL)}) OR mine."role" IN (${rolesOf("member.viewGuests")}))
      ${groupIds ? Prisma.sql`AND them."groupId" IN (${Prisma.join(groupIds)})` : Prisma.empty})`;
}

/**
 * What the caller may see among entries `e`, checked against the rows they came from, as the
 * rest of Hearth checks them (policy.ts): `m` is the caller's membership of the entry's group
 * (none once they have left it), `p` the entry's poll and `r` its resource. Threads and their
 * comments: members and admins, or someone of the group invited to the thread (a guest); polls
 * and outcomes: the same, or a guest chosen to vote; vote reasons: those who see the poll, never
 * in anonymous polls, only where the poll shows reasons and its results are visible to the caller;
 * meetings and published resources: those who see them, drafts only their author and those who
 * manage the library; documents and their named versions: members and admins, or a guest invited
 * to read the document; people: through a group the caller shares with them (sharedGroupSql).
 */
export function visibleSql(userId: string, now: Date, sharedGroup: Prisma.Sql): Prisma.Sql {
  const threadGuest = Prisma.sql`EXISTS (SELECT 1 FROM "ThreadGuest" tg WHERE tg."threadId" = e."threadId" AND tg."userId" = ${userId})`;
  const chosenVoter = Prisma.sql`EXISTS (SELECT 1 FROM "PollVoter" pv WHERE pv."pollId" = e."pollId" AND pv."userId" = ${userId})`;
  const documentGuest = Prisma.sql`EXISTS (SELECT 1 FROM "DocumentGuest" dg WHERE dg."documentId" = e."documentId" AND dg."userId" = ${userId})`;
  const seesEveryThread = Prisma.sql`m."role" IN (${rolesOf("thread.viewAll")})`;
  const resultsVisible = Prisma.sql`(p."closedAt" IS NOT NULL OR p."closingAt" <= ${now} OR p."hideResults" = 'off'
    OR (p."hideResults" = 'until_vote' AND EXISTS (SELECT 1 FROM "PollParticipation" pp WHERE pp."pollId" = e."pollId" AND pp."userId" = ${userId})))`;
  return Prisma.sql`(
    (e."type" IN ('thread', 'comment') AND (${seesEveryThread} OR (m."role" IS NOT NULL AND ${threadGuest})))
    OR (e."type" IN ('poll', 'outcome', 'vote')
      AND (${seesEveryThread} OR (m."role" IS NOT NULL AND (${threadGuest} OR ${chosenVoter})))
      AND (e."type" <> 'vote' OR (NOT p."anonymous" AND p."showReasons" AND ${resultsVisible})))
    OR (e."type" = 'meeting' AND m."role" IN (${rolesOf("meeting.view")}))
    OR (e."type" = 'resource' AND m."role" IN (${rolesOf("resource.view")})
      AND (r."publishedAt" IS NOT NULL OR r."authorId" = ${userId} OR m."role" IN (${rolesOf("resource.manage")})))
    OR (e."type" IN ('document', 'version') AND (m."role" IN (${rolesOf("document.viewAll")}) OR (m."role" = 'guest' AND ${documentGuest})))
    OR (e."type" = 'member' AND ${sharedGroup} IS NOT NULL)
  )`;
}
