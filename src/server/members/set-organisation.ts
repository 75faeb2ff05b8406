import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { getSiteActor } from "@/server/groups/site-actor";
import type { SetOrganisationInput } from "@/server/members/schemas";
import { peopleManagedBy } from "@/server/organisations/service";
import { canOnSite, canSetOrganisationOf } from "@/server/policy";

/**
 * Sets which organisation a person belongs to (at most one): their own; for a group admin, that
 * of people in a group they administer; anyone's for the instance administrator.
 */
export async function setOrganisation(db: Db, userId: string, input: SetOrganisationInput) {
  const isSelf = input.userId === userId;
  if (!isSelf) {
    const [actor, managed] = await Promise.all([
      getSiteActor(db, userId),
      db.user.count({ where: { id: input.userId, ...peopleManagedBy(userId) } }),
    ]);
    if (!canSetOrganisationOf(actor, { isSelf, inGroupTheyManage: managed > 0 })) {
      throw new AppError(
        "FORBIDDEN",
        canOnSite(actor, "organisation.manage")
          ? "You can change the organisation only of people in a group you administer. Ask the instance administrator for anyone else."
          : "Only staff can change someone else's organisation.",
      );
    }
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
