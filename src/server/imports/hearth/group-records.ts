import { firstFreeHandle, HANDLE_MAX, HANDLE_MIN, HANDLE_PATTERN, slugify } from "@/lib/slug";
import {
  created,
  importLink,
  isPlanned,
  matched,
  matchOrMake,
  missing,
  skipped,
  type Handler,
  type ImportContext,
} from "@/server/imports/hearth/context";
import { GROUP_KEEPER_ROLE } from "@/server/policy";
import { zVotingRuleDefaults } from "@/server/polls/voting-rules";
import { zEmail } from "@/server/users/schemas";

/** The person importing becomes an admin of every group the file brings, so they can see what arrived. */
async function makeAdminOf(ctx: ImportContext, groupId: string): Promise<void> {
  if (ctx.dryRun) return;
  await ctx.db.membership.upsert({
    where: { userId_groupId: { userId: ctx.adminUserId, groupId } },
    create: { userId: ctx.adminUserId, groupId, role: GROUP_KEEPER_ROLE },
    update: { role: GROUP_KEEPER_ROLE },
    select: { id: true },
  });
}

/** The exported handle when it is free, else the first free variant of it (`steering-2`, …). */
async function freeHandle(ctx: ImportContext, wanted: string, name: string): Promise<string> {
  const slug = slugify(name);
  const base = HANDLE_PATTERN.test(wanted) && wanted.length <= HANDLE_MAX ? wanted : slug.length >= HANDLE_MIN ? slug : "group";
  const similar = await ctx.db.group.findMany({ where: { handle: { startsWith: base } }, select: { handle: true } });
  const taken = new Set([...similar.map(({ handle }) => handle), ...ctx.plannedHandles]);
  return firstFreeHandle(base, taken);
}

export const importGroup: Handler<"group"> = async (ctx, d) => {
  const existing = await ctx.ids.get("group", d.id);
  if (existing) {
    await makeAdminOf(ctx, existing);
    const group = isPlanned(existing) ? null : await ctx.db.group.findUnique({ where: { id: existing }, select: { handle: true, name: true } });
    if (group) ctx.later(() => ctx.addGroup(group));
    return matched();
  }
  const parentId = d.parentId ? await ctx.ids.get("group", d.parentId) : null;
  if (d.parentId && !parentId) return missing("parent group", d.parentId);
  const handle = await freeHandle(ctx, d.handle, d.name);
  if (handle !== d.handle) ctx.later(() => ctx.warn(`The handle “${d.handle}” was taken, so the group “${d.name}” has the handle “${handle}”.`));
  if (ctx.dryRun) ctx.plannedHandles.add(handle);
  const ruleDefaults = zVotingRuleDefaults.safeParse(d.votingRuleDefaults);
  if (!ruleDefaults.success) {
    ctx.later(() => ctx.warn(`The group “${d.name}” came with default voting rules this Hearth cannot read: it has none, and its admins can set them again.`));
  }
  const groupId = await ctx.ids.make("group", d.id, () =>
    ctx.db.group.create({
      data: {
        name: d.name,
        handle,
        description: d.description,
        parentId,
        membersCanInvite: d.membersCanInvite,
        membersCanPropose: d.membersCanPropose,
        membersCanAddResources: d.membersCanAddResources,
        votingRuleDefaults: JSON.stringify(ruleDefaults.success ? ruleDefaults.data : {}),
        createdAt: d.createdAt,
        updatedAt: d.updatedAt,
      },
      select: { id: true },
    }),
  );
  await makeAdminOf(ctx, groupId);
  ctx.later(() => ctx.addGroup({ handle, name: d.name }));
  return created();
};

/**
 * People are matched to accounts by email. Anyone else gets an account without a password: they
 * cannot sign in until an admin sends them a link to claim it.
 */
export const importUser: Handler<"user"> = async (ctx, d) => {
  if (await ctx.ids.get("user", d.id)) return matched();
  const email = zEmail.safeParse(d.email);
  if (!email.success) return skipped(`“${d.email}” is not a valid email address.`);
  const account = await ctx.db.user.findUnique({ where: { email: email.data }, select: { id: true } });
  return matchOrMake(ctx, "user", d.id, account, () =>
    ctx.db.user.create({
      data: { name: d.name.trim() || email.data, email: email.data, bio: d.bio, passwordHash: "", createdAt: d.createdAt },
      select: { id: true },
    }),
  );
};

