import { z } from "zod";
import type {
  AckSubject,
  AmendmentStatus,
  DecisionStatus,
  DocumentMode,
  SignatureStatus,
  StakeholderLinkKind,
  StakeholderRelationship,
  StakeholderSector,
  SuggestionStatus,
  ThresholdBase,
  ThresholdRule,
} from "@/generated/prisma/enums.ts";
import { SUGGESTION_ID } from "@/lib/documents/suggestion-marks";
import { COUNTING_METHODS, POLL_KINDS } from "@/server/polls/schemas";

/**
 * Hearth's own export format, version 1 (docs/export-format.md): JSON Lines, a header line and
 * then one `{"type": …, "data": …}` record per line, parents before children. The writer
 * (write.ts) produces exactly these shapes and the importer (imports/hearth) reads them back
 * through these schemas, so the two cannot drift apart.
 */
export const EXPORT_FORMAT = "hearth-export";
export const EXPORT_VERSION = 1;

const zId = z.string().min(1).max(200);
/** Dates are ISO 8601 strings in the file; JSON.stringify writes a Date that way. */
const zDate = z.coerce.date();
const zSha256 = z.string().regex(/^[0-9a-f]{64}$/, "must be a SHA-256 hash in lower-case hex");

export const zExportHeader = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.number().int().positive(),
  exportedAt: zDate,
  group: z.object({ id: zId, handle: z.string(), name: z.string() }),
});
export type ExportHeader = z.output<typeof zExportHeader>;

/** An uploaded file's metadata; its bytes are `files/<sha256>` beside the export (in the ZIP, or a folder). */
export const zFileMeta = z.object({
  name: z.string().min(1).max(255),
  contentType: z.string().max(255),
  size: z.number().int().min(0),
  sha256: zSha256,
  path: z.string(),
});
export type FileMeta = z.output<typeof zFileMeta>;

export function filePathOf(sha256: string): string {
  return `files/${sha256}`;
}

/** A document's content: the Yjs state the editor restores it from, and the same text as Markdown for people. */
const zDocumentContent = z.object({ yjs: z.base64(), markdown: z.string() });

const zRole = z.enum(["admin", "member", "guest"]);
const THRESHOLD_RULES = ["simple_majority", "two_thirds", "custom", "no_blocks"] as const satisfies readonly ThresholdRule[];
const THRESHOLD_BASES = ["votes_cast", "eligible"] as const satisfies readonly ThresholdBase[];
const DECISION_STATUSES = ["agreed", "in_progress", "done", "dropped", "superseded"] as const satisfies readonly DecisionStatus[];
const ACK_SUBJECTS = ["outcome", "document_version", "minutes"] as const satisfies readonly AckSubject[];
const SIGNATURE_STATUSES = ["pending", "approved", "declined"] as const satisfies readonly SignatureStatus[];
const STAKEHOLDER_SECTORS = ["council", "education", "health", "third_sector", "faith", "business", "residents", "volunteers", "other"] as const satisfies readonly StakeholderSector[];
const STAKEHOLDER_RELATIONSHIPS = ["core", "partner", "supporter", "to_approach"] as const satisfies readonly StakeholderRelationship[];
const STAKEHOLDER_LINK_KINDS = ["funds", "refers_to", "partners_with"] as const satisfies readonly StakeholderLinkKind[];
const DOCUMENT_MODES = ["editing", "suggesting"] as const satisfies readonly DocumentMode[];
const SUGGESTION_STATUSES = ["open", "accepted", "rejected"] as const satisfies readonly SuggestionStatus[];
const AMENDMENT_STATUSES = ["open", "adopted", "rejected", "withdrawn"] as const satisfies readonly AmendmentStatus[];
/** Organisations are shared by the whole instance, so the file names them rather than giving their ids. */
const zOrganisationName = z.string().min(1).max(200);

