import { firstFreeHandle, HANDLE_MIN, slugify } from "@/lib/slug";
import { ancestorIds } from "@/server/groups/ancestry";
import { Draft, newId, type Run } from "@/server/imports/loomio/draft";
import { date, fitted, flag, hideResults, int, markdown, optionLabel, reasonRequired, renderProblem, text, type LoomioRecord } from "@/server/imports/loomio/fields";
import { recordOf, type StagedRow } from "@/server/imports/loomio/staging";
import { POLL_KINDS } from "@/server/polls/schemas";
import { ROLES_IN_ANCESTORS, type Role } from "@/server/policy";

const parse = recordOf;

/**
 * Every group of the file, with its memberships, requests and templates, in one transaction:
 * parents before subgroups. The importing admin becomes an admin of each, and members of a
 * subgroup join its ancestors as Hearth requires.
 */
export async function importGroups(run: Run): Promise<void> {
  const groups = run.staging.groupsInTreeOrder();
  if (groups.length === 0) return;
  const draft = new Draft(run);
  const hearthIds = new Map<string, { id: string; ancestors: string[] }>();
  const handles = new Set<string>();
  const listed: { handle: string; name: string }[] = [];
  let joinedAncestors = 0;

  for (const row of groups) {
    const record = parse(row);
    const parent = row.depth === 0 ? null : hearthIds.get(row.ref ?? "");
    if (row.depth > 0 && !parent) {
      draft.skip(row, `its parent group (id ${row.ref}) was not imported`);
      continue;
    }
    let groupId: string;
    let ancestors: string[];
    if (row.target) {
      const existing = await run.db.group.findUnique({ where: { id: row.target }, select: { handle: true, name: true } });
      if (!existing) {
        draft.skip(row, "the group an earlier import made has since been deleted in Hearth");
        continue;
      }
      groupId = row.target;
      ancestors = parent ? [parent.id, ...parent.ancestors] : await ancestorIds(run.db, groupId);
      // What Hearth already has, so memberships are matched rather than made twice.
      const known = await run.db.membership.findMany({ where: { groupId: { in: [groupId, ...(parent ? [] : ancestors)] } }, select: { id: true, userId: true, groupId: true, role: true } });
      run.staging.setMemberships(known);
      draft.match("groups");
      draft.done(row);
      listed.push(existing);
    } else {
      groupId = newId();
      ancestors = parent ? [parent.id, ...parent.ancestors] : [];
      const name = fitted(text(record.name) || text(record.full_name) || `Loomio group ${row.id}`, 80, `Line ${row.line}: the name of group ${row.id}`, (message) => draft.warn(message));
      const handle = await chooseHandle(run, draft, row, record, name, handles);
      const description = markdown(record.description, record.description_format);
      const problem = renderProblem(description);
      if (problem) draft.warn(`Line ${row.line}: the description of group “${name}” is shown as plain text, as ${problem}.`);
      if (record.archived_at) draft.warn(`Line ${row.line}: group “${name}” was archived in Loomio; Hearth has no archive, so it is an ordinary group.`);
      const data = {
        id: groupId,
        name,
        handle,
        description,
        parentId: parent?.id ?? null,
        membersCanInvite: flag(record.members_can_add_members),
        membersCanPropose: record.members_can_raise_motions === undefined || record.members_can_raise_motions === null || flag(record.members_can_raise_motions),
        ...(date(record.created_at) && { createdAt: date(record.created_at)! }),
      };
      draft.write((db) => db.group.create({ data, select: { id: true } }));
      draft.create("groups");
      draft.map(row, groupId);
      listed.push({ handle, name });
    }
    hearthIds.set(row.id, { id: groupId, ancestors });
    setRole(draft, run.adminUserId, groupId, "admin", null);
    joinedAncestors += joinAncestors(draft, run.adminUserId, ancestors);
    joinedAncestors += importMemberships(draft, row.id, groupId, ancestors);
    importRequests(draft, row.id, groupId);
    await importTemplates(draft, row.id, groupId);
  }
  if (joinedAncestors) {
    draft.warn(`${joinedAncestors} membership${joinedAncestors === 1 ? " was" : "s were"} added to parent groups: in Hearth, members of a subgroup also belong to the groups above it.`);
  }
  if (await draft.commit(groups[0]!)) run.report.groups.push(...listed);
}

