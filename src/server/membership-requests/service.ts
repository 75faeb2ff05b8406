import { recordAudit } from "@/server/audit/record";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import type { GroupSummary } from "@/server/groups/schemas";
import { myRolesInAncestors } from "@/server/groups/ancestry";
import { getSiteActor } from "@/server/groups/site-actor";
import { getStanding, requireInGroup } from "@/server/groups/standing";
import { absoluteUrl, sendMail } from "@/server/mail/service";
import type {
  CreateRequestInput,
  DecideRequestInput,
  ListRequestsInput,
  MembershipRequestItem,
  MyRequest,
} from "@/server/membership-requests/schemas";
import { addMembership } from "@/server/members/add-membership";
import { notify } from "@/server/notifications/notify";
import { canViewGroupOutline, rolesAlwaysAllowed } from "@/server/policy";

const PAGE_SIZE = 50;

const myRequestSelect = {
  id: true,
  status: true,
  introduction: true,
  response: true,
  createdAt: true,
  decidedAt: true,
} as const;

/** Someone who knows the group but does not belong to it asks to join; the group's admins are told in Hearth and by email. */
export async function createRequest(db: Db, publish: Publish, userId: string, input: CreateRequestInput): Promise<MyRequest> {
  const standing = await getStanding(db, userId, input.groupId);
  if (standing.role) throw new AppError("CONFLICT", "You are already a member of this group.");
  await requireOutlineVisible(db, userId, input.groupId);
  const request = await db.$transaction(async (tx) => {
    const pending = await tx.membershipRequest.findFirst({
      where: { groupId: input.groupId, userId, status: "pending" },
      select: { id: true },
    });
    if (pending) throw new AppError("CONFLICT", "You have already asked to join this group. An admin will answer soon.");
    return tx.membershipRequest.create({
      data: { groupId: input.groupId, userId, introduction: input.introduction ?? "" },
      select: myRequestSelect,
    });
  });
  await notifyDeciders(db, publish, userId, input.groupId, request.introduction);
  return request;
}

/**
 * Guests see only what they were invited to: a guest of a group above this one is told why they
 * cannot ask (approval would make them a member of the groups above too); someone who is a guest
 * everywhere is answered as if the group were not there, as its page answers them.
 */
async function requireOutlineVisible(db: Db, userId: string, groupId: string): Promise<void> {
  const [actor, rolesInAncestors] = await Promise.all([getSiteActor(db, userId), myRolesInAncestors(db, userId, groupId)]);
  if (canViewGroupOutline(actor, { rolesInAncestors })) return;
  // Refused even if they were a member somewhere: then being a guest of a group above is the reason.
  if (!canViewGroupOutline({ ...actor, guestEverywhere: false }, { rolesInAncestors })) {
    throw new AppError(
      "FORBIDDEN",
      "You were invited to the group above this one as a guest, so you cannot ask to join its subgroups. Ask one of its admins to invite you.",
    );
  }
  throw new AppError("NOT_FOUND", "That group does not exist, or you are not a member of it.");
}

async function notifyDeciders(db: Db, publish: Publish, requesterId: string, groupId: string, introduction: string): Promise<void> {
  const [group, requester] = await Promise.all([
    db.group.findUniqueOrThrow({
      where: { id: groupId },
      select: {
        name: true,
        handle: true,
        memberships: {
          where: { role: { in: [...rolesAlwaysAllowed("membershipRequest.decide")] } },
          select: { userId: true },
        },
      },
    }),
    db.user.findUniqueOrThrow({ where: { id: requesterId }, select: { name: true, email: true } }),
  ]);
  await notify(db, publish, {
    recipients: group.memberships.map(({ userId }) => userId),
    kind: "membership_request",
    actorId: requesterId,
    groupId,
    title: group.name,
    url: `/groups/${group.handle}/requests`,
    details: [
      `${requester.name} (${requester.email}) would like to join ${group.name}.`,
      ...(introduction ? [`They wrote:`, introduction] : []),
    ],
  });
}

