import { z } from "zod";
import { zAttachmentIds, zFileSummary } from "@/server/files/schemas";
import { zMeetingRef } from "@/server/meetings/schemas";
import { refineMarkdown, zText } from "@/server/validation";

export const MAX_BODY_LENGTH = 50_000;
export const REACTION_EMOJI = ["👍", "❤️", "😄", "🎉", "🙏", "🤔", "👀"] as const;

export const zBody = zText()
  .trim()
  .min(1, "Write something first")
  .max(MAX_BODY_LENGTH, `Keep it under ${MAX_BODY_LENGTH.toLocaleString("en-GB")} characters`)
  .superRefine(refineMarkdown);

export const zTitle = zText().trim().min(1, "Give the thread a title").max(200, "Keep the title to 200 characters or fewer");

/** Tags like #CompassionateCommunity: stored without the #, unique regardless of case. */
export const zTags = z
  .array(
    z
      .string()
      .trim()
      .transform((tag) => tag.replace(/^#/, ""))
      .pipe(z.string().regex(/^[\p{L}\p{N}_-]{1,40}$/u, "Tags use letters, digits, - and _ (up to 40)")),
  )
  .max(10, "Use at most 10 tags")
  .transform((tags) => [...new Map(tags.map((tag) => [tag.toLowerCase(), tag])).values()]);

export const zPerson = z.object({ id: z.string(), name: z.string(), avatarUrl: z.string().nullable() });
export type Person = z.infer<typeof zPerson>;

export const zReactionSummary = z.object({
  emoji: z.string(),
  count: z.number().int(),
  people: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type ReactionSummary = z.infer<typeof zReactionSummary>;

export const zThreadStatus = z.enum(["open", "closed", "all"]);

export const zCreateThreadInput = z.object({
  groupId: z.string().min(1),
  title: zTitle,
  body: zBody,
  tags: zTags.optional(),
  attachmentIds: zAttachmentIds.optional(),
  /** A meeting of the same group this thread is about. */
  meetingId: z.string().min(1).max(64).optional(),
});

export const zListThreadsInput = z.object({
  groupId: z.string().min(1),
  /** Infinite queries send null for the first page. A next page's cursor is "<time in ms>_<thread id>". */
  cursor: z
    .string()
    .max(100, "That page position is not valid; reload the list.")
    .regex(/^\d{1,15}_\S+$/, "That page position is not valid; reload the list.")
    .nullish(),
  tag: zText().trim().max(41).optional(),
  status: zThreadStatus.default("open"),
});

export const zThreadIdInput = z.object({ id: z.string().min(1) });
export const zDeleteThreadInput = z.object({ threadId: z.string().min(1).max(100) });
export const zPinThreadInput = z.object({ id: z.string().min(1), pinned: z.boolean().default(true) });
export const zMoveThreadInput = z.object({ id: z.string().min(1), groupId: z.string().min(1) });
export const zUpdateThreadInput = z.object({
  id: z.string().min(1),
  title: zTitle.optional(),
  body: zBody.optional(),
  tags: zTags.optional(),
  /** Links the thread to a meeting of its group; null removes the link. */
  meetingId: z.string().min(1).max(64).nullable().optional(),
});
const zMentionSearch = zText().trim().max(100).default("");
/** A thread's id; or, before the thread exists (the new-thread form), the group it will be started in. */
export const zMentionableInput = z.union([
  z.object({ id: z.string().min(1), search: zMentionSearch }),
  z.object({ groupId: z.string().min(1), search: zMentionSearch }),
]);
export const zMarkAllReadInput = z.object({ groupId: z.string().min(1) });

export const zThreadSummary = z.object({
  id: z.string(),
  groupId: z.string(),
  title: z.string(),
  excerpt: z.string(),
  author: zPerson,
  tags: z.array(z.string()),
  pinned: z.boolean(),
  closed: z.boolean(),
  commentCount: z.number().int(),
  unreadCount: z.number().int(),
  /** Never opened by the viewer. */
  unseen: z.boolean(),
  lastActivityAt: z.date(),
  createdAt: z.date(),
});
export type ThreadSummary = z.infer<typeof zThreadSummary>;

export const zThreadList = z.object({ items: z.array(zThreadSummary), nextCursor: z.string().nullable() });

export const zThreadDetail = z.object({
  id: z.string(),
  group: z.object({ id: z.string(), name: z.string(), handle: z.string() }),
  title: z.string(),
  body: z.string(),
  /** The body cooked to HTML (src/server/markdown/cook.ts), as the page shows it. */
  bodyHtml: z.string(),
  tags: z.array(z.string()),
  author: zPerson,
  createdAt: z.date(),
  editedAt: z.date().nullable(),
  pinned: z.boolean(),
  closedAt: z.date().nullable(),
  commentCount: z.number().int(),
  lastCommentSeq: z.number().int(),
  lastReadSeq: z.number().int(),
  reactions: z.array(zReactionSummary),
  attachments: z.array(zFileSummary),
  /**
   * Files an import could only name ("attachment not migrated"), with the comment they were on
   * (null for the thread itself). `sourceUrl`, where the file was before, only for those who may
   * upload it (see viewer.canRestoreAttachments); null for everyone else.
   */
  missingAttachments: z.array(
    z.object({ id: z.string(), filename: z.string(), commentId: z.string().nullable(), sourceUrl: z.string().nullable() }),
  ),
  /** The meeting the thread is about, for those who may see the group's meetings. */
  meeting: zMeetingRef.nullable(),
  viewer: z.object({
    id: z.string(),
    role: z.enum(["admin", "member", "guest"]),
    canModerate: z.boolean(),
    canComment: z.boolean(),
    canStartPoll: z.boolean(),
    /** May upload the files of missingAttachments. */
    canRestoreAttachments: z.boolean(),
    /** May invite people from outside the group to this thread, as its guests. */
    canInviteGuests: z.boolean(),
    /** Followed (true), muted (false), or never chosen (null). */
    following: z.boolean().nullable(),
  }),
});
export type ThreadDetail = z.infer<typeof zThreadDetail>;

export const zRevision = z.object({ id: z.string(), title: z.string().nullable(), body: z.string(), bodyHtml: z.string(), createdAt: z.date() });
export const zRevisionList = z.array(zRevision);

export const zGroupRef = z.object({ groupId: z.string(), threadId: z.string() });

/** Follow (true) or mute (false) a thread. */
export const zFollowThreadInput = z.object({ id: z.string().min(1).max(100), following: z.boolean() });

export const zSeenByInput = z.object({ threadId: z.string().min(1).max(100) });
/** `people`: those who have read to the end, by name; null for guests, who see the counts only. */
export const zSeenBy = z.object({
  seen: z.number().int(),
  of: z.number().int(),
  people: z.array(z.object({ id: z.string(), name: z.string() })).nullable(),
});
export type SeenBy = z.infer<typeof zSeenBy>;
