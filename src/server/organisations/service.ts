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
import { canOnSite } from "@/server/policy";

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

function toOrganisation({ logoId, _count, ...organisation }: OrganisationRow): Organisation {
  return { ...organisation, logoUrl: imageUrl(logoId), memberCount: _count.people };
}

export async function listOrganisations(db: Db, userId: string, input: OrganisationListInput): Promise<OrganisationPage> {
  const actor = await getSiteActor(db, userId);
  if (!canOnSite(actor, "organisation.view")) throw new AppError("FORBIDDEN", "Please sign in first.");
  const rows = await db.organisation.findMany({
    where: input.search ? { name: { contains: input.search } } : {},
    select: organisationSelect,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: ORGANISATION_PAGE_SIZE + 1,
    cursor: input.cursor ? { id: input.cursor } : undefined,
    skip: input.cursor ? 1 : 0,
  });
  const items = rows.slice(0, ORGANISATION_PAGE_SIZE);
  return {
    items: items.map(toOrganisation),
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
  ).then(toOrganisation);
}

export async function updateOrganisation(db: Db, userId: string, { id, ...changes }: UpdateOrganisationInput): Promise<Organisation> {
  await requireStaff(db, userId);
  const current = await db.organisation.findUnique({
    where: { id },
    select: { name: true, logoId: true, signedCharter: true, charterSignedOn: true },
  });
  if (!current) throw new AppError("NOT_FOUND", "That organisation was not found.");
  if (changes.name !== undefined) await assertNameFree(db, changes.name, id);
  if (changes.logoId && changes.logoId !== current.logoId) await assertOwnImage(db, userId, changes.logoId);
  const merged = {
    signedCharter: changes.signedCharter ?? current.signedCharter,
    charterSignedOn: changes.charterSignedOn === undefined ? current.charterSignedOn : changes.charterSignedOn,
  };
  return writeConflictsAsMessages(changes.name ?? current.name, () =>
    db.organisation.update({ where: { id }, data: { ...changes, ...charter(merged) }, select: organisationSelect }),
  ).then(toOrganisation);
}

async function requireStaff(db: Db, userId: string): Promise<void> {
  if (!canOnSite(await getSiteActor(db, userId), "organisation.manage")) {
    throw new AppError("FORBIDDEN", "Only staff (the instance administrator and group admins) can manage organisations.");
  }
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
  const similar = await db.organisation.findMany({ where: { name: { contains: name } }, select: { id: true, name: true } });
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
