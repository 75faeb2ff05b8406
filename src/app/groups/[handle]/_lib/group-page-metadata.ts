import type { Metadata } from "next";
import { loadGroup } from "@/app/groups/[handle]/_lib/load-group";

/**
 * `generateMetadata` for a group's sub-page: "<page> · <group>", which the root layout's template
 * ends with " · Hearth", so a tab among several of the same group says which group it shows.
 */
export function groupPageMetadata(page: string) {
  return async ({ params }: { params: Promise<{ handle: string }> }): Promise<Metadata> => {
    const { group } = await loadGroup((await params).handle);
    return { title: `${page} · ${group.name}` };
  };
}
