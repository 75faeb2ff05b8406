import type { AuditValues } from "@/server/audit/actions";
import type { AuditEntryInput } from "@/server/audit/record";
import type { DbClient } from "@/server/groups/ancestry";
import type { ImportReport } from "@/server/imports/report";
import { GROUP_SETTINGS_SELECT } from "@/server/policy";

/**
 * The group's columns a settings entry compares, as `select`. Only these are ever written to the
 * log: a column added to groups later (a secret, say) stays out until it is named here.
 */
export const GROUP_AUDIT_SELECT = {
  name: true,
  handle: true,
  description: true,
  logoId: true,
  parentId: true,
  ...GROUP_SETTINGS_SELECT,
} as const;

const PLAIN_FIELDS = ["name", "handle", "description", "membersCanInvite", "membersCanPropose", "membersCanAddResources"] as const;

type GroupValues = {
  name: string;
  handle: string;
  description: string;
  logoId: string | null;
  parentId: string | null;
  membersCanInvite: boolean;
  membersCanPropose: boolean;
  membersCanAddResources: boolean;
};
type GroupChanges = { [K in keyof GroupValues]?: GroupValues[K] | undefined };

/**
 * The values of the fields `changes` really changes, before and after: the logo as whether there
 * is one, the parent by its name (null: a top-level group). Pure, so it is tested without a database.
 */
export function changedGroupFields(
  current: GroupValues,
  changes: GroupChanges,
  parentNames: ReadonlyMap<string, string>,
): { before: AuditValues; after: AuditValues } {
  const before: AuditValues = {};
  const after: AuditValues = {};
  for (const field of PLAIN_FIELDS) {
    const next = changes[field];
    if (next === undefined || next === current[field]) continue;
    before[field] = current[field];
    after[field] = next;
  }
  if (changes.logoId !== undefined && changes.logoId !== current.logoId) {
    before.logo = current.logoId ? "a logo" : null;
    after.logo = changes.logoId ? "a new logo" : null;
  }
  if (changes.parentId !== undefined && changes.parentId !== current.parentId) {
    before.parent = current.parentId ? (parentNames.get(current.parentId) ?? "another group") : null;
    after.parent = changes.parentId ? (parentNames.get(changes.parentId) ?? "another group") : null;
  }
  return { before, after };
}

/** The settings entry for an update of the group (none when nothing changed), parents named as they are now. */
export async function groupSettingsEntries(
  tx: DbClient,
  { actorId, groupId, current, changes }: { actorId: string; groupId: string; current: GroupValues; changes: GroupChanges },
): Promise<AuditEntryInput[]> {
  const parentIds = [current.parentId, changes.parentId].filter((id): id is string => typeof id === "string");
  const moved = changes.parentId !== undefined && changes.parentId !== current.parentId;
  const parents = moved ? await tx.group.findMany({ where: { id: { in: parentIds } }, select: { id: true, name: true } }) : [];
  const { before, after } = changedGroupFields(current, changes, new Map(parents.map(({ id, name }) => [id, name])));
  if (Object.keys(after).length === 0) return [];
  const label = changes.name ?? current.name;
  return [{ groupId, actorId, action: "group.settings_changed", subject: { type: "group", id: groupId, label }, before, after }];
}

/** One entry in each group a download took in (subgroups too), named as they are now. */
export async function groupExportEntries(
  db: DbClient,
  { actorId, groupIds, format }: { actorId: string; groupIds: string[]; format: "zip" | "json" },
): Promise<AuditEntryInput[]> {
  const groups = await db.group.findMany({ where: { id: { in: groupIds } }, select: { id: true, name: true } });
  return groups.map(({ id, name }) => ({
    groupId: id,
    actorId,
    action: "group.exported",
    subject: { type: "group", id, label: name },
    after: { format },
  }));
}

/** What an import created, as the command line's report words it ("3 threads, 12 comments"). */
export function createdCounts(created: Record<string, number>): string {
  const counts = Object.entries(created).filter(([, count]) => count > 0);
  return counts.length ? counts.map(([kind, count]) => `${count} ${kind}`).join(", ") : "nothing new";
}

/**
 * One entry in each group an import brought in or added to, found by the handles its report
 * names, with what it created; `via` says when it ran on the command line rather than the admin page.
 */
export async function groupImportEntries(
  db: DbClient,
  { actorId, report, via }: { actorId: string; report: Pick<ImportReport, "format" | "created" | "groups">; via?: "command line" },
): Promise<AuditEntryInput[]> {
  const handles = report.groups.map(({ handle }) => handle);
  const groups = await db.group.findMany({ where: { handle: { in: handles } }, select: { id: true, name: true } });
  const after = { format: report.format, ...(via && { via }), created: createdCounts(report.created) };
  return groups.map(({ id, name }) => ({ groupId: id, actorId, action: "group.imported", subject: { type: "group", id, label: name }, after }));
}
