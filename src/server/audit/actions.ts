/**
 * Every kind of audit entry Hearth writes, with the sentence an admin reads for it. The sentence
 * is built when the log is read, from what the entry stored at the time (the subject's name, the
 * values before and after), so it outlives the thing it names.
 */

/** One stored value: the audit keeps plain values only, never objects, so every cell of the CSV is text. */
export type AuditValue = string | number | boolean | null;
export type AuditValues = Record<string, AuditValue>;

export type AuditSubjectType =
  | "group"
  | "person"
  | "invitation"
  | "thread"
  | "comment"
  | "poll"
  | "resource"
  | "folder"
  | "meeting"
  | "document"
  | "decision"
  | "charter"
  | "initiative";

/** What a sentence is built from: the subject's name as it was, and the stored values. */
export type AuditFacts = { subjectType: string; label: string; before: AuditValues; after: AuditValues };

type ActionRule = {
  subjects: readonly AuditSubjectType[];
  /** The sentence after the actor's name, e.g. "changed Sam Rivers's role from member to admin". */
  describe: (facts: AuditFacts) => string;
  /** Done by Hearth itself, so the entry has no actor. */
  bySystem?: true;
};

const text = (value: AuditValue | undefined) => (value === null || value === undefined ? "" : String(value));
const quoted = (label: string) => `“${label}”`;
const withRole = (role: AuditValue | undefined) => (text(role) === "admin" ? "an admin" : `a ${text(role) || "member"}`);
const possessive = (name: string) => `${name}'s`;
const formatName = (format: AuditValue | undefined) => (text(format) === "json" ? "JSON" : text(format) === "zip" ? "ZIP" : text(format));
const source = (format: AuditValue | undefined) => (text(format) === "hearth" ? "a Hearth export" : "a Loomio export");
const viaCommandLine = (via: AuditValue | undefined) => (text(via) === "command line" ? " on the command line" : "");

/** The labels a person sees beside a stored value, for the details of an entry and the settings sentence. */
export const FIELD_LABELS: Record<string, string> = {
  name: "Name",
  handle: "Handle",
  description: "Description",
  logo: "Logo",
  membersCanInvite: "Members can invite people",
  membersCanPropose: "Members can start polls and proposals",
  membersCanAddResources: "Members can add to the library",
  parent: "Parent group",
  role: "Role",
  to: "Invited to",
  invitedBy: "Invited by",
  group: "Group",
  guests: "Guests",
  author: "Written by",
  comments: "Comments",
  polls: "Polls",
  closingAt: "Closes",
  format: "Format",
  via: "Imported with",
  created: "Created",
  expiresAt: "Expires",
  status: "Status",
  owner: "Owner",
  reviewOn: "Review on",
  supersededBy: "Superseded by",
};

export const fieldLabel = (field: string) => FIELD_LABELS[field] ?? field;

