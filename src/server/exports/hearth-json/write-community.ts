import type { Db } from "@/server/db";
import type { ExportRecord } from "@/server/exports/hearth-json/format";
import type { LineWriter } from "@/server/exports/hearth-json/line-writer";
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
  const inFile = [...groupIds];
  const batches = pagesById(
    { groupId: { in: inFile } },
    (page) =>
      db.initiative.findMany({
        ...page,
        select: {
          id: true,
          groupId: true,
          name: true,
          description: true,
          organisation: { select: { name: true } },
          contact: true,
          area: true,
          website: true,
          createdById: true,
          createdAt: true,
          updatedAt: true,
          tags: { select: { tag: true }, orderBy: { tag: "asc" } },
          threads: { where: { thread: { groupId: { in: inFile } } }, select: { threadId: true }, orderBy: { threadId: "asc" } },
        },
      }),
    PAGE,
  );
  for await (const page of batches) {
    await w.records(
      page.map(({ organisation, tags, threads, ...initiative }): ExportRecord => ({
        type: "initiative",
        data: { ...initiative, organisation: organisation?.name ?? null, tags: tags.map(({ tag }) => tag), threadIds: threads.map(({ threadId }) => threadId) },
      })),
      page.map(({ createdById }) => createdById),
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
  const stakeholders = pagesById(
    { groupId: { in: inFile } },
    (page) =>
      db.stakeholder.findMany({
        ...page,
        select: {
          id: true,
          groupId: true,
          name: true,
          kind: true,
          organisation: { select: { name: true } },
          initiativeId: true,
          initiative: { select: { groupId: true } },
          sector: true,
          relationship: true,
          notes: true,
          x: true,
          y: true,
          createdAt: true,
          updatedAt: true,
        },
      }),
    PAGE,
  );
  const inGroups = new Set(inFile);
  for await (const page of stakeholders) {
    await w.records(
      page.map(({ organisation, initiative, kind, ...stakeholder }): ExportRecord => ({
        type: "stakeholder",
        data: {
          ...stakeholder,
          kind: kind === "person" ? "person" : "organisation",
          organisation: organisation?.name ?? null,
          initiativeId: initiative && inGroups.has(initiative.groupId) ? stakeholder.initiativeId : null,
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
