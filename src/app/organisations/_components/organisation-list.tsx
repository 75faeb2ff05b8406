"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { ExternalLink, Users } from "lucide-react";
import { useDeferredValue, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Logo } from "@/components/ui/logo";
import { TextField } from "@/components/ui/text-field";
import { OrganisationDialog } from "@/app/organisations/_components/organisation-dialog";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";

type Page = RouterOutputs["organisation"]["list"];

const signedOn = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

export function OrganisationList({ initialPage }: { initialPage: Page }) {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const deferredSearch = useDeferredValue(search.trim());
  const organisations = useInfiniteQuery({
    ...trpc.organisation.list.infiniteQueryOptions(
      { search: deferredSearch || undefined },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
    ...(deferredSearch ? {} : { initialData: { pages: [initialPage], pageParams: [null] } }),
  });
  const all = organisations.data?.pages.flatMap((page) => page.items) ?? [];
  const canManage = initialPage.canManage;

  return (
    <>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="mb-2 text-3xl font-bold">Organisations</h1>
          <p className="text-muted">The organisations people in Hearth belong to, and who has signed the charter.</p>
          {canManage && all.some((organisation) => !organisation.canEdit) && (
            <p className="mt-1 text-sm text-muted">
              You can edit the organisations that people in your groups belong to. For the others, ask the instance administrator.
            </p>
          )}
        </div>
        {canManage && <OrganisationDialog />}
      </div>
      <form role="search" aria-label="Organisations" onSubmit={(event) => event.preventDefault()} className="mb-6 max-w-md">
        <TextField label="Search by name" type="search" value={search} onChange={(event) => setSearch(event.target.value)} maxLength={100} />
      </form>
      {organisations.error && <Alert>{errorMessage(organisations.error)}</Alert>}
      <p role="status" className="sr-only">
        {organisations.isPending ? "Loading…" : `${all.length} organisations shown`}
      </p>
      {!organisations.isPending && all.length === 0 && (
        <Card>
          <p className="text-muted">{deferredSearch ? "No organisation matches that name." : "No organisations yet."}</p>
        </Card>
      )}
      <ul className="grid gap-4">
        {all.map((organisation) => (
          <li key={organisation.id}>
            <Card className="flex flex-wrap gap-4">
              <Logo url={organisation.logoUrl} />
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 className="break-words text-xl font-semibold">{organisation.name}</h2>
                  {organisation.canEdit && <OrganisationDialog organisation={organisation} />}
                </div>
                {organisation.website && (
                  <a
                    href={organisation.website}
                    rel="noopener nofollow ugc"
                    target="_blank"
                    className="inline-flex items-center gap-1 break-all text-ember-700 underline"
                  >
                    {organisation.website.replace(/^https?:\/\//, "").replace(/\/$/, "")}
                    <ExternalLink aria-hidden="true" className="size-4 shrink-0" />
                    <span className="sr-only">(opens in a new tab)</span>
                  </a>
                )}
                {organisation.description && <p className="mt-2 whitespace-pre-line break-words">{organisation.description}</p>}
                <p className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-muted">
                  <span className="inline-flex items-center gap-1">
                    <Users aria-hidden="true" className="size-4" />
                    {organisation.memberCount} {organisation.memberCount === 1 ? "person" : "people"}
                  </span>
                  <span>
                    {organisation.signedCharter
                      ? `Charter signed${organisation.charterSignedOn ? ` on ${signedOn.format(organisation.charterSignedOn)}` : ""}`
                      : "Charter not signed"}
                  </span>
                </p>
              </div>
            </Card>
          </li>
        ))}
      </ul>
      {organisations.hasNextPage && (
        <Button variant="secondary" className="mt-6" onClick={() => void organisations.fetchNextPage()} disabled={organisations.isFetchingNextPage}>
          {organisations.isFetchingNextPage ? "Loading…" : "Load more"}
        </Button>
      )}
    </>
  );
}
