import { addMember, callerFor, makeGroup, makeUser } from "@/server/test/factories";

export const inOneWeek = () => new Date(Date.now() + 7 * 24 * 60 * 60 * 1000);

/** A group with an admin, two members, a guest and an outsider. */
export async function pollGroup() {
  const group = await makeGroup();
  const [admin, alice, bob, guest, outsider] = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser(), makeUser()]);
  await addMember(group.id, admin.id, "admin");
  await addMember(group.id, alice.id, "member");
  await addMember(group.id, bob.id, "member");
  await addMember(group.id, guest.id, "guest");
  return { group, admin, alice, bob, guest, outsider, as: (user: { id: string }) => callerFor(user.id).caller };
}
