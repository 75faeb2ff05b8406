"use client";

import Link from "next/link";
import { LINK_KINDS, RELATIONSHIPS, SECTORS } from "@/components/stakeholders/labels";
import { Button } from "@/components/ui/button";
import type { RouterOutputs } from "@/lib/trpc/client";
import type { StakeholderRelationship } from "@/server/stakeholders/schemas";

type StakeholderMap = RouterOutputs["stakeholder"]["list"];
type StakeholderLink = StakeholderMap["links"][number];

/**
 * The same map as a list, by relationship, for screen readers and keyboards: each stakeholder with
 * its sector, organisation, initiative, notes and links, and (for admins) edit and unlink buttons.
 */
export function StakeholderList({
  handle,
  map,
  canManage,
  onEdit,
  onUnlink,
  unlinking,
}: {
  handle: string;
  map: StakeholderMap;
  canManage: boolean;
  onEdit: (id: string) => void;
  onUnlink: (link: StakeholderLink) => void;
  unlinking: boolean;
}) {
  const names = new Map(map.stakeholders.map(({ id, name }) => [id, name]));
  const linksOf = (id: string) => map.links.filter((link) => link.fromId === id && names.has(link.toId));

  return (
    <section aria-labelledby="stakeholder-list-heading" className="flex flex-col gap-4">
      <h3 id="stakeholder-list-heading" className="text-xl font-bold">
        The map as a list
      </h3>
      {(Object.keys(RELATIONSHIPS) as StakeholderRelationship[]).map((relationship) => {
        const ring = map.stakeholders.filter((stakeholder) => stakeholder.relationship === relationship);
        if (ring.length === 0) return null;
        return (
          <div key={relationship} className="flex flex-col gap-2">
            <h4 className="font-semibold">
              {RELATIONSHIPS[relationship]} ({ring.length})
            </h4>
            <ul className="flex flex-col gap-2">
              {ring.map((stakeholder) => (
                <li key={stakeholder.id} className="rounded-lg border border-line bg-card px-3 py-2" data-testid="stakeholder-row">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <p>
                      <strong>{stakeholder.name}</strong>{" "}
                      <span className="text-sm text-muted">
                        ({stakeholder.kind === "person" ? "person" : "organisation"}, {SECTORS[stakeholder.sector].label})
                      </span>
                    </p>
                    {canManage && (
                      <Button variant="secondary" aria-label={`Edit ${stakeholder.name}`} onClick={() => onEdit(stakeholder.id)}>
                        Edit
                      </Button>
                    )}
                  </div>
                  {(stakeholder.organisation || stakeholder.initiative) && (
                    <p className="text-sm">
                      {stakeholder.organisation && <>Organisation: {stakeholder.organisation.name}. </>}
                      {stakeholder.initiative && (
                        <>
                          Initiative:{" "}
                          <Link href={`/groups/${handle}/initiatives#initiative-${stakeholder.initiative.id}`} className="text-ember-700 underline">
                            {stakeholder.initiative.name}
                          </Link>
                          .
                        </>
                      )}
                    </p>
                  )}
                  {stakeholder.notes && <p className="text-sm whitespace-pre-line break-words">{stakeholder.notes}</p>}
                  {linksOf(stakeholder.id).length > 0 && (
                    <ul className="mt-1 flex flex-col gap-1 text-sm" aria-label={`Links from ${stakeholder.name}`}>
                      {linksOf(stakeholder.id).map((link) => (
                        <li key={link.id} className="flex flex-wrap items-center gap-2">
                          <span>
                            {stakeholder.name} {LINK_KINDS[link.kind]} {names.get(link.toId)}
                          </span>
                          {canManage && (
                            <Button
                              variant="ghost"
                              className="min-h-0 px-2 py-0.5 text-sm"
                              disabled={unlinking}
                              aria-label={`Remove the link: ${stakeholder.name} ${LINK_KINDS[link.kind]} ${names.get(link.toId)}`}
                              onClick={() => onUnlink(link)}
                            >
                              Remove
                            </Button>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
