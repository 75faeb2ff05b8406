import type { RouterOutputs } from "@/lib/trpc/client";

export type ImportStatus = RouterOutputs["imports"]["list"]["items"][number]["status"];

export const STATUS_LABELS: Record<ImportStatus, string> = {
  uploaded: "Uploading",
  checking: "Checking",
  checked: "Checked, not imported yet",
  importing: "Importing",
  imported: "Imported",
  failed: "Failed",
};

/** The server is working on the run: the page asks about it every second until it is done. */
export function isAtWork(status: ImportStatus): boolean {
  return status === "uploaded" || status === "checking" || status === "importing";
}

const KINDS: Record<string, [one: string, many: string]> = {
  users: ["person", "people"],
  groups: ["group", "groups"],
  memberships: ["membership", "memberships"],
  membershipRequests: ["request to join", "requests to join"],
  threads: ["thread", "threads"],
  threadGuests: ["thread guest", "thread guests"],
  guests: ["thread guest", "thread guests"],
  threadReads: ["read marker", "read markers"],
  tags: ["tag", "tags"],
  comments: ["comment", "comments"],
  deletedComments: ["deleted comment kept for its replies", "deleted comments kept for their replies"],
  reactions: ["reaction", "reactions"],
  polls: ["poll", "polls"],
  pollOptions: ["poll option", "poll options"],
  pollVoters: ["chosen voter", "chosen voters"],
  pollTemplates: ["poll template", "poll templates"],
  votes: ["vote", "votes"],
  voteHistory: ["earlier vote", "earlier votes"],
  participations: ["note of who voted", "notes of who voted"],
  outcomes: ["outcome", "outcomes"],
  attachments: ["attached file", "attached files"],
  missingAttachments: ["attachment not migrated (name only)", "attachments not migrated (names only)"],
  folders: ["folder", "folders"],
  resources: ["resource", "resources"],
  resourceVersions: ["resource version", "resource versions"],
  meetings: ["meeting", "meetings"],
  meetingAttendees: ["meeting attendee", "meeting attendees"],
  documents: ["document", "documents"],
  documentVersions: ["document version", "document versions"],
  decisions: ["decision", "decisions"],
  decisionNotes: ["progress note on a decision", "progress notes on decisions"],
  tasks: ["task", "tasks"],
  acknowledgementRequests: ["request to acknowledge", "requests to acknowledge"],
  charters: ["charter", "charters"],
  initiatives: ["initiative", "initiatives"],
  stakeholders: ["stakeholder", "stakeholders"],
  stakeholderLinks: ["link on the stakeholder map", "links on the stakeholder map"],
  suggestions: ["suggested change", "suggested changes"],
  amendments: ["amendment", "amendments"],
  editingSessions: ["editor's writing session (for who wrote what)", "editors' writing sessions (for who wrote what)"],
  deletionRecords: ["person's record of deletions (for who wrote what)", "people's records of deletions (for who wrote what)"],
};

/** Loomio exports hold no files: what the Loomio importer counts as attachments are names and links only. */
const LOOMIO_KINDS: Record<string, [one: string, many: string]> = {
  attachments: KINDS.missingAttachments!,
};

/** "2 comments", "1 person", "3 poll options": a count of a kind the report names, as people say it. */
export function countPhrase(kind: string, count: number, format: "loomio" | "hearth"): string {
  const words = kind.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/_/g, " ").toLowerCase();
  const [one, many] = (format === "loomio" ? LOOMIO_KINDS[kind] : undefined) ?? KINDS[kind] ?? [words.replace(/s$/, ""), words];
  return `${count.toLocaleString("en-GB")} ${count === 1 ? one : many}`;
}

/** The kinds with a count above zero, in the report's order. */
export function nonZero(counts: Record<string, number>): [string, number][] {
  return Object.entries(counts).filter(([, count]) => count > 0);
}
