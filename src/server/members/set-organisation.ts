import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { getSiteActor } from "@/server/groups/site-actor";
import type { SetOrganisationInput } from "@/server/members/schemas";
import { canOnSite } from "@/server/policy";

/** Sets which organisation a person belongs to (at most one): their own, or anyone's for staff. */
export async function setOrganisation(db: Db, userId: string, input: SetOrganisationInput) {
  if (input.userId !== userId && !canOnSite(await getSiteActor(db, userId), "organisation.manage")) {
    throw new AppError("FORBIDDEN", "Only staff can change someone else's organisation.");
  }
  const [person, organisation] = await Promise.all([
    db.user.findUnique({ where: { id: input.userId }, select: { id: true } }),
    input.organisationId
      ? db.organisation.findUnique({ where: { id: input.organisationId }, select: { id: true, name: true } })
      : Promise.resolve(null),
  ]);
  if (!person) throw new AppError("NOT_FOUND", "That person was not found.");
  if (input.organisationId && !organisation) throw new AppError("NOT_FOUND", "That organisation was not found.");
  await db.user.update({ where: { id: input.userId }, data: { organisationId: input.organisationId }, select: { id: true } });
  return { userId: input.userId, organisation };
}
