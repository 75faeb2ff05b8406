import type { Prisma } from "@/generated/prisma/client.ts";
import type { Db } from "@/server/db";
import { fileSummarySelect, toFileSummary } from "@/server/files/service";
import { cookMarkdown } from "@/server/markdown/cook";
import { requireMeeting } from "@/server/meetings/access";
import { meetingSummarySelect, toMeetingSummary } from "@/server/meetings/list";
import type { MeetingDetail } from "@/server/meetings/schemas";
import { canInGroup } from "@/server/policy";
import { visibleThreadsWhere } from "@/server/threads/access";

/**
 * One meeting with everything its page shows: attendees, agenda and minutes, the resources
 * attached (published ones; drafts too for those who manage the library) and the threads and
 * polls linked to it that the viewer may see. A fixed number of queries, whatever the counts.
 */
export async function getMeeting(db: Db, userId: string, meetingId: string): Promise<MeetingDetail> {
  const { standing } = await requireMeeting(db, userId, meetingId);
  const canSeeResources = canInGroup(standing, "resource.view");
  const resourceWhere: Prisma.ResourceWhereInput = canInGroup(standing, "resource.manage") ? {} : { publishedAt: { not: null } };
  const pollWhere: Prisma.PollWhereInput = canInGroup(standing, "thread.viewAll")
    ? {}
    : { OR: [{ voters: { some: { userId } } }, { thread: { guests: { some: { userId } } } }] };
  const row = await db.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: {
      ...meetingSummarySelect(userId),
      group: { select: { id: true, name: true, handle: true } },
      agenda: true,
      revision: true,
      createdAt: true,
      updatedAt: true,
      createdBy: { select: { id: true, name: true } },
      attendees: { select: { user: { select: { id: true, name: true } } }, orderBy: { user: { name: "asc" } } },
      resources: {
        where: canSeeResources ? resourceWhere : { id: { in: [] } },
        select: {
          id: true,
          title: true,
          kind: true,
          url: true,
          publishedAt: true,
          versions: { orderBy: { number: "desc" }, take: 1, select: { file: { select: fileSummarySelect } } },
        },
        orderBy: [{ title: "asc" }, { id: "asc" }],
      },
      threads: { where: visibleThreadsWhere(standing, userId), select: { id: true, title: true }, orderBy: { createdAt: "asc" } },
      polls: { where: pollWhere, select: { id: true, title: true, closedAt: true, closingAt: true }, orderBy: { createdAt: "asc" } },
    },
  });
  const now = new Date();
  return {
    ...toMeetingSummary({ ...row, attendees: row.attendees.filter(({ user }) => user.id === userId).map(({ user }) => ({ userId: user.id })) }),
    group: row.group,
    agenda: row.agenda,
    minutes: row.minutes,
    agendaHtml: cookMarkdown(row.agenda),
    minutesHtml: cookMarkdown(row.minutes),
    revision: row.revision,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    attendees: row.attendees.map(({ user }) => user),
    resources: row.resources.map((resource) => ({
      id: resource.id,
      title: resource.title,
      kind: resource.kind,
      draft: resource.publishedAt === null,
      url: resource.kind === "link" ? resource.url : null,
      file: resource.kind === "file" && resource.versions[0] ? toFileSummary(resource.versions[0].file) : null,
    })),
    threads: row.threads,
    polls: row.polls.map((poll) => ({ id: poll.id, title: poll.title, closed: poll.closedAt !== null || poll.closingAt <= now })),
    viewer: {
      canManage: canInGroup(standing, "meeting.manage"),
      canAddResource: canInGroup(standing, "resource.create"),
      canStartThread: canInGroup(standing, "thread.create"),
      canStartPoll: canInGroup(standing, "poll.create"),
    },
  };
}
