import type { Prisma } from "@/generated/prisma/client.ts";
import { pagedById } from "@/server/exports/streams";
import { csvFile } from "@/server/exports/zip/csv";
import { groupHandle, person } from "@/server/exports/zip/selects";
import { meetingPlanSelect } from "@/server/meetings/write";
import { resourceTextSelect } from "@/server/resources/dto";

/** Emails are in the file because the download is for admins, who see them in the directory too ("member.viewEmails"). */
export const membersCsv = csvFile(
  "members.csv",
  (db, { groupIds }) =>
    pagedById({ groupId: { in: groupIds } }, (page) =>
      db.membership.findMany({
        ...page,
        select: {
          id: true,
          group: groupHandle,
          role: true,
          createdAt: true,
          user: { select: { id: true, name: true, email: true, organisation: { select: { name: true } } } },
        },
      }),
    ),
  [
    ["group", (m) => m.group.handle],
    ["user_id", (m) => m.user.id],
    ["name", (m) => m.user.name],
    ["email", (m) => m.user.email],
    ["organisation", (m) => m.user.organisation?.name],
    ["role", (m) => m.role],
    ["joined_at", (m) => m.createdAt],
  ],
);

/** Drafts are included, marked by an empty published_at: admins see them in the library too. */
export const resourcesCsv = csvFile(
  "resources.csv",
  (db, { groupIds }) =>
    pagedById({ groupId: { in: groupIds } }, (page) =>
      db.resource.findMany({
        ...page,
        select: {
          id: true,
          group: groupHandle,
          ...resourceTextSelect,
          folder: { select: { name: true } },
          tags: { select: { name: true }, orderBy: { name: "asc" } },
          author: person,
          meetingId: true,
          createdAt: true,
          publishedAt: true,
          latestVersion: true,
          versions: {
            orderBy: { number: "desc" },
            take: 1,
            select: { file: { select: { sha256: true, originalName: true, contentType: true, size: true } } },
          },
        },
      }),
    ),
  [
    ["group", (r) => r.group.handle],
    ["resource_id", (r) => r.id],
    ["kind", (r) => r.kind],
    ["title", (r) => r.title],
    ["description", (r) => r.description],
    ["url", (r) => r.url],
    ["folder", (r) => r.folder?.name],
    ["tags", (r) => r.tags.map(({ name }) => name).join("; ")],
    ["author_id", (r) => r.author.id],
    ["author", (r) => r.author.name],
    ["meeting_id", (r) => r.meetingId],
    ["created_at", (r) => r.createdAt],
    ["published_at", (r) => r.publishedAt],
    ["versions", (r) => r.latestVersion],
    ["file_name", (r) => r.versions[0]?.file.originalName],
    ["content_type", (r) => r.versions[0]?.file.contentType],
    ["size", (r) => r.versions[0]?.file.size],
    ["file", (r) => (r.versions[0] ? `files/${r.versions[0].file.sha256}` : null)],
  ],
);

export const meetingsCsv = csvFile(
  "meetings.csv",
  (db, { groupIds }) =>
    pagedById({ groupId: { in: groupIds } }, (page) =>
      db.meeting.findMany({
        ...page,
        select: {
          id: true,
          group: groupHandle,
          ...meetingPlanSelect,
          minutes: true,
          createdBy: person,
          attendees: { select: { user: { select: { name: true } } }, orderBy: { user: { name: "asc" } } },
        },
      }),
    ),
  [
    ["group", (m) => m.group.handle],
    ["meeting_id", (m) => m.id],
    ["title", (m) => m.title],
    ["starts_at", (m) => m.startsAt],
    ["ends_at", (m) => m.endsAt],
    ["location", (m) => m.location],
    ["online_url", (m) => m.onlineUrl],
    ["agenda", (m) => m.agenda],
    ["minutes", (m) => m.minutes],
    ["created_by", (m) => m.createdBy.name],
    ["attendees", (m) => m.attendees.map(({ user }) => user.name).join("; ")],
  ],
);

/** Uploads attached to a thread or kept as a resource version in one of the groups. */
export function groupFilesWhere(groupIds: string[]): Prisma.StoredFileWhereInput {
  return {
    OR: [
      { attachments: { some: { thread: { groupId: { in: groupIds } } } } },
      { resourceVersions: { some: { resource: { groupId: { in: groupIds } } } } },
    ],
  };
}

/** What each file under files/ is: its name, type and where it is used; identical uploads share one file there. */
export const filesCsv = csvFile(
  "files.csv",
  (db, { groupIds }) =>
    pagedById({ ...groupFilesWhere(groupIds) }, (page) =>
      db.storedFile.findMany({
        ...page,
        select: {
          id: true,
          sha256: true,
          originalName: true,
          contentType: true,
          size: true,
          createdAt: true,
          uploadedBy: person,
          attachments: { where: { thread: { groupId: { in: groupIds } } }, select: { threadId: true } },
          resourceVersions: { where: { resource: { groupId: { in: groupIds } } }, select: { resourceId: true, number: true } },
        },
      }),
    ),
  [
    ["file", (f) => `files/${f.sha256}`],
    ["name", (f) => f.originalName],
    ["content_type", (f) => f.contentType],
    ["size", (f) => f.size],
    ["uploaded_by", (f) => f.uploadedBy.name],
    ["uploaded_at", (f) => f.createdAt],
    ["threads", (f) => f.attachments.map(({ threadId }) => threadId).join("; ")],
    ["resource_versions", (f) => f.resourceVersions.map(({ resourceId, number }) => `${resourceId} v${number}`).join("; ")],
  ],
);
