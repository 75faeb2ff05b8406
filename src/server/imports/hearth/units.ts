import type { RecordType } from "@/server/exports/hearth-json/format";
import type { Handler, IdMap, ImportContext, Outcome } from "@/server/imports/hearth/context";
import { importCharter, importInitiative, importStakeholder, importStakeholderLink } from "@/server/imports/hearth/community-records";
import { importAckRequest, importDecision, importDecisionNote, importTask } from "@/server/imports/hearth/decision-records";
import { importFolder, importGroup, importMeeting, importMeetingAttendee, importMembership, importPollTemplate, importUser } from "@/server/imports/hearth/group-records";
import { importDocument, importDocumentVersion, importResource, importResourceVersion } from "@/server/imports/hearth/library-records";
import type { ExportLine } from "@/server/imports/hearth/lines";
import { importAmendment, importDocumentClient, importDocumentDeleteSet, importSuggestion } from "@/server/imports/hearth/suggestion-records";
import { importBallot, importOutcome, importParticipation, importPoll, importPollOption } from "@/server/imports/hearth/poll-records";
import {
  importComment,
  importMissingAttachment,
  importReaction,
  importThread,
  importThreadAttachment,
  importThreadGuest,
} from "@/server/imports/hearth/thread-records";
import type { SkippedRecord } from "@/server/imports/report";

const HANDLERS: { [T in RecordType]: Handler<T> } = {
  group: importGroup,
  user: importUser,
  membership: importMembership,
  poll_template: importPollTemplate,
  folder: importFolder,
  meeting: importMeeting,
  meeting_attendee: importMeetingAttendee,
  resource: importResource,
  resource_version: importResourceVersion,
  thread: importThread,
  thread_guest: importThreadGuest,
  thread_attachment: importThreadAttachment,
  comment: importComment,
  missing_attachment: importMissingAttachment,
  reaction: importReaction,
  poll: importPoll,
  poll_option: importPollOption,
  ballot: importBallot,
  participation: importParticipation,
  outcome: importOutcome,
  document: importDocument,
  document_version: importDocumentVersion,
  amendment: importAmendment,
  suggestion: importSuggestion,
  document_client: importDocumentClient,
  document_delete_set: importDocumentDeleteSet,
  decision: importDecision,
  decision_note: importDecisionNote,
  task: importTask,
  ack_request: importAckRequest,
  charter: importCharter,
  initiative: importInitiative,
  stakeholder: importStakeholder,
  stakeholder_link: importStakeholderLink,
};

/** The report's name for each kind of record. */
export const COUNTED_AS: Record<RecordType, string> = {
  group: "groups",
  user: "users",
  membership: "memberships",
  poll_template: "pollTemplates",
  folder: "folders",
  meeting: "meetings",
  meeting_attendee: "meetingAttendees",
  resource: "resources",
  resource_version: "resourceVersions",
  thread: "threads",
  thread_guest: "guests",
  thread_attachment: "attachments",
  comment: "comments",
  missing_attachment: "missingAttachments",
  reaction: "reactions",
  poll: "polls",
  poll_option: "pollOptions",
  ballot: "votes",
  participation: "participations",
  outcome: "outcomes",
  document: "documents",
  document_version: "documentVersions",
  amendment: "amendments",
  suggestion: "suggestions",
  document_client: "editingSessions",
  document_delete_set: "deletionRecords",
  decision: "decisions",
  decision_note: "decisionNotes",
  task: "tasks",
  ack_request: "acknowledgementRequests",
  charter: "charters",
  initiative: "initiatives",
  stakeholder: "stakeholders",
  stakeholder_link: "stakeholderLinks",
};

/**
 * A unit is written in one transaction: a thread with everything under it, a poll with its
 * options and votes, a resource with its versions, a meeting with its attendees, a document with
 * its versions, amendments, suggestions and authorship (the suggestions' marks are in its text), a
 * decision with its notes; anything else on its own. A unit longer than this is
 * written in several transactions, so memory stays flat even for a thread of a hundred thousand
 * comments; a rerun finishes one that was interrupted.
 */
export const MAX_UNIT_LINES = 2_000;

export type Unit = {
  root: ExportLine;
  lines: ExportLine[];
  /** The polls (file ids) of the unit, whose options and votes follow them. */
  polls: Set<string>;
  ids: IdMap;
  pollAnonymity: Map<string, boolean>;
  documentTitles: Map<string, string>;
  state: "open" | "skipped" | "failed";
  skipEntry: SkippedRecord | null;
  /** Lines left out because the unit's first record was skipped or its transaction failed. */
  dropped: number;
};

export const data = (line: ExportLine) => line.data as Record<string, unknown>;

/** Whether `line` hangs from the unit's first record (the export writes children right after their parent). */
export function belongs(unit: Unit, line: ExportLine): boolean {
  const rootId = data(unit.root).id;
  const d = data(line);
  switch (unit.root.type) {
    case "thread":
      if (["thread_guest", "thread_attachment", "comment", "missing_attachment", "poll"].includes(line.type)) return d.threadId === rootId;
      if (line.type === "reaction") return d.subject === "comment" || d.subjectId === rootId;
      return ["poll_option", "ballot", "participation", "outcome"].includes(line.type) && unit.polls.has(d.pollId as string);
    case "poll":
      return ["poll_option", "ballot", "participation", "outcome"].includes(line.type) && d.pollId === rootId;
    case "meeting":
      return line.type === "meeting_attendee" && d.meetingId === rootId;
    case "resource":
      return line.type === "resource_version" && d.resourceId === rootId;
    case "document":
      return ["document_version", "amendment", "suggestion", "document_client", "document_delete_set"].includes(line.type) && d.documentId === rootId;
    case "decision":
      return line.type === "decision_note" && d.decisionId === rootId;
    default:
      return false;
  }
}

export function handleLine(ctx: ImportContext, line: ExportLine): Promise<Outcome> {
  return (HANDLERS[line.type] as Handler<RecordType>)(ctx, line.data as never);
}
