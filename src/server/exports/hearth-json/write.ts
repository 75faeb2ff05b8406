import type { Prisma } from "@/generated/prisma/client.ts";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportHeader, type ExportRecord } from "@/server/exports/hearth-json/format";
import { LineWriter } from "@/server/exports/hearth-json/line-writer";
import { pagesById } from "@/server/exports/streams";
import { meetingPlanSelect } from "@/server/meetings/write";
import { resourceTextSelect } from "@/server/resources/dto";
import { writeDocuments } from "@/server/exports/hearth-json/write-documents";
import { writeAckRequests, writeDecisions, writeTasks } from "@/server/exports/hearth-json/write-decisions";
import { writeCharters, writeInitiatives, writeStakeholders } from "@/server/exports/hearth-json/write-community";
import { fileMetaOf, writeStandalonePolls, writeThreads } from "@/server/exports/hearth-json/write-threads";

/**
 * The group and its subgroups, level by level so that every parent comes before its children.
 * With `only`, a subgroup comes only when listed there (and its parent came).
 */
async function writeGroups(db: Db, w: LineWriter, topId: string, only?: readonly string[]): Promise<string[]> {
  const select = {
    id: true,
    parentId: true,
    name: true,
    handle: true,
    description: true,
    membersCanInvite: true,
    membersCanPropose: true,
    membersCanAddResources: true,
    votingRuleDefaults: true,
    createdAt: true,
    updatedAt: true,
  } as const;
  const record = ({ votingRuleDefaults, ...group }: Prisma.GroupGetPayload<{ select: typeof select }>): ExportRecord => ({
    type: "group",
    data: { ...group, votingRuleDefaults: ruleDefaultsOf(votingRuleDefaults) },
  });
  const top = await db.group.findUniqueOrThrow({ where: { id: topId }, select });
  // The top group's parent is not in the file: it arrives as a top-level group.
  await w.records([record({ ...top, parentId: null })]);
  const order = [top.id];
  let level = [top.id];
  while (level.length > 0) {
    const id = only ? { in: [...only], notIn: order } : { notIn: order };
    const children = await db.group.findMany({ where: { parentId: { in: level }, id }, select, orderBy: { id: "asc" } });
    await w.records(children.map(record));
    level = children.map(({ id }) => id);
    order.push(...level);
  }
  return order;
}

async function writeMemberships(db: Db, w: LineWriter, groupId: string): Promise<void> {
  const batches = pagesById({ groupId }, (page) =>
    db.membership.findMany({
      ...page,
      select: { id: true, groupId: true, userId: true, role: true, invitedById: true, createdAt: true },
    }),
  );
  for await (const page of batches) {
    await w.records(page.map((data): ExportRecord => ({ type: "membership", data })), page.flatMap(({ userId, invitedById }) => [userId, invitedById]));
  }
}

