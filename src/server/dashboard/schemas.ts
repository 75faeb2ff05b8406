import { z } from "zod";
import { zGroupSummary } from "@/server/groups/schemas";
import { zMeetingSummary } from "@/server/meetings/schemas";
import { zNotificationDto } from "@/server/notifications/schemas";
import { zPollKind } from "@/server/polls/schemas";

/** How many items each section of the dashboard shows; its total says how many there are in all. */
export const DASHBOARD_SECTION_SIZE = 5;
/** Meetings this far ahead, and resources published this far back, count as news. */
export const DASHBOARD_WINDOW_DAYS = 14;
/** Unread threads are looked for among this many of the caller's most recently active threads. */
export const DASHBOARD_THREAD_SCAN = 500;

const zGroupRef = z.object({ id: z.string(), name: z.string(), handle: z.string() });

const section = <T extends z.ZodType>(item: T) => z.object({ total: z.number().int(), items: z.array(item) });

export const zDashboard = z.object({
  /** Open polls the caller may vote in and has not, closing soonest first. */
  awaitingVote: section(
    z.object({ id: z.string(), title: z.string(), kind: zPollKind, closingAt: z.date(), group: zGroupRef }),
  ),
  /** Threads with comments the caller has not read, or never opened; latest activity first. */
  unreadThreads: section(
    z.object({
      id: z.string(),
      title: z.string(),
      unreadCount: z.number().int(),
      unseen: z.boolean(),
      lastActivityAt: z.date(),
      group: zGroupRef,
    }),
  ),
  /** Unread mentions of and replies to the caller, newest first. */
  mentions: section(zNotificationDto),
  /** Meetings not over yet that start within the window, soonest first. */
  meetings: section(zMeetingSummary.extend({ group: zGroupRef })),
  /** Resources published within the window, newest first. */
  resources: section(
    z.object({ id: z.string(), title: z.string(), kind: z.enum(["file", "link"]), publishedAt: z.date(), group: zGroupRef }),
  ),
  /** For groups the caller decides requests in: how many wait in each, most first; the total counts requests. */
  pendingRequests: section(z.object({ group: zGroupRef, count: z.number().int() })),
  /** The caller's groups, parents before subgroups, with what is waiting in each. */
  groups: z.array(zGroupSummary.extend({ unreadThreadCount: z.number().int(), openPollCount: z.number().int() })),
});
export type Dashboard = z.infer<typeof zDashboard>;