function listed(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

function guestsWithdrawn(before: AuditValues): string {
  return text(before.guests) ? `, withdrawing guest access from ${text(before.guests)}` : "";
}

export const AUDIT_ACTIONS = {
  "group.settings_changed": {
    subjects: ["group"],
    describe: ({ after }) => `changed the group's settings: ${listed(Object.keys(after).map((field) => fieldLabel(field).toLowerCase()))}`,
  },
  "group.exported": { subjects: ["group"], describe: ({ after }) => `downloaded all of the group's data (${formatName(after.format)})` },
  "group.imported": {
    subjects: ["group"],
    describe: ({ after }) => `imported the group's data from ${source(after.format)}${viaCommandLine(after.via)}`,
  },
  "invitation.sent": {
    subjects: ["invitation"],
    describe: ({ label, after }) => `invited ${label} as ${withRole(after.role)}${text(after.to) ? ` to ${text(after.to)}` : ""}`,
  },
  "invitation.resent": { subjects: ["invitation"], describe: ({ label }) => `sent the invitation to ${label} again, with a new link` },
  "invitation.revoked": { subjects: ["invitation"], describe: ({ label }) => `revoked the invitation to ${label}` },
  "membership_request.approved": { subjects: ["person"], describe: ({ label }) => `approved ${possessive(label)} request to join the group` },
  "membership_request.declined": { subjects: ["person"], describe: ({ label }) => `declined ${possessive(label)} request to join the group` },
  "member.role_changed": {
    subjects: ["person"],
    describe: ({ label, before, after }) => `changed ${possessive(label)} role from ${text(before.role)} to ${text(after.role)}`,
  },
  "member.removed": { subjects: ["person"], describe: ({ label }) => `removed ${label} from the group` },
  "member.left": { subjects: ["person"], describe: () => "left the group" },
  "guest.access_granted": {
    subjects: ["thread", "document"],
    describe: ({ subjectType, label, after }) =>
      `joined as a guest of the ${subjectType} ${quoted(label)}${text(after.invitedBy) ? `, invited by ${text(after.invitedBy)}` : ""}`,
  },
  "thread.moved_out": {
    subjects: ["thread"],
    describe: ({ label, before, after }) => `moved the thread ${quoted(label)} to the group ${quoted(text(after.group))}${guestsWithdrawn(before)}`,
  },
  "thread.moved_in": {
    subjects: ["thread"],
    describe: ({ label, before }) => `moved the thread ${quoted(label)} here from the group ${quoted(text(before.group))}`,
  },
  "thread.pinned": { subjects: ["thread"], describe: ({ label }) => `pinned the thread ${quoted(label)}` },
  "thread.unpinned": { subjects: ["thread"], describe: ({ label }) => `unpinned the thread ${quoted(label)}` },
  "thread.closed": { subjects: ["thread"], describe: ({ label }) => `closed the thread ${quoted(label)} to new comments` },
  "thread.reopened": { subjects: ["thread"], describe: ({ label }) => `reopened the thread ${quoted(label)} to new comments` },
  "thread.deleted": { subjects: ["thread"], describe: ({ label }) => `deleted the thread ${quoted(label)}` },
  "comment.deleted": {
    subjects: ["comment"],
    describe: ({ label, before }) => `deleted a comment by ${text(before.author) || "someone"} in the thread ${quoted(label)}`,
  },
  "poll.closed": { subjects: ["poll"], describe: ({ label }) => `closed the poll ${quoted(label)}` },
  "poll.closed_on_time": { subjects: ["poll"], bySystem: true, describe: ({ label }) => `closed the poll ${quoted(label)} at its closing time` },
  "poll.reopened": { subjects: ["poll"], describe: ({ label }) => `reopened the poll ${quoted(label)}` },
  "poll.deleted": { subjects: ["poll"], describe: ({ label }) => `deleted the poll ${quoted(label)}` },
  "resource.deleted": { subjects: ["resource"], describe: ({ label }) => `deleted the resource ${quoted(label)}` },
  "folder.deleted": { subjects: ["folder"], describe: ({ label }) => `deleted the folder ${quoted(label)}` },
  "meeting.deleted": { subjects: ["meeting"], describe: ({ label }) => `deleted the meeting ${quoted(label)}` },
  "decision.updated": { subjects: ["decision"], describe: ({ label }) => `updated the decision ${quoted(label)}` },
  "charter.updated": {
    subjects: ["charter"],
    describe: ({ after }) =>
      [after.version !== undefined && `saved version ${text(after.version)} of the charter`, after.isPublic !== undefined && (after.isPublic ? "made the charter public" : "made the charter private")]
        .filter(Boolean)
        .join(" and ") || "changed the charter",
  },
  "charter.signature_approved": { subjects: ["charter"], describe: ({ label }) => `approved ${possessive(label)} signature of the charter` },
  "charter.signature_declined": { subjects: ["charter"], describe: ({ label }) => `declined ${possessive(label)} request to sign the charter` },
  "initiative.deleted": { subjects: ["initiative"], describe: ({ label }) => `deleted the initiative ${quoted(label)}` },
} as const satisfies Record<string, ActionRule>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, action);
}

/** Who did it, as the log names them: Hearth for its own actions, and a plain phrase once the account is gone. */
export function actorName(action: string, actor: { name: string } | null): string {
  if (actor) return actor.name;
  return isAuditAction(action) && "bySystem" in AUDIT_ACTIONS[action] ? "Hearth" : "Someone whose account was deleted";
}

/** The whole sentence, e.g. "Morgan Staff changed Sam Rivers's role from member to admin". */
export function auditSentence(action: string, actor: { name: string } | null, facts: AuditFacts): string {
  const rest = isAuditAction(action) ? AUDIT_ACTIONS[action].describe(facts) : `did “${action}” to ${facts.label}`;
  return `${actorName(action, actor)} ${rest}`;
}
