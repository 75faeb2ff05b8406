import type { Metadata } from "next";
import { NOT_FOUND_TITLE } from "@/app/_lib/page-title";
import { groupNameForTitle } from "@/app/groups/[handle]/_lib/load-group";

/**
 * `generateMetadata` for a group's sub-page: "<page> · <group>", which the root layout's template
 * ends with " · Hearth", so a tab among several of the same group says which group it shows.
 */
export function groupPageMetadata(page: string) {
  return async ({ params }: { params: Promise<{ handle: string }> }): Promise<Metadata> => {
    const name = await groupNameForTitle((await params).handle);
    return { title: name === null ? NOT_FOUND_TITLE : `${page} · ${name}` };
  };
}
