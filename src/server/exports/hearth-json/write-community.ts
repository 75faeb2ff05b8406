import type { Db } from "@/server/db";
import type { ExportRecord } from "@/server/exports/hearth-json/format";
import type { LineWriter } from "@/server/exports/hearth-json/line-writer";
import { initiativePages, stakeholderPages } from "@/server/exports/community-rows";
import { pagesById } from "@/server/exports/streams";

/** Charters, initiatives and stakeholders per page: each carries its versions, signatures, tags or thread links. */
const PAGE = 100;

/** The groups' charters, each with every saved version and its organisations' signatures (by organisation name). */
export async function writeCharters(db: Db, w: LineWriter, groupIds: readonly string[]): Promise<void> {
  const batches = pagesById(
    { groupId: { in: [...groupIds] } },
    (page) =>
      db.charter.findMany({
        ...page,
        select: {
          id: true,
          groupId: true,
          body: true,
          isPublic: true,
          createdAt: true,
          updatedAt: true,
          versions: { select: { number: true, body: true, createdById: true, createdAt: true }, orderBy: { number: "asc" } },
          signatures: {
            select: {
              organisation: { select: { name: true } },
              status: true,
              requestedById: true,
              decidedById: true,
              signedOn: true,
              note: true,
              createdAt: true,
              decidedAt: true,
            },
            orderBy: { organisation: { name: "asc" } },
          },
        },
      }),
    PAGE,
  );
  for await (const page of batches) {
    await w.records(
      page.map(({ signatures, ...charter }): ExportRecord => ({
        type: "charter",
        data: { ...charter, signatures: signatures.map(({ organisation, ...signature }) => ({ organisation: organisation.name, ...signature })) },
      })),
      page.flatMap(({ versions, signatures }) => [
        ...versions.map(({ createdById }) => createdById),
        ...signatures.flatMap(({ requestedById, decidedById }) => [requestedById, decidedById]),
      ]),
    );
  }
}

/** The groups' initiatives, after the threads about them; a thread of a group left out of the file is not listed. */
export async function writeInitiatives(db: Db, w: LineWriter, groupIds: readonly string[]): Promise<void> {
  for await (const page of initiativePages(db, { groupId: { in: [...groupIds] } }, { threadGroupIds: groupIds, take: PAGE })) {
    await w.records(
      page.map((initiative): ExportRecord => ({
        type: "initiative",
        data: {
          id: initiative.id,
          groupId: initiative.groupId,
          name: initiative.name,
          description: initiative.description,
          organisation: initiative.organisation?.name ?? null,
          contact: initiative.contact,
          area: initiative.area,
          website: initiative.website,
          createdById: initiative.createdBy?.id ?? null,
          createdAt: initiative.createdAt,
          updatedAt: initiative.updatedAt,
          tags: initiative.tags.map(({ tag }) => tag),
          threadIds: initiative.threads.map(({ thread }) => thread.id),
        },
      })),
      page.map(({ createdBy }) => createdBy?.id ?? null),
    );
  }
}

/**
 * The groups' stakeholder maps: every stakeholder (after the initiatives), then the links between
 * them, so both ends of a link come before it. An initiative or stakeholder of a group left out
 * of the file is not referred to.
 */
export async function writeStakeholders(db: Db, w: LineWriter, groupIds: readonly string[]): Promise<void> {
  const inFile = [...groupIds];
  const inGroups = new Set(inFile);
  for await (const page of stakeholderPages(db, inFile, PAGE)) {
    await w.records(
      page.map((stakeholder): ExportRecord => ({
        type: "stakeholder",
        data: {
          id: stakeholder.id,
          groupId: stakeholder.groupId,
          name: stakeholder.name,
          kind: stakeholder.kind === "person" ? "person" : "organisation",
          organisation: stakeholder.organisation?.name ?? null,
          // An initiative of a group left out of the file is not referred to.
          initiativeId: stakeholder.initiative && inGroups.has(stakeholder.initiative.groupId) ? stakeholder.initiative.id : null,
          sector: stakeholder.sector,
          relationship: stakeholder.relationship,
          notes: stakeholder.notes,
          x: stakeholder.x,
          y: stakeholder.y,
          createdAt: stakeholder.createdAt,
          updatedAt: stakeholder.updatedAt,
        },
      })),
    );
  }
  const links = pagesById(
    { groupId: { in: inFile }, from: { groupId: { in: inFile } }, to: { groupId: { in: inFile } } },
    (page) => db.stakeholderLink.findMany({ ...page, select: { id: true, groupId: true, fromId: true, toId: true, kind: true, createdAt: true } }),
  );
  for await (const page of links) await w.records(page.map((data): ExportRecord => ({ type: "stakeholder_link", data })));
}
