import type { Db } from "@/server/db";
import { requireDocumentAccess } from "@/server/documents/access";
import { applyServerUpdate } from "@/server/documents/live";
import { loadDocumentState } from "@/server/documents/persistence";
import { holdingCheckpoints, hasUnversionedEdits, recordVersion } from "@/server/documents/versions/checkpoints";
import { blocksOf } from "@/server/documents/versions/content";
import { diffBlocks } from "@/server/documents/versions/diff";
import type { DiffInput, VersionDto } from "@/server/documents/versions/schemas";
import { contentOf, replacementUpdate } from "@/server/documents/versions/state";
import { AppError } from "@/server/errors";
import type { Publish } from "@/server/events";
import { getStanding } from "@/server/groups/standing";
import { canInGroup } from "@/server/policy";
import { indexEntryText } from "@/server/search/documents-index";

const PAGE_SIZE = 50;
const NO_VERSION = "That version does not exist in this document.";

/** What the history calls a version that has no name of its own. */
export function versionLabel(version: { kind: "auto" | "named" | "restore"; name: string | null }): string {
  return version.name ?? (version.kind === "auto" ? "Automatic checkpoint" : "Restored version");
}

const versionSelect = {
  id: true,
  kind: true,
  name: true,
  createdAt: true,
  adoptedAt: true,
  createdBy: { select: { id: true, name: true } },
  authors: {
    select: { wordsAdded: true, wordsRemoved: true, suggestionsAccepted: true, user: { select: { id: true, name: true } } },
    orderBy: { user: { name: "asc" } },
  },
  poll: { select: { id: true, title: true, closedAt: true, closingAt: true } },
} as const;

type VersionRow = {
  id: string;
  kind: "auto" | "named" | "restore";
  name: string | null;
  createdAt: Date;
  adoptedAt: Date | null;
  createdBy: { id: string; name: string } | null;
  authors: { wordsAdded: number | null; wordsRemoved: number | null; suggestionsAccepted: number | null; user: { id: string; name: string } }[];
  poll: { id: string; title: string; closedAt: Date | null; closingAt: Date } | null;
};

function toVersionDto(row: VersionRow, adoptedVersionId: string | null, now: Date): VersionDto {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    label: versionLabel(row),
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    authors: row.authors.map(({ user, wordsAdded, wordsRemoved, suggestionsAccepted }) => ({
      ...user,
      contribution:
        wordsAdded === null || wordsRemoved === null || suggestionsAccepted === null ? null : { wordsAdded, wordsRemoved, suggestionsAccepted },
    })),
    adoptedAt: row.adoptedAt,
    isAdopted: row.id === adoptedVersionId,
    proposal: row.poll
      ? { pollId: row.poll.id, title: row.poll.title, closed: row.poll.closedAt !== null || row.poll.closingAt <= now }
      : null,
  };
}

export async function listVersions(db: Db, userId: string, input: { id: string; cursor?: string | null }) {
  const access = await requireDocumentAccess(db, userId, input.id, "view");
  const [rows, document, standing] = await Promise.all([
    db.documentVersion.findMany({
      where: { documentId: access.documentId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: PAGE_SIZE + 1,
      ...(input.cursor && { cursor: { id: input.cursor }, skip: 1 }),
      select: versionSelect,
    }),
    db.document.findUniqueOrThrow({ where: { id: access.documentId }, select: { adoptedVersionId: true } }),
    getStanding(db, userId, access.groupId),
  ]);
  const now = new Date();
  const page = rows.slice(0, PAGE_SIZE);
  return {
    items: page.map((row) => toVersionDto(row, document.adoptedVersionId, now)),
    nextCursor: rows.length > PAGE_SIZE ? page.at(-1)!.id : null,
    canEdit: access.canEdit,
    canPropose: canInGroup(standing, "poll.create"),
  };
}

export async function nameVersion(db: Db, userId: string, input: { id: string; name: string }) {
  const access = await requireDocumentAccess(db, userId, input.id, "edit");
  const state = await loadDocumentState(db, access.documentId);
  const version = await recordVersion(db, { documentId: access.documentId, kind: "named", name: input.name, state, createdById: userId });
  // Found by its words at once; should this fail, the search worker takes them later.
  await indexEntryText(db, { type: "version", subjectId: version.id });
  return version;
}

type Side = { versionId: string | null; label: string; createdAt: Date | null; state: Uint8Array };

async function loadSides(db: Db, documentId: string, ids: string[]): Promise<Map<string, Side>> {
  const wanted = ids.filter((id) => id !== "current");
  const rows = await db.documentVersion.findMany({
    where: { documentId, id: { in: wanted } },
    select: { id: true, kind: true, name: true, createdAt: true, state: true },
  });
  const sides = new Map<string, Side>(rows.map((row) => [row.id, { versionId: row.id, label: versionLabel(row), createdAt: row.createdAt, state: row.state }]));
  if (ids.includes("current")) {
    sides.set("current", { versionId: null, label: "Current text", createdAt: null, state: await loadDocumentState(db, documentId) });
  }
  for (const id of ids) if (!sides.has(id)) throw new AppError("NOT_FOUND", NO_VERSION);
  return sides;
}

/**
 * A readable diff of two versions' rendered text ("current" stands for the document as it reads
 * now). Diffing a version with itself shows it read-only with nothing marked.
 */
export async function diffVersions(db: Db, userId: string, input: DiffInput) {
  const access = await requireDocumentAccess(db, userId, input.id, "view");
  const sides = await loadSides(db, access.documentId, [input.fromVersionId, input.toVersionId]);
  const from = sides.get(input.fromVersionId)!;
  const to = sides.get(input.toVersionId)!;
  const diff = diffBlocks(blocksOf(contentOf(from.state)), blocksOf(contentOf(to.state)));
  const side = ({ versionId, label, createdAt }: Side) => ({ versionId, label, createdAt });
  return { from: side(from), to: side(to), ...diff };
}

/**
 * Brings back an earlier version as a new change: the state before the restore is kept as a
 * checkpoint if it had unversioned edits, the replacement reaches open editors like any edit, and
 * the result is recorded as a "restore" version.
 */
export async function restoreVersion(db: Db, publish: Publish, userId: string, input: { id: string; versionId: string }) {
  const access = await requireDocumentAccess(db, userId, input.id, "edit");
  const version = await db.documentVersion.findFirst({
    where: { id: input.versionId, documentId: access.documentId },
    select: { kind: true, name: true, state: true },
  });
  if (!version) throw new AppError("NOT_FOUND", NO_VERSION);
  return holdingCheckpoints(access.documentId, async () => {
    const current = await loadDocumentState(db, access.documentId);
    if (JSON.stringify(contentOf(current)) === JSON.stringify(contentOf(version.state))) {
      throw new AppError("CONFLICT", "The document already reads exactly like this version.");
    }
    if (await hasUnversionedEdits(db, access.documentId)) {
      await recordVersion(db, { documentId: access.documentId, kind: "auto", name: null, state: current, createdById: null });
    }
    const { update, state } = replacementUpdate(current, version.state);
    await applyServerUpdate(db, publish, access.documentId, update, userId);
    const name = `Restored “${versionLabel(version)}”`.slice(0, 120);
    return recordVersion(db, { documentId: access.documentId, kind: "restore", name, state, createdById: userId });
  });
}
