import type { NotificationKind } from "@/server/notifications/schemas";

type Facts = { kind: NotificationKind; title: string; actorName: string | null; groupName: string | null };

/** The sentence a notification reads as, built on the server so the bell, the page and email agree. */
export function summarize({ kind, title, actorName, groupName }: Facts): string {
  const actor = actorName ?? "Someone";
  const inGroup = groupName ? ` in ${groupName}` : "";
  switch (kind) {
    case "mention":
      return `${actor} mentioned you in “${title}”`;
    case "reply":
      return `${actor} replied to your comment in “${title}”`;
    case "new_thread":
      return `${actor} started “${title}”${inGroup}`;
    case "new_poll":
      return `${actor} asks for your vote on “${title}”${inGroup}`;
    case "poll_closing":
      return `“${title}” closes within a day and you have not voted yet`;
    case "poll_outcome":
      return `${actor} shared the outcome of “${title}”`;
    case "invitation_accepted":
      return `${actor} accepted your invitation to ${title}`;
    case "membership_request":
      return `${actor} asks to join ${title}`;
    case "resource_published":
      return `${actor} published “${title}”${inGroup}`;
    case "meeting_new":
      return `${actor} scheduled the meeting “${title}”${inGroup}`;
    case "meeting_changed":
      return `${actor} changed the meeting “${title}”${inGroup}`;
    case "new_comment":
      return `${actor} commented in “${title}”`;
    case "task_assigned":
      return `${actor} gave you a task: “${title}”`;
    case "task_due":
      return `Your task “${title}” is due`;
    case "decision_review":
      return `The decision “${title}” is due for review`;
    case "ack_requested":
      return `${actor} asks you to acknowledge “${title}”`;
    case "signature_requested":
      return `${actor} asks to sign the charter of ${title}`;
  }
}
