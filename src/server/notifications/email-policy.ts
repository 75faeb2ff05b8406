import type { EmailLevel, NotificationKind } from "@/server/notifications/schemas";

/** What "only mentions, replies and decisions" means: things addressed to you, and decisions. */
const IMPORTANT_KINDS: ReadonlySet<NotificationKind> = new Set([
  "mention",
  "reply",
  "poll_closing",
  "poll_outcome",
  "membership_request",
  "invitation_accepted",
  "meeting_changed",
]);

/**
 * Whether a notification of `kind` is also emailed right away to someone at `level`.
 * In-app notifications are never affected; this only decides immediate email.
 *
 * | level     | sends                                                                 |
 * |-----------|-----------------------------------------------------------------------|
 * | all       | every kind                                                            |
 * | important | mention, reply, poll_closing, poll_outcome, membership_request,       |
 * |           | invitation_accepted, meeting_changed (not new_thread, new_poll,       |
 * |           | resource_published, meeting_new)                                      |
 * | digest    | nothing immediately (the daily digest will carry it)                  |
 * | none      | nothing                                                               |
 *
 * `threadFollow` is the person's choice for the thread the notification is about (undefined when
 * they made none, or it is not about a thread). Muted (false) sends nothing about that thread, not
 * even a mention: people mute a thread to stop its email, and the bell still shows everything.
 * Following (true) has no email effect yet beyond the level.
 */
export function emailDecision(level: EmailLevel, kind: NotificationKind, threadFollow?: boolean): "send" | "skip" {
  if (threadFollow === false) return "skip";
  if (level === "all") return "send";
  if (level === "important") return IMPORTANT_KINDS.has(kind) ? "send" : "skip";
  return "skip";
}
