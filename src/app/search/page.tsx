import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { readSearchState, searchHref } from "@/components/search/search-query";
import { SearchView } from "@/components/search/search-view";
import { AppShell } from "@/components/shell/app-shell";
import { getSessionUserId } from "@/server/api/context";
import { getServerCaller } from "@/server/api/server-caller";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Long enough to recognise a search among open tabs. */
const TITLE_QUERY_LENGTH = 60;

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = readSearchState(await searchParams).q.trim();
  if (q === "") return { title: "Search" };
  const shown = q.length > TITLE_QUERY_LENGTH ? `${q.slice(0, TITLE_QUERY_LENGTH)}…` : q;
  return { title: `“${shown}” · Search` };
}

/** Search across everything the person may see; the search itself lives in the address. */
export default async function SearchPage({ searchParams }: Props) {
  const state = readSearchState(await searchParams);
  if (!(await getSessionUserId())) redirect(`/signin?next=${encodeURIComponent(searchHref(state))}`);
  const caller = await getServerCaller();
  const [me, groups] = await Promise.all([caller.user.me(), caller.group.list()]);
  return (
    <AppShell me={me}>
      <SearchView state={state} groups={groups.map(({ id, name, handle }) => ({ id, name, handle }))} />
    </AppShell>
  );
}