/** The group's default voting rules as an object; "{}" (none) for text that is not a JSON object. */
function ruleDefaultsOf(text: string): Record<string, unknown> {
  const value = parsedSettings(text);
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function parsedSettings(settings: string): unknown {
  try {
    return JSON.parse(settings);
  } catch {
    return settings;
  }
}

async function writePollTemplates(db: Db, w: LineWriter, groupId: string): Promise<void> {
  const batches = pagesById({ groupId }, (page) =>
    db.pollTemplate.findMany({
      ...page,
      select: { id: true, groupId: true, name: true, kind: true, settings: true, createdAt: true },
    }),
  );
  for await (const page of batches) {
    await w.records(page.map(({ settings, ...template }): ExportRecord => ({ type: "poll_template", data: { ...template, settings: parsedSettings(settings) } })));
  }
}

/** Folders level by level, parents first; only the ids of one level are held at a time. */
async function writeFolders(db: Db, w: LineWriter, groupId: string): Promise<void> {
  let parents: string[] | null = null;
  while (parents === null || parents.length > 0) {
    const level: string[] = [];
    const parentWhere: { parentId: null } | { parentId: { in: string[] } } = parents === null ? { parentId: null } : { parentId: { in: parents } };
    const batches = pagesById({ groupId, ...parentWhere }, (page) =>
      db.folder.findMany({
        ...page,
        select: { id: true, groupId: true, parentId: true, name: true, createdById: true, createdAt: true },
      }),
    );
    for await (const page of batches) {
      await w.records(page.map((data): ExportRecord => ({ type: "folder", data })), page.map(({ createdById }) => createdById));
      level.push(...page.map(({ id }) => id));
    }
    parents = level;
  }
}

async function writeMeetings(db: Db, w: LineWriter, groupId: string): Promise<void> {
  const batches = pagesById({ groupId }, (page) =>
    db.meeting.findMany({
      ...page,
      select: {
        id: true,
        groupId: true,
        ...meetingPlanSelect,
        minutes: true,
        createdById: true,
        revision: true,
        createdAt: true,
        updatedAt: true,
        attendees: { select: { meetingId: true, userId: true }, orderBy: { userId: "asc" } },
      },
    }),
  );
  for await (const page of batches) {
    await w.records(
      page.flatMap(({ attendees, ...meeting }): ExportRecord[] => [
        { type: "meeting", data: meeting },
        ...attendees.map((data): ExportRecord => ({ type: "meeting_attendee", data })),
      ]),
      page.flatMap(({ createdById, attendees }) => [createdById, ...attendees.map(({ userId }) => userId)]),
    );
  }
}

async function writeResources(db: Db, w: LineWriter, groupId: string): Promise<void> {
  const batches = pagesById(
    { groupId },
    (page) =>
      db.resource.findMany({
        ...page,
        select: {
          id: true,
          groupId: true,
          folderId: true,
          meetingId: true,
          ...resourceTextSelect,
          authorId: true,
          publishedAt: true,
          publishedById: true,
          createdAt: true,
          updatedAt: true,
          tags: { select: { name: true }, orderBy: { name: "asc" } },
          versions: {
            select: {
              id: true,
              resourceId: true,
              number: true,
              uploadedById: true,
              note: true,
              createdAt: true,
              file: { select: { originalName: true, contentType: true, size: true, sha256: true } },
            },
            orderBy: { number: "asc" },
          },
        },
      }),
    100,
  );
  for await (const page of batches) {
    await w.records(
      page.flatMap(({ tags, versions, ...resource }): ExportRecord[] => [
        { type: "resource", data: { ...resource, tags: tags.map(({ name }) => name) } },
        ...versions.map(({ file, ...version }): ExportRecord => ({ type: "resource_version", data: { ...version, file: fileMetaOf(file) } })),
      ]),
      page.flatMap(({ authorId, publishedById, versions }) => [authorId, publishedById, ...versions.map(({ uploadedById }) => uploadedById)]),
    );
  }
}

/**
 * Writes a whole group (its subgroups included) to `out` in Hearth's export format
 * (docs/export-format.md), streaming: every table is read a page at a time and writing waits
 * whenever `out` asks it to. Leaves `out` open for the caller to end. Holds no secrets: no
 * password hashes, tokens, receipts or change keys, and no voter identity in anonymous polls.
 */
export async function writeGroupExport(
  db: Db,
  groupId: string,
  out: NodeJS.WritableStream,
  /** `groupIds`: the subgroups to include (a download takes only those its requester may export); all when absent. */
  options: { groupIds?: readonly string[] } = {},
): Promise<{ lines: number }> {
  const top = await db.group.findUnique({ where: { id: groupId }, select: { id: true, handle: true, name: true } });
  if (!top) throw new AppError("NOT_FOUND", "That group does not exist.");
  const w = new LineWriter(db, out);
  await w.write({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date(), group: top } satisfies ExportHeader);
  const groupIds = await writeGroups(db, w, top.id, options.groupIds);
  for (const id of groupIds) {
    await writeMemberships(db, w, id);
    await writePollTemplates(db, w, id);
    await writeFolders(db, w, id);
    await writeMeetings(db, w, id);
    await writeResources(db, w, id);
    await writeThreads(db, w, id);
    await writeStandalonePolls(db, w, id);
    await writeDocuments(db, w, id);
  }
  // Across all the groups, as they link polls, versions, threads and meetings written above.
  await writeDecisions(db, w, groupIds);
  await writeTasks(db, w, groupIds);
  await writeAckRequests(db, w, groupIds);
  // The community around the groups: initiatives link threads written above, stakeholders link initiatives.
  await writeCharters(db, w, groupIds);
  await writeInitiatives(db, w, groupIds);
  await writeStakeholders(db, w, groupIds);
  return { lines: w.lines };
}