export const importMembership: Handler<"membership"> = async (ctx, d) => {
  if (await ctx.ids.get("membership", d.id)) return matched();
  const groupId = await ctx.ids.get("group", d.groupId);
  if (!groupId) return missing("group", d.groupId);
  const userId = await ctx.ids.get("user", d.userId);
  if (!userId) return missing("member", d.userId);
  // The importer's own membership was made with the group; theirs stays admin.
  const existing = isPlanned(groupId)
    ? userId === ctx.adminUserId
      ? { id: "admin" }
      : null
    : await ctx.db.membership.findUnique({ where: { userId_groupId: { userId, groupId } }, select: { id: true } });
  const invitedById = !existing && d.invitedById ? await ctx.ids.get("user", d.invitedById) : null;
  return matchOrMake(ctx, "membership", d.id, existing, () =>
    ctx.db.membership.create({ data: { groupId, userId, role: d.role, invitedById, createdAt: d.createdAt }, select: { id: true } }),
  );
};

export const importPollTemplate: Handler<"poll_template"> = async (ctx, d) => {
  if (await ctx.ids.get("poll_template", d.id)) return matched();
  const groupId = await ctx.ids.get("group", d.groupId);
  if (!groupId) return missing("group", d.groupId);
  const sameName = isPlanned(groupId)
    ? null
    : await ctx.db.pollTemplate.findUnique({ where: { groupId_name: { groupId, name: d.name } }, select: { id: true } });
  const settings = typeof d.settings === "string" ? d.settings : JSON.stringify(d.settings ?? {});
  return matchOrMake(ctx, "poll_template", d.id, sameName, () =>
    ctx.db.pollTemplate.create({ data: { groupId, name: d.name, kind: d.kind, settings, createdAt: d.createdAt }, select: { id: true } }),
  );
};

export const importFolder: Handler<"folder"> = async (ctx, d) => {
  if (await ctx.ids.get("folder", d.id)) return matched();
  const groupId = await ctx.ids.get("group", d.groupId);
  if (!groupId) return missing("group", d.groupId);
  const parentId = d.parentId ? await ctx.ids.get("folder", d.parentId) : null;
  if (d.parentId && !parentId) return missing("parent folder", d.parentId);
  const createdById = await ctx.ids.get("user", d.createdById);
  if (!createdById) return missing("creator", d.createdById);
  await ctx.ids.make("folder", d.id, () =>
    ctx.db.folder.create({ data: { groupId, parentId, name: d.name, createdById, createdAt: d.createdAt }, select: { id: true } }),
  );
  return created();
};

export const importMeeting: Handler<"meeting"> = async (ctx, d) => {
  if (await ctx.ids.get("meeting", d.id)) return matched();
  const groupId = await ctx.ids.get("group", d.groupId);
  if (!groupId) return missing("group", d.groupId);
  const createdById = await ctx.ids.get("user", d.createdById);
  if (!createdById) return missing("creator", d.createdById);
  await ctx.ids.make("meeting", d.id, () =>
    ctx.db.meeting.create({
      data: {
        groupId,
        title: d.title,
        startsAt: d.startsAt,
        endsAt: d.endsAt,
        location: d.location,
        onlineUrl: d.onlineUrl,
        agenda: d.agenda,
        minutes: d.minutes,
        createdById,
        revision: d.revision,
        createdAt: d.createdAt,
        updatedAt: d.updatedAt,
      },
      select: { id: true },
    }),
  );
  return created();
};

export const importMeetingAttendee: Handler<"meeting_attendee"> = (ctx, d) =>
  importLink(ctx, { table: "meeting", id: d.meetingId }, { id: d.userId, what: "attendee" }, {
    find: (meetingId, userId) => ctx.db.meetingAttendee.findUnique({ where: { meetingId_userId: { meetingId, userId } }, select: { userId: true } }),
    create: (meetingId, userId) => ctx.db.meetingAttendee.create({ data: { meetingId, userId }, select: { userId: true } }),
  });