export async function listRequests(
  db: Db,
  userId: string,
  input: ListRequestsInput,
): Promise<{ items: MembershipRequestItem[]; nextCursor: string | null }> {
  await requireInGroup(db, userId, input.groupId, "membershipRequest.decide");
  const status =
    input.status === "pending" ? "pending" : input.status === "decided" ? { in: ["approved" as const, "declined" as const] } : undefined;
  const rows = await db.membershipRequest.findMany({
    where: { groupId: input.groupId, ...(status ? { status } : {}) },
    select: {
      id: true,
      user: { select: { id: true, name: true, email: true } },
      introduction: true,
      status: true,
      createdAt: true,
      response: true,
      decidedBy: { select: { id: true, name: true } },
      decidedAt: true,
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE_SIZE + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const items = rows.slice(0, PAGE_SIZE).map(({ user, ...request }) => ({ ...request, person: user }));
  return { items, nextCursor: rows.length > PAGE_SIZE ? items[items.length - 1]!.id : null };
}

export async function myLatestRequest(db: Db, userId: string, groupId: string): Promise<MyRequest | null> {
  await getStanding(db, userId, groupId);
  return db.membershipRequest.findFirst({
    where: { groupId, userId },
    select: myRequestSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
}

type Decision = "approved" | "declined";

/**
 * Approves (adding the person as a member) or declines a pending request, recording who decided
 * and why, then tells the person by email. A request already decided stays as it was.
 */
export async function decideRequest(
  db: Db,
  publish: Publish,
  deciderId: string,
  input: DecideRequestInput,
  decision: Decision,
): Promise<{ id: string; status: Decision }> {
  const request = await db.membershipRequest.findUnique({
    where: { id: input.id },
    select: {
      groupId: true,
      userId: true,
      status: true,
      group: { select: { name: true, handle: true } },
      user: { select: { email: true, name: true } },
    },
  });
  if (!request) throw new AppError("NOT_FOUND", "That request was not found.");
  await requireInGroup(db, deciderId, request.groupId, "membershipRequest.decide");
  if (request.status !== "pending") throw new AppError("CONFLICT", `This request was already ${request.status}.`);

  const response = input.message ?? "";
  const joined = await db.$transaction(async (tx): Promise<GroupSummary[]> => {
    const { count } = await tx.membershipRequest.updateMany({
      where: { id: input.id, status: "pending" },
      data: { status: decision, response, decidedById: deciderId, decidedAt: new Date() },
    });
    if (count === 0) throw new AppError("CONFLICT", "Someone else has just answered this request.");
    await recordAudit(tx, {
      groupId: request.groupId,
      actorId: deciderId,
      action: decision === "approved" ? "membership_request.approved" : "membership_request.declined",
      subject: { type: "person", id: request.userId, label: request.user.name },
    });
    if (decision === "declined") return [];
    const membership = await tx.membership.findUnique({
      where: { userId_groupId: { userId: request.userId, groupId: request.groupId } },
      select: { id: true },
    });
    if (membership) return [];
    return addMembership(tx, { userId: request.userId, groupId: request.groupId, role: "member", invitedById: deciderId });
  });
  for (const group of joined) {
    publish({ name: "membership.added", room: `user:${request.userId}`, payload: { userId: request.userId, group } });
  }
  await tellRequester(db, request.user.email, request.group, decision, response);
  return { id: input.id, status: decision };
}

async function tellRequester(
  db: Db,
  email: string,
  group: { name: string; handle: string },
  decision: Decision,
  response: string,
): Promise<void> {
  const note = response ? ["The admin wrote:", response] : [];
  if (decision === "approved") {
    await sendMail(db, email, `You have joined ${group.name}`, {
      heading: `Welcome to ${group.name}`,
      paragraphs: [`Your request to join ${group.name} was approved.`, ...note],
      action: { label: "Open the group", url: absoluteUrl(`/groups/${group.handle}`) },
    });
    return;
  }
  await sendMail(db, email, `Your request to join ${group.name}`, {
    heading: `Your request to join ${group.name}`,
    paragraphs: [`Your request to join ${group.name} was not accepted.`, ...note],
  });
}
