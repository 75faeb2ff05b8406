"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/text-field";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";

type Organisation = { id: string; name: string };

/** Which organisation the person is with: searched by name, since there may be many. */
export function OrganisationPicker({ userId, current }: { userId: string; current: Organisation | null }) {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [chosen, setChosen] = useState<Organisation | null>(current);
  const organisations = useQuery({
    ...trpc.organisation.list.queryOptions({ search: search.trim() || undefined }),
    placeholderData: keepPreviousData,
  });
  const setOrganisation = useMutation(
    trpc.member.setOrganisation.mutationOptions({ onSuccess: (result) => setChosen(result.organisation) }),
  );
  const choices = (organisations.data?.items ?? []).filter((organisation) => organisation.id !== chosen?.id);

  return (
    <Card>
      <section aria-labelledby="organisation-heading" className="flex flex-col gap-4">
        <h2 id="organisation-heading" className="text-2xl font-bold">
          Organisation
        </h2>
        <p role="status">
          {chosen ? (
            <>
              You are with <strong>{chosen.name}</strong>.
            </>
          ) : (
            "You have not said which organisation you are with."
          )}
        </p>
        {setOrganisation.error && <Alert>{errorMessage(setOrganisation.error)}</Alert>}
        {organisations.error && <Alert>{errorMessage(organisations.error)}</Alert>}
        <TextField
          label="Find your organisation"
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          hint="Type part of its name. If it is missing, ask staff to add it."
        />
        {choices.length > 0 ? (
          <ul className="flex max-h-80 flex-col gap-2 overflow-y-auto" aria-label="Organisations">
            {choices.map((organisation) => (
              <li key={organisation.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-line p-2 pl-3">
                <span>{organisation.name}</span>
                <Button
                  variant="secondary"
                  aria-label={`Choose ${organisation.name}`}
                  disabled={setOrganisation.isPending}
                  onClick={() => setOrganisation.mutate({ userId, organisationId: organisation.id })}
                >
                  Choose
                </Button>
              </li>
            ))}
          </ul>
        ) : (
          organisations.isSuccess && <p className="text-muted">No organisation matches.</p>
        )}
        {chosen && (
          <Button
            variant="ghost"
            className="self-start"
            disabled={setOrganisation.isPending}
            onClick={() => setOrganisation.mutate({ userId, organisationId: null })}
          >
            I am not with an organisation
          </Button>
        )}
      </section>
    </Card>
  );
}
