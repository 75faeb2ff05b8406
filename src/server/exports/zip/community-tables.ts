import type { Db } from "@/server/db";
import { initiativePages, stakeholderPages } from "@/server/exports/community-rows";
import { pagedById, rowsOf, writeChunk } from "@/server/exports/streams";
import { csvFile } from "@/server/exports/zip/csv";
import { groupHandle, person } from "@/server/exports/zip/selects";
import type { ZipWriter } from "@/server/exports/zip/zip-writer";

const named = { select: { id: true, name: true } } as const;

/** Each organisation's signature of a group's charter: pending and declined requests too, as admins see them. */
export const charterSignaturesCsv = csvFile(
  "charter_signatures.csv",
  (db, { groupIds }) =>
    pagedById({ charter: { groupId: { in: groupIds } } }, (page) =>
      db.charterSignature.findMany({
        ...page,
        select: {
          id: true,
          charter: { select: { group: groupHandle } },
          organisation: named,
          status: true,
          signedOn: true,
          note: true,
          requestedBy: person,
          createdAt: true,
          decidedBy: person,
          decidedAt: true,
        },
      }),
    ),
  [
    ["group", (s) => s.charter.group.handle],
    ["signature_id", (s) => s.id],
    ["organisation_id", (s) => s.organisation.id],
    ["organisation", (s) => s.organisation.name],
    ["status", (s) => s.status],
    ["signed_on", (s) => s.signedOn],
    ["note", (s) => s.note],
    ["requested_by_id", (s) => s.requestedBy?.id],
    ["requested_by", (s) => s.requestedBy?.name],
    ["requested_at", (s) => s.createdAt],
    ["decided_by_id", (s) => s.decidedBy?.id],
    ["decided_by", (s) => s.decidedBy?.name],
    ["decided_at", (s) => s.decidedAt],
  ],
);

export const initiativesCsv = csvFile(
  "initiatives.csv",
  // Threads of groups in the download only, as in group.json.
  (db, { groupIds }) => rowsOf(initiativePages(db, { groupId: { in: groupIds } }, { threadGroupIds: groupIds })),
  [
    ["group", (i) => i.group.handle],
    ["initiative_id", (i) => i.id],
    ["name", (i) => i.name],
    ["description", (i) => i.description],
    ["organisation_id", (i) => i.organisation?.id],
    ["organisation", (i) => i.organisation?.name],
    ["contact", (i) => i.contact],
    ["area", (i) => i.area],
    ["website", (i) => i.website],
    ["tags", (i) => i.tags.map(({ tag }) => tag).join("; ")],
    ["thread_ids", (i) => i.threads.map(({ thread }) => thread.id).join("; ")],
    ["threads", (i) => i.threads.map(({ thread }) => thread.title).join("; ")],
    ["created_by_id", (i) => i.createdBy?.id],
    ["created_by", (i) => i.createdBy?.name],
    ["created_at", (i) => i.createdAt],
    ["updated_at", (i) => i.updatedAt],
  ],
);

export const stakeholdersCsv = csvFile(
  "stakeholders.csv",
  (db, { groupIds }) => rowsOf(stakeholderPages(db, groupIds)),
  [
    ["group", (s) => s.group.handle],
    ["stakeholder_id", (s) => s.id],
    ["name", (s) => s.name],
    ["kind", (s) => s.kind],
    ["organisation_id", (s) => s.organisation?.id],
    ["organisation", (s) => s.organisation?.name],
    ["initiative_id", (s) => s.initiative?.id],
    ["initiative", (s) => s.initiative?.name],
    ["sector", (s) => s.sector],
    ["relationship", (s) => s.relationship],
    ["notes", (s) => s.notes],
    ["x", (s) => s.x],
    ["y", (s) => s.y],
    ["created_at", (s) => s.createdAt],
    ["updated_at", (s) => s.updatedAt],
  ],
);

export const stakeholderLinksCsv = csvFile(
  "stakeholder_links.csv",
  (db, { groupIds }) =>
    pagedById({ groupId: { in: groupIds }, from: { groupId: { in: groupIds } }, to: { groupId: { in: groupIds } } }, (page) =>
      db.stakeholderLink.findMany({ ...page, select: { id: true, group: groupHandle, from: named, kind: true, to: named, createdAt: true } }),
    ),
  [
    ["group", (l) => l.group.handle],
    ["link_id", (l) => l.id],
    ["from_id", (l) => l.from.id],
    ["from", (l) => l.from.name],
    ["kind", (l) => l.kind],
    ["to_id", (l) => l.to.id],
    ["to", (l) => l.to.name],
    ["created_at", (l) => l.createdAt],
  ],
);

/**
 * Each group's charter as it reads now, in Markdown: `charter.md` for the group downloaded and
 * `charter-<handle>.md` for a subgroup's (handles are safe in a file name). A group with no
 * charter has no file.
 */
export async function addCharters(zip: ZipWriter, db: Db, topId: string, groupIds: readonly string[]): Promise<void> {
  const charters = pagedById({ groupId: { in: [...groupIds] } }, (page) =>
    db.charter.findMany({ ...page, select: { id: true, groupId: true, body: true, updatedAt: true, group: { select: { handle: true } } } }),
  );
  for await (const charter of charters) {
    const file = charter.groupId === topId ? "charter.md" : `charter-${charter.group.handle}.md`;
    await zip.add(file, (out) => writeChunk(out, charter.body.endsWith("\n") ? charter.body : `${charter.body}\n`, zip.signal), { mtime: charter.updatedAt });
  }
}
