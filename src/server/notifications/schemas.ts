import { z } from "zod";

export const NOTIFICATION_PAGE_SIZE = 30;

export const NOTIFICATION_KINDS = [
  "mention",
  "reply",
  "new_thread",
  "new_poll",
  "poll_closing",
  "poll_outcome",
  "invitation_accepted",
  "membership_request",
  "resource_published",
  "meeting_new",
  "meeting_changed",
  "new_comment",
  "task_assigned",
  "task_due",
  "decision_review",
  "ack_requested",
  "signature_requested",
] as const;
export const zNotificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof zNotificationKind>;

export const zNotificationDto = z.object({
  id: z.string(),
  kind: zNotificationKind,
  /** What it is about: a thread's or poll's title, or a group's name. */
  title: z.string(),
  /** A path inside Hearth leading straight to the item. */
  url: z.string(),
  /** One sentence for people, e.g. "Priya Shah mentioned you in “Charter”". */
  summary: z.string(),
  /** The first words of the comment or thread as plain text, or "" (polls and other kinds have none). */
  excerpt: z.string(),
  /** For a request to vote (new_poll, poll_closing): whether the person has voted since, so it asks nothing more. */
  voted: z.boolean(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  group: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.date(),
  read: z.boolean(),
});
export type NotificationDto = z.infer<typeof zNotificationDto>;

export const zListNotificationsInput = z.object({ cursor: z.string().min(1).max(100).optional() });
export type ListNotificationsInput = z.infer<typeof zListNotificationsInput>;

export const zNotificationPage = z.object({ items: z.array(zNotificationDto), nextCursor: z.string().nullable() });
export type NotificationPage = z.infer<typeof zNotificationPage>;

/** Without ids, every unread notification of the caller is marked read. */
export const zMarkNotificationsReadInput = z.object({ ids: z.array(z.string().min(1).max(100)).min(1).max(200).optional() });
export type MarkNotificationsReadInput = z.infer<typeof zMarkNotificationsReadInput>;

export const zMarkNotificationsReadResult = z.object({ count: z.number().int().min(0) });

export const zUnreadCount = z.number().int().min(0);

export const EMAIL_LEVELS = ["all", "important", "digest", "none"] as const;
export const zEmailLevel = z.enum(EMAIL_LEVELS);
export type EmailLevel = z.infer<typeof zEmailLevel>;
/** Used when someone has never chosen an account-wide level. */
export const DEFAULT_EMAIL_LEVEL: EmailLevel = "important";

/** What reaches people's browsers as push notifications: email's levels but the digest (a push is never batched). */
export const PUSH_LEVELS = ["all", "important", "none"] as const;
export const zPushLevel = z.enum(PUSH_LEVELS);
export type PushLevel = z.infer<typeof zPushLevel>;

export const zNotificationSettings = z.object({
  account: zEmailLevel,
  /** The account-wide push level (default "important"). */
  pushAccount: zPushLevel,
  /** Push between 21:00 and 08:00 in the person's time zone too. */
  pushAtNight: z.boolean(),
  groups: z.array(
    z.object({
      groupId: z.string(),
      groupName: z.string(),
      level: zEmailLevel,
      /** True when the group has no setting of its own and follows the account's. */
      inherited: z.boolean(),
      pushLevel: zPushLevel,
      /** True when the group follows the account's push level. */
      pushInherited: z.boolean(),
    }),
  ),
});
export type NotificationSettings = z.infer<typeof zNotificationSettings>;

/**
 * Without a groupId, sets the account-wide default. Any of the email level, the push level (null:
 * follow the account's, or for the account the default) and, for the account only, push at night.
 */
export const zUpdateNotificationSettingInput = z
  .object({
    groupId: z.string().min(1).max(100).optional(),
    level: zEmailLevel.optional(),
    pushLevel: zPushLevel.nullable().optional(),
    pushAtNight: z.boolean().optional(),
  })
  .refine((input) => input.level !== undefined || input.pushLevel !== undefined || input.pushAtNight !== undefined, {
    message: "Choose an email level, a push level or push at night.",
  })
  .refine((input) => input.pushAtNight === undefined || input.groupId === undefined, {
    message: "Push at night is chosen for the whole account, not one group.",
    path: ["pushAtNight"],
  });
export type UpdateNotificationSettingInput = z.infer<typeof zUpdateNotificationSettingInput>;

/** Makes the group follow the account-wide email level again; its push level stays as chosen. */
export const zResetNotificationSettingInput = z.object({ groupId: z.string().min(1).max(100) });
export type ResetNotificationSettingInput = z.infer<typeof zResetNotificationSettingInput>;

export const zUnsubscribeInput = z.object({ token: z.string().min(1).max(1000) });
export type UnsubscribeInput = z.infer<typeof zUnsubscribeInput>;

/** What an unsubscribe link is for, and whether it has already taken effect. */
export const zUnsubscribeState = z.object({
  /** The address the emails went to, so people can tell which account this is. */
  email: z.string(),
  /** Without a group: every notification email of the account. */
  group: z.object({ id: z.string(), name: z.string() }).nullable(),
  unsubscribed: z.boolean(),
});
export type UnsubscribeState = z.infer<typeof zUnsubscribeState>;
