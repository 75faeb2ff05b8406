import { redirect } from "next/navigation";
import { cache } from "react";
import { getSessionUserId } from "@/server/api/context";
import { getServerCaller, orNotFound } from "@/server/api/server-caller";

/** Once per request: the layout, its metadata and the page all ask for the same group. */
const fetchGroup = cache(async (handle: string) => {
  const caller = await getServerCaller();
  const [me, group] = await Promise.all([caller.user.me(), caller.group.byHandle({ handle })]);
  return { me, group, caller };
});

/**
 * The signed-in person and the group at `handle`, as the group's pages need them. Signed-out
 * visitors go to sign in and come back; a handle that matches no group is a 404.
 */
export async function loadGroup(handle: string, path = `/groups/${handle}`) {
  if (!(await getSessionUserId())) redirect(`/signin?next=${encodeURIComponent(path)}`);
  // A malformed handle (BAD_REQUEST) is as absent as an unknown one.
  return orNotFound(() => fetchGroup(handle), ["NOT_FOUND", "BAD_REQUEST"]);
}

/**
 * The group's name for a tab title, or null when the caller may not see it. Metadata must not
 * throw notFound() itself: the not-found page would then render without any title.
 */
export async function groupNameForTitle(handle: string): Promise<string | null> {
  try {
    return (await fetchGroup(handle)).group.name;
  } catch {
    return null;
  }
}

export type LoadedGroup = Awaited<ReturnType<typeof loadGroup>>["group"];
