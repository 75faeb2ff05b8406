import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { isUniqueViolation } from "@/server/db/unique-violation";
import { getSiteActor } from "@/server/groups/site-actor";
import { assertOwnImage, imageUrl } from "@/server/images/service";
import type {
  CreateOrganisationInput,
  Organisation,
  OrganisationListInput,
  OrganisationPage,
  UpdateOrganisationInput,
} from "@/server/organisations/schemas";
import type { Prisma } from "@/generated/prisma/client.ts";
import { canEditOrganisation, canOnSite, rolesAlwaysAllowed } from "@/server/policy";
import { containsIgnoringCase } from "@/server/db/text-match";

export const ORGANISATION_PAGE_SIZE = 100;

const organisationSelect = {
  id: true,
  name: true,
  website: true,
  description: true,
  signedCharter: true,
  charterSignedOn: true,
  logoId: true,
  _count: { select: { people: true } },
} as const;

type OrganisationRow = {
  id: string;
  name: string;
  website: string;
  description: string;
  signedCharter: boolean;
  charterSignedOn: Date | null;
  logoId: string | null;
  _count: { people: number };
};

function toOrganisation({ logoId, _count, ...organisation }: OrganisationRow, canEdit: boolean): Organisation {
  return { ...organisation, logoUrl: imageUrl(logoId), memberCount: _count.people, canEdit };
}

/** People who belong to a group the actor manages the members of: whose organisation a group admin may set. */
export function peopleManagedBy(actorId: string): Prisma.UserWhereInput {
  const manager = { userId: actorId, role: { in: [...rolesAlwaysAllowed("member.manage")] } };
  return { memberships: { some: { group: { memberships: { some: manager } } } } };
}

type SiteActor = Awaited<ReturnType<typeof getSiteActor>>;

/** Which of these organisations the actor may edit (canEditOrganisation), in one query for a whole page. */
async function editableAmong(db: Db, actor: SiteActor, userId: string, rows: OrganisationRow[]): Promise<Set<string>> {
  const decide = (row: OrganisationRow, managed: number) =>
    canEditOrganisation(actor, { memberCount: row._count.people, membersInGroupsTheyManage: managed });
  // Only where the link to the actor's groups changes the answer is it looked up: usually nowhere.
  const undecided = rows.filter((row) => decide(row, 0) !== decide(row, 1));
  const linked = undecided.length
    ? await db.organisation.findMany({
        where: { id: { in: undecided.map(({ id }) => id) }, people: { some: peopleManagedBy(userId) } },
        select: { id: true },
      })
    : [];
  const linkedIds = new Set(linked.map(({ id }) => id));
  return new Set(rows.filter((row) => decide(row, linkedIds.has(row.id) ? 1 : 0)).map(({ id }) => id));
}

export async function listOrganisations(db: Db, userId: string, input: OrganisationListInput): Promise<OrganisationPage> {
  const actor = await getSiteActor(db, userId);
  if (!canOnSite(actor, "organisation.view")) {
    throw new AppError("FORBIDDEN", "The organisations directory is for members of a group. As a guest you see only what you were invited to.");
  }
  const rows = await db.organisation.findMany({
    where: input.search ? { name: containsIgnoringCase(input.search) } : {},
    select: organisationSelect,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: ORGANISATION_PAGE_SIZE + 1,
    cursor: input.cursor ? { id: input.cursor } : undefined,
    skip: input.cursor ? 1 : 0,
  });
  const items = rows.slice(0, ORGANISATION_PAGE_SIZE);
  const editable = await editableAmong(db, actor, userId, items);
  return {
    items: items.map((row) => toOrganisation(row, editable.has(row.id))),
    nextCursor: rows.length > ORGANISATION_PAGE_SIZE ? items.at(-1)!.id : null,
    canManage: canOnSite(actor, "organisation.manage"),
  };
}

export async function createOrganisation(db: Db, userId: string, input: CreateOrganisationInput): Promise<Organisation> {
  await requireStaff(db, userId);
  await assertNameFree(db, input.name, null);
  if (input.logoId) await assertOwnImage(db, userId, input.logoId);
  return writeConflictsAsMessages(input.name, () =>
    db.organisation.create({ data: { ...input, ...charter(input) }, select: organisationSelect }),
  ).then((row) => toOrganisation(row, true));
}

export async function updateOrganisation(db: Db, userId: string, { id, ...changes }: UpdateOrganisationInput): Promise<Organisation> {
  const actor = await requireStaff(db, userId);
  const current = await db.organisation.findUnique({
    where: { id },
    select: {
      name: true,
      logoId: true,
      signedCharter: true,
      charterSignedOn: true,
      _count: { select: { people: true } },
      people: { where: peopleManagedBy(userId), select: { id: true }, take: 1 },
    },
  });
  if (!current) throw new AppError("NOT_FOUND", "That organisation was not found.");
  if (!canEditOrganisation(actor, { memberCount: current._count.people, membersInGroupsTheyManage: current.people.length })) {
    throw new AppError(
      "FORBIDDEN",
      `Nobody in a group you administer belongs to “${current.name}”, so only the instance administrator can change it.`,
    );
  }
  if (changes.name !== undefined) await assertNameFree(db, changes.name, id);
  if (changes.logoId && changes.logoId !== current.logoId) await assertOwnImage(db, userId, changes.logoId);
  const merged = {
    signedCharter: changes.signedCharter ?? current.signedCharter,
    charterSignedOn: changes.charterSignedOn === undefined ? current.charterSignedOn : changes.charterSignedOn,
  };
  return writeConflictsAsMessages(changes.name ?? current.name, () =>
    db.organisation.update({ where: { id }, data: { ...changes, ...charter(merged) }, select: organisationSelect }),
  ).then((row) => toOrganisation(row, true));
}

async function requireStaff(db: Db, userId: string): Promise<SiteActor> {
  const actor = await getSiteActor(db, userId);
  if (!canOnSite(actor, "organisation.manage")) {
    throw new AppError("FORBIDDEN", "Only staff (the instance administrator and group admins) can manage organisations.");
  }
  return actor;
}

/** A charter date belongs only to a signed charter, and cannot be in the future. */
function charter(input: { signedCharter?: boolean; charterSignedOn?: Date | null }) {
  if (!input.signedCharter) return { signedCharter: false, charterSignedOn: null };
  if (input.charterSignedOn && input.charterSignedOn.getTime() > Date.now()) {
    throw new AppError("BAD_REQUEST", "The charter cannot have been signed on a future date.");
  }
  return { signedCharter: true, charterSignedOn: input.charterSignedOn ?? null };
}

/** Names are unique regardless of case, so "Curo housing" cannot sit beside "Curo Housing". */
async function assertNameFree(db: Db, name: string, exceptId: string | null): Promise<void> {
  const similar = await db.organisation.findMany({ where: { name: containsIgnoringCase(name) }, select: { id: true, name: true } });
  const clash = similar.find((other) => other.id !== exceptId && other.name.toLowerCase() === name.toLowerCase());
  if (clash) throw new AppError("CONFLICT", `There is already an organisation called “${clash.name}”.`);
}

async function writeConflictsAsMessages<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", `There is already an organisation called “${name}”, or that logo is in use.`);
    throw error;
  }
}
