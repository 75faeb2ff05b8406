import type { EmailContent } from "@/server/mail/template";
import { LEVEL_SENTENCES } from "@/server/notifications/levels";
import type { EmailLevel, NotificationKind } from "@/server/notifications/schemas";

const ACTION_LABELS: Record<NotificationKind, string> = {
  mention: "Open the comment",
  reply: "Open the reply",
  new_comment: "Open the comment",
  new_thread: "Open the thread",
  new_poll: "Open the poll",
  poll_closing: "Vote now",
  poll_outcome: "See the decision",
  invitation_accepted: "See the members",
  membership_request: "Review the request",
  resource_published: "Open the resource",
  meeting_new: "See the meeting",
  meeting_changed: "See the meeting",
  task_assigned: "See the task",
  task_due: "See your tasks",
  decision_review: "Review the decision",
  ack_requested: "Read and acknowledge",
  signature_requested: "Review the request",
};

/** The group's name leads every subject, so a mailbox can be sorted and filtered by group. */
export function withGroup(subject: string, groupName: string | null): string {
  return groupName && !subject.includes(groupName) ? `[${groupName}] ${subject}` : subject;
}

function subjectLine(kind: NotificationKind, title: string, summary: string): string {
  if (kind === "poll_outcome") return `Outcome: ${title}`;
  if (kind === "poll_closing") return `Closing soon: ${title}`;
  return summary;
}

export type NotificationEmailFacts = {
  kind: NotificationKind;
  title: string;
  /** The sentence the bell shows, e.g. "Priya Shah mentioned you in “Charter”". */
  summary: string;
  groupName: string | null;
  /** Email-only paragraphs: an excerpt of the comment, an outcome statement. */
  details: readonly string[];
  /** Absolute links. */
  itemUrl: string;
  settingsUrl: string;
  unsubscribePageUrl: string;
  /** Why this person gets it: their level, or because they follow the thread. */
  reason: { level: EmailLevel } | { following: true };
};

/** One notification as an email: the subject, the same sentence as in the app, a link straight to the item, and a way out. */
export function notificationEmail(facts: NotificationEmailFacts): { subject: string; content: EmailContent } {
  const where = facts.groupName ?? "your account";
  const why =
    "following" in facts.reason
      ? "You get this email because you follow this thread."
      : `You get this email because your email setting for ${where} is “${LEVEL_SENTENCES[facts.reason.level].label}”.`;
  return {
    subject: withGroup(subjectLine(facts.kind, facts.title, facts.summary), facts.groupName),
    content: {
      heading: facts.summary,
      paragraphs: facts.details.length ? [...facts.details] : [facts.groupName ? `In ${facts.groupName}.` : "On Hearth."],
      action: { label: ACTION_LABELS[facts.kind], url: facts.itemUrl },
      footer: why,
      footerLinks: [
        { label: "Change your email settings", url: facts.settingsUrl },
        { label: facts.groupName ? `Unsubscribe from ${facts.groupName} emails` : "Unsubscribe", url: facts.unsubscribePageUrl },
      ],
    },
  };
}