async function chooseHandle(run: Run, draft: Draft, row: StagedRow, record: LoomioRecord, name: string, chosen: Set<string>): Promise<string> {
  const wanted = slugify(text(record.handle));
  const fromName = slugify(name);
  const base = wanted.length >= HANDLE_MIN ? wanted : fromName.length >= HANDLE_MIN ? fromName : "group";
  const similar = await run.db.group.findMany({ where: { handle: { startsWith: base } }, select: { handle: true } });
  const handle = firstFreeHandle(base, new Set([...similar.map((group) => group.handle), ...chosen]));
  chosen.add(handle);
  if (wanted && handle !== wanted) {
    draft.warn(`Line ${row.line}: the handle “${wanted}” is already taken in Hearth, so group “${name}” is at “${handle}”.`);
  }
  return handle;
}

const RANK: Record<Role, number> = { guest: 0, member: 1, admin: 2 };

/** Makes the person hold at least `role` in the group; returns the membership id. */
function setRole(draft: Draft, userId: string, groupId: string, role: Role, extra: { invitedById: string | null; createdAt: Date | null } | null): { id: string; created: boolean } {
  const existing = draft.membership(userId, groupId);
  if (existing) {
    if (RANK[existing.role] < RANK[role]) {
      draft.write((db) => db.membership.update({ where: { id: existing.id }, data: { role }, select: { id: true } }));
      draft.setMembership(userId, groupId, { id: existing.id, role });
    }
    return { id: existing.id, created: false };
  }
  const id = newId();
  const data = { id, userId, groupId, role, invitedById: extra?.invitedById ?? null, ...(extra?.createdAt && { createdAt: extra.createdAt }) };
  draft.write((db) => db.membership.create({ data, select: { id: true } }));
  draft.setMembership(userId, groupId, { id, role });
  draft.create("memberships");
  return { id, created: true };
}

/** Members and admins of a subgroup belong to every ancestor, as plain members at least. */
function joinAncestors(draft: Draft, userId: string, ancestors: readonly string[]): number {
  let joined = 0;
  for (const ancestor of ancestors) {
    const before = draft.membership(userId, ancestor);
    if (before && ROLES_IN_ANCESTORS.includes(before.role)) continue;
    setRole(draft, userId, ancestor, "member", null);
    joined += 1;
  }
  return joined;
}

function importMemberships(draft: Draft, loomioGroupId: string, groupId: string, ancestors: readonly string[]): number {
  const { staging } = draft.run;
  let joined = 0;
  for (const row of staging.childRows("memberships", loomioGroupId)) {
    if (draft.importedBefore(row, "memberships")) continue;
    const record = parse(row);
    const userId = staging.target("users", record.user_id);
    if (record.revoked_at) draft.skip(row, "the membership had ended in Loomio");
    else if (!record.accepted_at) draft.skip(row, "the invitation to join was never accepted");
    else if (!userId) draft.skip(row, `the person (user ${text(record.user_id) || "unknown"}) was not imported`);
    else if (staging.isDeactivated(record.user_id)) {
      draft.skip(row, "the person's Loomio account was deactivated: they come in as a former member, keeping what they wrote, without membership");
    } else {
      const invitedById = staging.target("users", record.inviter_id);
      const { id, created } = setRole(draft, userId, groupId, flag(record.admin) ? "admin" : "member", {
        invitedById,
        createdAt: date(record.accepted_at) ?? date(record.created_at),
      });
      if (!created) draft.match("memberships");
      draft.map(row, id);
      joined += joinAncestors(draft, userId, ancestors);
    }
  }
  return joined;
}

