import type { Db } from "@/server/db";
import { loadDocumentState } from "@/server/documents/persistence";
import { safeFileName } from "@/server/documents/versions/export";
import { toMarkdown } from "@/server/documents/versions/markdown";
import { versionLabel } from "@/server/documents/versions/service";
import { agreedContentOf, contentOf } from "@/server/documents/versions/state";
import { paged, pagedById, writeChunk } from "@/server/exports/streams";
import { csvHeader, csvRecord, type CsvColumns } from "@/server/exports/zip/csv";
import type { ZipWriter } from "@/server/exports/zip/zip-writer";

/** A Yjs state is up to a few MB: versions are read a few at a time. */
const VERSIONS_PER_PAGE = 5;

type VersionEntry = { file: string; id: string; label: string; kind: string; savedAt: Date; savedBy: string | null; authors: string };

const VERSION_COLUMNS: CsvColumns<VersionEntry> = [
  ["file", (v) => v.file],
  ["version_id", (v) => v.id],
  ["name", (v) => v.label],
  ["kind", (v) => v.kind],
  ["saved_at", (v) => v.savedAt],
  ["saved_by", (v) => v.savedBy],
  ["authors", (v) => v.authors],
];

/** A folder name no other document of the download has taken. */
function freeSlug(title: string, taken: Set<string>): string {
  const base = safeFileName(title);
  let slug = base;
  for (let n = 2; taken.has(slug); n += 1) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}

/**
 * Each document as `documents/<title-slug>/`: `current.md` (the agreed text as it reads now: open
 * suggestions left out, as in the document's own export), `current-with-suggestions.md` beside it
 * when suggestions are open (as tracked changes), every saved version oldest first as
 * `version-<n>.md`, and `versions.csv` saying which version each file is, when it was saved and who
 * wrote it. Markdown comes from the same renderer as the document's own Markdown export.
 */
export async function addDocuments(zip: ZipWriter, db: Db, groupIds: string[]): Promise<void> {
  const taken = new Set<string>();
  const documents = pagedById({ groupId: { in: groupIds } }, (page) => db.document.findMany({ ...page, select: { id: true, title: true, updatedAt: true } }), 50);
  for await (const document of documents) {
    const folder = `documents/${freeSlug(document.title, taken)}`;
    const write = (markdown: string) => (out: NodeJS.WritableStream) => writeChunk(out, markdown, zip.signal);
    const state = await loadDocumentState(db, document.id);
    const current = toMarkdown(agreedContentOf(state), document.title);
    await zip.add(`${folder}/current.md`, write(current), { mtime: document.updatedAt });
    const tracked = toMarkdown(contentOf(state), document.title);
    if (tracked !== current) await zip.add(`${folder}/current-with-suggestions.md`, write(tracked), { mtime: document.updatedAt });

    const entries: VersionEntry[] = [];
    const versions = paged(
      (last: { id: string; createdAt: Date } | undefined, take) =>
        db.documentVersion.findMany({
          where: {
            documentId: document.id,
            ...(last && { OR: [{ createdAt: { gt: last.createdAt } }, { createdAt: last.createdAt, id: { gt: last.id } }] }),
          },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          take,
          select: {
            id: true,
            kind: true,
            name: true,
            createdAt: true,
            state: true,
            createdBy: { select: { name: true } },
            authors: { select: { user: { select: { name: true } } } },
          },
        }),
      VERSIONS_PER_PAGE,
    );
    for await (const version of versions) {
      const file = `version-${entries.length + 1}.md`;
      await zip.add(`${folder}/${file}`, write(toMarkdown(agreedContentOf(version.state), document.title)), { mtime: version.createdAt });
      entries.push({
        file,
        id: version.id,
        label: versionLabel(version),
        kind: version.kind,
        savedAt: version.createdAt,
        savedBy: version.createdBy?.name ?? null,
        authors: version.authors.map(({ user }) => user.name).join("; "),
      });
    }
    const index = csvHeader(VERSION_COLUMNS) + entries.map((entry) => csvRecord(VERSION_COLUMNS, entry)).join("");
    await zip.add(`${folder}/versions.csv`, write(index), { mtime: document.updatedAt });
  }
}