export const RECORD_SCHEMAS = {
  group: z.object({
    id: zId,
    parentId: zId.nullable(),
    name: z.string().min(1).max(200),
    handle: z.string().min(1).max(40),
    description: z.string(),
    membersCanInvite: z.boolean(),
    membersCanPropose: z.boolean(),
    membersCanAddResources: z.boolean(),
    /** The voting rules new polls start with (quorum, threshold, requireReasonFor); files written before them have none. */
    votingRuleDefaults: z.record(z.string(), z.unknown()).default({}),
    createdAt: zDate,
    updatedAt: zDate,
  }),
  user: z.object({ id: zId, name: z.string().min(1).max(200), email: z.string().min(3).max(254), bio: z.string(), createdAt: zDate }),
  membership: z.object({ id: zId, groupId: zId, userId: zId, role: zRole, invitedById: zId.nullable(), createdAt: zDate }),
  poll_template: z.object({ id: zId, groupId: zId, name: z.string().min(1), kind: z.enum(POLL_KINDS), settings: z.unknown(), createdAt: zDate }),
  folder: z.object({ id: zId, groupId: zId, parentId: zId.nullable(), name: z.string().min(1), createdById: zId, createdAt: zDate }),
  meeting: z.object({
    id: zId,
    groupId: zId,
    title: z.string().min(1),
    startsAt: zDate,
    endsAt: zDate.nullable(),
    location: z.string(),
    onlineUrl: z.string().nullable(),
    agenda: z.string(),
    minutes: z.string(),
    createdById: zId,
    revision: z.number().int().min(0),
    createdAt: zDate,
    updatedAt: zDate,
  }),
  meeting_attendee: z.object({ meetingId: zId, userId: zId }),
  resource: z.object({
    id: zId,
    groupId: zId,
    folderId: zId.nullable(),
    meetingId: zId.nullable(),
    kind: z.enum(["file", "link"]),
    title: z.string().min(1),
    description: z.string(),
    url: z.string().nullable(),
    authorId: zId,
    publishedAt: zDate.nullable(),
    publishedById: zId.nullable(),
    tags: z.array(z.string()),
    createdAt: zDate,
    updatedAt: zDate,
  }),
  resource_version: z.object({
    id: zId,
    resourceId: zId,
    number: z.number().int().positive(),
    uploadedById: zId,
    note: z.string(),
    createdAt: zDate,
    file: zFileMeta,
  }),
  thread: z.object({
    id: zId,
    groupId: zId,
    authorId: zId,
    title: z.string().min(1),
    body: z.string(),
    pinnedAt: zDate.nullable(),
    closedAt: zDate.nullable(),
    editedAt: zDate.nullable(),
    lastActivityAt: zDate,
    meetingId: zId.nullable(),
    tags: z.array(z.string()),
    createdAt: zDate,
  }),
  thread_guest: z.object({ threadId: zId, userId: zId, createdAt: zDate }),
  thread_attachment: z.object({ threadId: zId, fileId: zId, uploadedById: zId, createdAt: zDate, file: zFileMeta }),
  comment: z.object({
    id: zId,
    threadId: zId,
    parentId: zId.nullable(),
    authorId: zId,
    seq: z.number().int().positive(),
    body: z.string(),
    editedAt: zDate.nullable(),
    deletedAt: zDate.nullable(),
    deletedById: zId.nullable(),
    createdAt: zDate,
  }),
  missing_attachment: z.object({
    id: zId,
    threadId: zId,
    commentId: zId.nullable(),
    filename: z.string().min(1),
    contentType: z.string(),
    sourceUrl: z.string(),
    createdAt: zDate,
  }),
  reaction: z.object({ id: zId, subject: z.enum(["thread", "comment"]), subjectId: zId, userId: zId, emoji: z.string().min(1).max(32), createdAt: zDate }),
  poll: z.object({
    id: zId,
    groupId: zId,
    threadId: zId.nullable(),
    meetingId: zId.nullable(),
    authorId: zId,
    kind: z.enum(POLL_KINDS),
    template: z.string().nullable(),
    title: z.string().min(1),
    details: z.string(),
    closingAt: zDate,
    closedAt: zDate.nullable(),
    anonymous: z.boolean(),
    hideResults: z.enum(["off", "until_vote", "until_closed"]),
    allowChangeVote: z.boolean(),
    showReasons: z.boolean(),
    reasonRequired: z.boolean(),
    allowBlock: z.boolean(),
    votersAddOptions: z.boolean(),
    shuffleOptions: z.boolean(),
    minChoices: z.number().int().nullable(),
    maxChoices: z.number().int().nullable(),
    dotsPerPerson: z.number().int().nullable(),
    scoreMin: z.number().int().nullable(),
    scoreMax: z.number().int().nullable(),
    countTarget: z.number().int().nullable(),
    restrictVoters: z.boolean(),
    /** Files written before polls had a counting method were all counted by Schulze first. */
    countingMethod: z.enum(COUNTING_METHODS).default("schulze"),
    /** Elections (stv) only; files written before elections have none. */
    seats: z.number().int().nullable().default(null),
    /** Voting rules; files written before them have none, which is how such polls were counted. */
    quorumCount: z.number().int().min(0).nullable().default(null),
    quorumPercent: z.number().int().min(0).max(100).nullable().default(null),
    thresholdRule: z.enum(THRESHOLD_RULES).nullable().default(null),
    thresholdPercent: z.number().int().min(0).max(100).nullable().default(null),
    thresholdBase: z.enum(THRESHOLD_BASES).default("votes_cast"),
    reasonRequiredFor: z.string().max(1_000).default(""),
    opensAt: zDate.nullable().default(null),
    /** Set once the group was told a scheduled poll opened, so an import does not tell it again. */
    openedNoticeAt: zDate.nullable().default(null),
    /** The eligible voters counted at close: a closed poll's verdict is measured against it. */
    eligibleAtClose: z.number().int().min(0).nullable().default(null),
    voterIds: z.array(zId),
    reminderSentAt: zDate.nullable(),
    createdAt: zDate,
  }),
  poll_option: z.object({
    id: zId,
    pollId: zId,
    name: z.string().min(1),
    position: z.number().int(),
    startsAt: zDate.nullable(),
    addedById: zId.nullable(),
    createdAt: zDate,
  }),
  /** Anonymous polls' ballots have no voterId, castAt or supersededAt at all, and an id that is a hash of the stored one. */
  ballot: z.object({
    id: zId,
    pollId: zId,
    voterId: zId.nullable().optional(),
    castAt: zDate.nullable().optional(),
    supersededAt: zDate.nullable().optional(),
    reason: z.string(),
    choices: z.array(z.object({ optionId: zId, score: z.number().int().nullable(), rank: z.number().int().nullable() })),
  }),
  participation: z.object({ pollId: zId, userId: zId, votedAt: zDate }),
  outcome: z.object({
    pollId: zId,
    statement: z.string().min(1),
    optionId: zId.nullable(),
    reviewOn: zDate.nullable(),
    authorId: zId.nullable(),
    at: zDate.nullable(),
  }),
  document: z.object({
    id: zId,
    groupId: zId,
    title: z.string().min(1),
    createdById: zId,
    guestIds: z.array(zId),
    /** Files written before suggesting mode have neither: such documents were edited directly. */
    mode: z.enum(DOCUMENT_MODES).default("editing"),
    guestsMaySuggest: z.boolean().default(false),
    createdAt: zDate,
    updatedAt: zDate,
    /** The Yjs state carries the open suggestions as marks whose id is their suggestion record's id. */
    content: zDocumentContent,
  }),
  document_version: z.object({
    id: zId,
    documentId: zId,
    kind: z.enum(["auto", "named", "restore"]),
    name: z.string().nullable(),
    createdById: zId.nullable(),
    authorIds: z.array(zId),
    /** How much each author wrote since the version before (null where it was not counted); files written before these counts have none. */
    contributions: z
      .array(
        z.object({
          userId: zId,
          wordsAdded: z.number().int().min(0).nullable(),
          wordsRemoved: z.number().int().min(0).nullable(),
          suggestionsAccepted: z.number().int().min(0).nullable(),
        }),
      )
      .default([]),
    pollId: zId.nullable(),
    adopted: z.boolean(),
    adoptedAt: zDate.nullable(),
    createdAt: zDate,
    content: zDocumentContent,
  }),
  /**
   * A change to a document put to the vote, after the document's versions; pollId is the poll
   * deciding it (one of the same group's), versionId the version its adoption made, competesWithId
   * the amendment (written before it) whose passage it would rewrite differently.
   */
  amendment: z.object({
    id: zId,
    documentId: zId,
    number: z.number().int().positive(),
    proposedById: zId,
    passage: z.string(),
    replacement: z.string(),
    pollId: zId.nullable(),
    status: z.enum(AMENDMENT_STATUSES),
    result: z.string(),
    versionId: zId.nullable(),
    competesWithId: zId.nullable(),
    decidedAt: zDate.nullable(),
    createdAt: zDate,
  }),
  /**
   * A suggested change, after the document's amendments, with its replies. Its text is in the
   * document's Yjs state (marks whose id is this id), so an open one stands in the text again.
   */
  suggestion: z.object({
    /** Also the id of its marks in the text: one Hearth's editor could have made. */
    id: z.string().regex(SUGGESTION_ID, "must be a suggestion id, as Hearth makes them"),
    documentId: zId,
    authorId: zId,
    status: z.enum(SUGGESTION_STATUSES),
    decidedById: zId.nullable(),
    decidedAt: zDate.nullable(),
    amendmentId: zId.nullable(),
    createdAt: zDate,
    replies: z.array(z.object({ id: zId, authorId: zId, body: z.string(), createdAt: zDate })),
  }),
  /** Who wrote as one Yjs client id of a document's state: what colours "who wrote this". */
  document_client: z.object({ documentId: zId, clientId: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), userId: zId, createdAt: zDate }),
  /** What one person deleted in a document: a Yjs delete set (its snapshot encoding with an empty state vector), base64. */
  document_delete_set: z.object({ documentId: zId, userId: zId, deleteSet: z.base64(), updatedAt: zDate }),
  /** A decision, after its poll and document version; one that was replaced comes after the decision that replaced it. */
  decision: z.object({
    id: zId,
    groupId: zId,
    pollId: zId.nullable(),
    documentVersionId: zId.nullable(),
    title: z.string().min(1),
    result: z.string(),
    verdict: z.string(),
    decidedAt: zDate,
    ownerId: zId.nullable(),
    status: z.enum(DECISION_STATUSES),
    reviewOn: zDate.nullable(),
    reviewRemindedAt: zDate.nullable(),
    supersededById: zId.nullable(),
    createdAt: zDate,
    updatedAt: zDate,
  }),
  decision_note: z.object({ id: zId, decisionId: zId, authorId: zId, body: z.string(), status: z.enum(DECISION_STATUSES).nullable(), createdAt: zDate }),
  /** A task, after the thread, comment, meeting and decision it belongs to. */
  task: z.object({
    id: zId,
    groupId: zId,
    title: z.string().min(1),
    dueOn: zDate.nullable(),
    doneAt: zDate.nullable(),
    doneById: zId.nullable(),
    createdById: zId,
    threadId: zId.nullable(),
    commentId: zId.nullable(),
    meetingId: zId.nullable(),
    decisionId: zId.nullable(),
    /** "<kind>:<id>:<n>": the nth checklist item of the text of the thread, comment or meeting named by threadId, commentId or meetingId. */
    sourceKey: z.string().max(300).nullable(),
    assigneeIds: z.array(zId),
    dueRemindedAt: zDate.nullable(),
    overdueRemindedAt: zDate.nullable(),
    createdAt: zDate,
    updatedAt: zDate,
  }),
  /** A request to acknowledge a poll's outcome, a document version or a meeting's minutes, with the acknowledgements given. */
  ack_request: z.object({
    id: zId,
    groupId: zId,
    subjectType: z.enum(ACK_SUBJECTS),
    /** The poll's (outcome), document version's or meeting's (minutes) id. */
    subjectId: zId,
    contentHash: z.string().min(1).max(200),
    requestedById: zId.nullable(),
    lastRemindedAt: zDate.nullable(),
    createdAt: zDate,
    acks: z.array(z.object({ userId: zId, contentHash: z.string().min(1).max(200), at: zDate })),
  }),
  /** The group's charter: its current text, every saved version, and the organisations' signatures (by organisation name). */
  charter: z.object({
    id: zId,
    groupId: zId,
    body: z.string(),
    isPublic: z.boolean(),
    createdAt: zDate,
    updatedAt: zDate,
    versions: z.array(z.object({ number: z.number().int().positive(), body: z.string(), createdById: zId.nullable(), createdAt: zDate })),
    signatures: z.array(
      z.object({
        organisation: zOrganisationName,
        status: z.enum(SIGNATURE_STATUSES),
        requestedById: zId.nullable(),
        decidedById: zId.nullable(),
        signedOn: zDate.nullable(),
        note: z.string(),
        createdAt: zDate,
        decidedAt: zDate.nullable(),
      }),
    ),
  }),
  /** Work under way in the area, run by an organisation (by name); threadIds are the threads in the file that are about it. */
  initiative: z.object({
    id: zId,
    groupId: zId,
    name: z.string().min(1).max(200),
    description: z.string(),
    organisation: zOrganisationName.nullable(),
    contact: z.string(),
    area: z.string(),
    website: z.string(),
    createdById: zId.nullable(),
    createdAt: zDate,
    updatedAt: zDate,
    tags: z.array(z.string().min(1).max(100)),
    threadIds: z.array(zId),
  }),
  /** A place on the group's stakeholder map, after the initiative it stands for. */
  stakeholder: z.object({
    id: zId,
    groupId: zId,
    name: z.string().min(1).max(200),
    kind: z.enum(["organisation", "person"]),
    organisation: zOrganisationName.nullable(),
    initiativeId: zId.nullable(),
    sector: z.enum(STAKEHOLDER_SECTORS),
    relationship: z.enum(STAKEHOLDER_RELATIONSHIPS),
    notes: z.string(),
    x: z.number(),
    y: z.number(),
    createdAt: zDate,
    updatedAt: zDate,
  }),
  /** A line on the stakeholder map between two stakeholders written before it. */
  stakeholder_link: z.object({ id: zId, groupId: zId, fromId: zId, toId: zId, kind: z.enum(STAKEHOLDER_LINK_KINDS), createdAt: zDate }),
} as const;

/** The record type of the row an acknowledgement request's subjectId names. */
export const ACK_SUBJECT_RECORD = { outcome: "poll", document_version: "document_version", minutes: "meeting" } as const satisfies Record<
  (typeof ACK_SUBJECTS)[number],
  RecordType
>;

export type RecordType = keyof typeof RECORD_SCHEMAS;
export type RecordData<T extends RecordType> = z.output<(typeof RECORD_SCHEMAS)[T]>;
/** One line after the header. */
export type ExportRecord = { [T in RecordType]: { type: T; data: RecordData<T> } }[RecordType];

export function isRecordType(type: unknown): type is RecordType {
  return typeof type === "string" && Object.hasOwn(RECORD_SCHEMAS, type);
}

/** A task's source key, "<kind>:<id>:<n>", in its parts; null when it has another shape. */
export function splitSourceKey(key: string): { kind: string; id: string; index: string } | null {
  const match = /^([a-z_-]+):(.+):(\d+)$/.exec(key);
  return match ? { kind: match[1]!, id: match[2]!, index: match[3]! } : null;
}
