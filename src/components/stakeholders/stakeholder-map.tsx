"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { LINK_KINDS, options, SECTORS } from "@/components/stakeholders/labels";
import { StakeholderDiagram } from "@/components/stakeholders/stakeholder-diagram";
import { StakeholderForm } from "@/components/stakeholders/stakeholder-form";
import { StakeholderList } from "@/components/stakeholders/stakeholder-list";
import { useStakeholdersLive } from "@/components/stakeholders/use-stakeholders-live";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { SelectField } from "@/components/ui/select-field";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";
import { arrangeInRings } from "@/server/stakeholders/rings";
import type { StakeholderLinkKind, StakeholderSector } from "@/server/stakeholders/schemas";

const ALL_SECTORS = Object.keys(SECTORS) as StakeholderSector[];
/** Which form the side panel shows: none, a new stakeholder, or one being edited. */
type Editing = null | "new" | string;

/** Links two stakeholders: filled in by connecting two nodes on the diagram, or chosen here with the keyboard. */
function LinkForm({ groupId, stakeholders, pending, onDone }: {
  groupId: string;
  stakeholders: { id: string; name: string }[];
  pending: { fromId: string; toId: string } | null;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [fromId, setFromId] = useState(pending?.fromId ?? "");
  const [toId, setToId] = useState(pending?.toId ?? "");
  const [kind, setKind] = useState<StakeholderLinkKind>("partners_with");
  const link = useMutation(
    trpc.stakeholder.link.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.stakeholder.list.pathFilter());
        onDone();
      },
    }),
  );
  const choices = [{ value: "", label: "Choose…" }, ...stakeholders.map(({ id, name }) => ({ value: id, label: name }))];
  return (
    <form
      aria-label="Link two stakeholders"
      className="flex flex-col gap-4 rounded-lg border border-line bg-card p-4"
      onSubmit={(event) => {
        event.preventDefault();
        link.mutate({ groupId, fromId, toId, kind });
      }}
    >
      <h3 className="text-lg font-bold">Link two stakeholders</h3>
      {link.error && <Alert>{errorMessage(link.error)}</Alert>}
      <SelectField label="From" value={fromId} required onChange={(event) => setFromId(event.target.value)} options={choices} />
      <SelectField label="Kind of link" value={kind} onChange={(event) => setKind(event.target.value as StakeholderLinkKind)} options={options(LINK_KINDS)} autoFocus={pending !== null} />
      <SelectField label="To" value={toId} required onChange={(event) => setToId(event.target.value)} options={choices} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={link.isPending}>
          Link them
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/**
 * The group's stakeholder map: the diagram, filters by sector, the list of the same data, and (for
 * admins) the side forms. Refetches live when anyone changes it.
 */
export function StakeholderMap({ group, canManage }: { group: { id: string; handle: string }; canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useStakeholdersLive(group.id);
  const query = useQuery(trpc.stakeholder.list.queryOptions({ groupId: group.id }));
  const [sectors, setSectors] = useState<Set<StakeholderSector>>(() => new Set(ALL_SECTORS));
  const [editing, setEditing] = useState<Editing>(null);
  const [linking, setLinking] = useState<{ key: number; pending: { fromId: string; toId: string } | null } | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.stakeholder.list.pathFilter());
  const layout = useMutation(trpc.stakeholder.layout.mutationOptions({ onSettled: refresh }));
  const unlink = useMutation(trpc.stakeholder.unlink.mutationOptions({ onSuccess: refresh }));

  // Memoised so the diagram resets its nodes only when the data or the filter changes, not mid-save.
  const map = useMemo(() => {
    const shown = (query.data?.stakeholders ?? []).filter((stakeholder) => sectors.has(stakeholder.sector));
    const shownIds = new Set(shown.map(({ id }) => id));
    return { stakeholders: shown, links: (query.data?.links ?? []).filter(({ fromId, toId }) => shownIds.has(fromId) && shownIds.has(toId)) };
  }, [query.data, sectors]);

  if (query.error) return <Alert>{errorMessage(query.error)}</Alert>;
  if (!query.data) return <p role="status">Loading the map…</p>;
  const full = query.data;
  const sidePanel = canManage && (editing !== null || linking !== null);
  const edited = editing && editing !== "new" ? (full.stakeholders.find(({ id }) => id === editing) ?? null) : null;
  const toggle = (sector: StakeholderSector, on: boolean) =>
    setSectors((current) => {
      const next = new Set(current);
      if (on) next.add(sector);
      else next.delete(sector);
      return next;
    });
  const openEditor = (next: Editing) => {
    setLinking(null);
    setEditing(next);
  };
  const openLinker = (pending: { fromId: string; toId: string } | null) => {
    setEditing(null);
    setLinking({ key: Date.now(), pending });
  };

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h2 className="text-2xl font-bold">Stakeholders</h2>
        {canManage && (
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => openEditor("new")}>Add a stakeholder</Button>
            <Button variant="secondary" disabled={full.stakeholders.length < 2} onClick={() => openLinker(null)}>
              Link two stakeholders
            </Button>
            <Button
              variant="secondary"
              disabled={full.stakeholders.length === 0 || layout.isPending}
              onClick={() => layout.mutate({ groupId: group.id, positions: arrangeInRings(full.stakeholders) })}
            >
              Arrange in rings
            </Button>
          </div>
        )}
      </div>
      <p className="text-muted">
        Who is around the group: core in the centre, then partners, supporters, and those to approach.
        {canManage ? " Drag to rearrange (positions are saved), connect two stakeholders to link them, click one to edit it." : " Only the group's admins change the map."}
      </p>
      {layout.error && <Alert>{errorMessage(layout.error)}</Alert>}
      {unlink.error && <Alert>{errorMessage(unlink.error)}</Alert>}
      <fieldset className="flex flex-wrap gap-x-5 gap-y-2 rounded-lg border border-line bg-card p-3">
        <legend className="px-1 font-semibold">Show sectors</legend>
        {ALL_SECTORS.map((sector) => (
          <label key={sector} className="flex items-center gap-2">
            <input type="checkbox" className="size-5 accent-ember-700" checked={sectors.has(sector)} onChange={(event) => toggle(sector, event.target.checked)} />
            <span className="inline-block size-3 rounded-sm border-2" style={{ background: SECTORS[sector].fill, borderColor: SECTORS[sector].border }} aria-hidden="true" />
            {SECTORS[sector].label}
          </label>
        ))}
      </fieldset>
      {full.stakeholders.length === 0 && (
        <p role="status">{canManage ? "Nobody is on the map yet. Add the first stakeholder." : "Nobody is on the map yet."}</p>
      )}
      <div className={cn("grid gap-6", sidePanel && "lg:grid-cols-[minmax(0,1fr)_22rem]")}>
        <StakeholderDiagram
          map={map}
          canManage={canManage}
          fileName={`${group.handle}-stakeholders`}
          onMoved={(positions) => {
            if (positions.length === 0) return;
            // Kept where they were dropped while the save goes through; the refetch after it confirms.
            const moved = new Map(positions.map(({ id, x, y }) => [id, { x, y }]));
            queryClient.setQueryData(trpc.stakeholder.list.queryKey({ groupId: group.id }), (current) =>
              current && { ...current, stakeholders: current.stakeholders.map((stakeholder) => ({ ...stakeholder, ...moved.get(stakeholder.id) })) },
            );
            layout.mutate({ groupId: group.id, positions });
          }}
          onConnect={(fromId, toId) => openLinker({ fromId, toId })}
          onSelect={(id) => canManage && openEditor(id)}
        />
        {sidePanel && (
          <div>
            {editing && (
              <StakeholderForm key={editing} groupId={group.id} stakeholder={edited} onDone={() => setEditing(null)} />
            )}
            {linking && (
              <LinkForm key={linking.key} groupId={group.id} stakeholders={full.stakeholders} pending={linking.pending} onDone={() => setLinking(null)} />
            )}
          </div>
        )}
      </div>
      <StakeholderList handle={group.handle} map={map} canManage={canManage} onEdit={openEditor} onUnlink={(link) => unlink.mutate({ id: link.id })} unlinking={unlink.isPending} />
    </div>
  );
}