function requestStatus(record: LoomioRecord): "pending" | "approved" | "declined" {
  const response = text(record.response).toLowerCase();
  if (response === "approved" || response === "approve") return "approved";
  if (response || record.responded_at) return "declined";
  return "pending";
}

function importRequests(draft: Draft, loomioGroupId: string, groupId: string): void {
  const { staging } = draft.run;
  for (const row of staging.childRows("membership_requests", loomioGroupId)) {
    if (draft.importedBefore(row, "membershipRequests")) continue;
    const record = parse(row);
    const userId = staging.target("users", record.requestor_id);
    if (!userId) {
      draft.skip(row, record.requestor_id ? `the person asking (user ${text(record.requestor_id)}) was not imported` : "asked by email without a Loomio account, so there is no one in Hearth to answer");
      continue;
    }
    const id = newId();
    const status = requestStatus(record);
    const data = {
      id,
      groupId,
      userId,
      introduction: text(record.introduction).trim(),
      status,
      response: status === "pending" ? "" : text(record.response),
      decidedById: staging.target("users", record.responder_id),
      decidedAt: status === "pending" ? null : date(record.responded_at),
      ...(date(record.created_at) && { createdAt: date(record.created_at)! }),
    };
    draft.write((db) => db.membershipRequest.create({ data, select: { id: true } }));
    draft.create("membershipRequests");
    draft.map(row, id);
  }
}

/** A group's own decision templates, when their poll type is one of Hearth's kinds. */
async function importTemplates(draft: Draft, loomioGroupId: string, groupId: string): Promise<void> {
  const names = new Set((await draft.run.db.pollTemplate.findMany({ where: { groupId }, select: { name: true } })).map(({ name }) => name));
  for (const row of draft.run.staging.childRows("poll_templates", loomioGroupId)) {
    if (draft.importedBefore(row, "pollTemplates")) continue;
    const record = parse(row);
    const kind = POLL_KINDS.find((one) => one === record.poll_type);
    const name = fitted(text(record.process_name) || text(record.title) || `Loomio template ${row.id}`, 80, `Line ${row.line}: the template name`, (message) => draft.warn(message));
    if (record.discarded_at) draft.skip(row, "deleted in Loomio");
    else if (!kind) draft.skip(row, `Hearth has no “${text(record.poll_type)}” polls`);
    else if (names.has(name)) draft.skip(row, `the group already has a template called “${name}”`);
    else {
      names.add(name);
      const options = Array.isArray(record.poll_options)
        ? record.poll_options.map((option) => optionLabel(text((option as LoomioRecord | null)?.name ?? option), kind)).filter(Boolean)
        : [];
      const settings = {
        ...(options.length && kind !== "meeting" && { options }),
        ...(kind === "proposal" && { allowBlock: options.some((option) => option.toLowerCase() === "block") }),
        reasonRequired: reasonRequired(record.stance_reason_required),
        ...(kind === "poll" && int(record.minimum_stance_choices) !== null && { minChoices: int(record.minimum_stance_choices)! }),
        ...(kind === "poll" && int(record.maximum_stance_choices) !== null && { maxChoices: int(record.maximum_stance_choices)! }),
        anonymous: flag(record.anonymous),
        hideResults: hideResults(record.hide_results),
        description: fitted(text(record.process_subtitle), 500, `Line ${row.line}: the template description`, (message) => draft.warn(message)),
      };
      const id = newId();
      const data = { id, groupId, name, kind, settings: JSON.stringify(settings), ...(date(record.created_at) && { createdAt: date(record.created_at)! }) };
      draft.write((db) => db.pollTemplate.create({ data, select: { id: true } }));
      draft.create("pollTemplates");
      draft.map(row, id);
    }
  }
}
