"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { InitiativeEntry } from "@/components/initiatives/initiative-entry";
import { InitiativeFormDialog } from "@/components/initiatives/initiative-form-dialog";
import { useInitiativesLive } from "@/components/initiatives/use-initiatives-live";
import { Alert } from "@/components/ui/alert";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";

type InitiativeList = RouterOutputs["initiative"]["list"];

/**
 * The group's directory of work already under way: searched by words, filtered by tag, A–Z,
 * each entry with its organisation, area, contact, website, tags and discussions. Members add;
 * the person who added one and the admins edit or delete it.
 */
export function InitiativeDirectory({ groupId, initial }: { groupId: string; initial: InitiativeList }) {
  const trpc = useTRPC();
  const [searchText, setSearchText] = useState("");
  const [q, setQ] = useState("");
  const [tag, setTag] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setQ(searchText.trim()), 300);
    return () => clearTimeout(timer);
  }, [searchText]);
  useInitiativesLive(groupId);
  const filtered = q !== "" || tag !== "";
  const list = useQuery({
    ...trpc.initiative.list.queryOptions({ groupId, ...(q && { q }), ...(tag && { tag }) }),
    ...(!filtered && { initialData: initial }),
    placeholderData: keepPreviousData,
  });
  const data = list.data ?? initial;
  const tags = data.tags.includes(tag) || tag === "" ? data.tags : [...data.tags, tag];

  return (
    <section aria-labelledby="initiatives-heading" className="flex flex-col gap-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="initiatives-heading" className="text-2xl font-bold">
            Initiatives
          </h2>
          <p className="text-muted">Work already taking place in the area, and who runs it.</p>
        </div>
        {data.canAdd && <InitiativeFormDialog groupId={groupId} />}
      </div>
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr] sm:items-end">
        <TextField
          label="Search"
          type="search"
          value={searchText}
          onChange={(event) => setSearchText(event.target.value)}
          placeholder="Name, description, area or organisation"
        />
        <SelectField
          label="Tag"
          value={tag}
          onChange={(event) => setTag(event.target.value)}
          options={[{ value: "", label: "All tags" }, ...tags.map((name) => ({ value: name, label: `#${name}` }))]}
        />
      </div>
      {list.error && <Alert>{errorMessage(list.error)}</Alert>}
      {data.items.length === 0 ? (
        <p className="text-muted">{filtered ? "No initiative matches." : "No initiatives yet. Add the first one: a project, a service, a group that already helps."}</p>
      ) : (
        <ul aria-label="Initiatives" className="flex flex-col gap-4">
          {data.items.map((initiative) => (
            <InitiativeEntry key={initiative.id} initiative={initiative} onTag={setTag} />
          ))}
        </ul>
      )}
    </section>
  );
}
