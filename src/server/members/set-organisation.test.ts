import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { addMember, callerFor, makeGroup, makeOrganisation, makeUser } from "@/server/test/factories";

/** An admin of group A, a person only in group B, and a member of A who is also in B. */
async function twoGroups() {
  const [groupA, groupB] = [await makeGroup(), await makeGroup()];
  const [adminOfA, onlyInB, inBoth] = [await makeUser(), await makeUser(), await makeUser()];
  await addMember(groupA.id, adminOfA.id, "admin");
  await addMember(groupB.id, onlyInB.id, "member");
  await addMember(groupA.id, inBoth.id, "guest");
  await addMember(groupB.id, inBoth.id, "member");
  return { adminOfA, onlyInB, inBoth };
}

const organisationOf = async (userId: string) =>
  (await getDb().user.findUniqueOrThrow({ where: { id: userId }, select: { organisationId: true } })).organisationId;

describe("member.setOrganisation across groups", () => {
  it("refuses a group admin for someone who is in none of the groups they administer", async () => {
    const { adminOfA, onlyInB } = await twoGroups();
    const organisation = await makeOrganisation();
    await expect(
      callerFor(adminOfA.id).caller.member.setOrganisation({ userId: onlyInB.id, organisationId: organisation.id }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "You can change the organisation only of people in a group you administer. Ask the instance administrator for anyone else.",
    });
    expect(await organisationOf(onlyInB.id)).toBeNull();
  });

  it("lets a group admin set it for anyone in their group, guests included", async () => {
    const { adminOfA, inBoth } = await twoGroups();
    const organisation = await makeOrganisation();
    await callerFor(adminOfA.id).caller.member.setOrganisation({ userId: inBoth.id, organisationId: organisation.id });
    expect(await organisationOf(inBoth.id)).toBe(organisation.id);
  });

  it("lets the instance administrator set anyone's", async () => {
    const { onlyInB } = await twoGroups();
    const siteAdmin = await makeUser({ isAdmin: true });
    const organisation = await makeOrganisation();
    await callerFor(siteAdmin.id).caller.member.setOrganisation({ userId: onlyInB.id, organisationId: organisation.id });
    expect(await organisationOf(onlyInB.id)).toBe(organisation.id);
  });
});
