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
  "task_assigned",
  "task_due",
  "decision_review",
  "ack_requested",
  "signature_requested",
]);

/**
 * Whether a notification of `kind` is also emailed right away to someone at `level`.
 * In-app notifications are never affected; this only decides immediate email.
 *
 * | level     | not about a thread you chose for | thread you follow  | thread you muted |
 * |-----------|----------------------------------|--------------------|------------------|
 * | all       | every kind                       | send               | skip             |
 * | important | mention, reply, poll_closing,    | send               | skip             |
 * |           | poll_outcome, membership_request,|                    |                  |
 * |           | invitation_accepted,             |                    |                  |
 * |           | meeting_changed, task_assigned,  |                    |                  |
 * |           | task_due, decision_review,       |                    |                  |
 * |           | ack_requested,                   |                    |                  |
 * |           | signature_requested              |                    |                  |
 * | digest    | nothing now (the digest has it)  | send               | skip             |
 * | none      | nothing                          | skip               | skip             |
 *
 * `threadFollow` is the person's choice for the thread the notification is about (undefined when
 * they made none, when they follow it only because they started or commented in it, or when it is
 * not about a thread). As in Loomio and Discourse, following a thread
 * ("watching" it) means hearing about everything in it at once: every new comment (new_comment
 * notifications go to followers only), poll and outcome is emailed even at "important" or
 * "digest". Only "none" wins over following, so "Email me nothing" and one-click unsubscribe
 * always mean no email. Muting sends nothing about that thread, not even a mention; the bell
 * still shows everything.
 */
export function emailDecision(level: EmailLevel, kind: NotificationKind, threadFollow?: boolean): "send" | "skip" {
  if (threadFollow === false || level === "none") return "skip";
  if (threadFollow === true || level === "all") return "send";
  if (level === "important") return IMPORTANT_KINDS.has(kind) ? "send" : "skip";
  return "skip";
}
