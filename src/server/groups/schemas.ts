import { z } from "zod";
import { HANDLE_MAX, HANDLE_MIN, HANDLE_PATTERN } from "@/lib/slug";
import { zVotingRuleDefaults } from "@/server/polls/voting-rules";
import { refineMarkdown, zText } from "@/server/validation";

export const zRole = z.enum(["admin", "member", "guest"]);

export const zGroupSummary = z.object({
  id: z.string(),
  name: z.string(),
  handle: z.string(),
  description: z.string(),
  parentId: z.string().nullable(),
  role: zRole,
  memberCount: z.number().int(),
  logoUrl: z.string().nullable(),
});
export type GroupSummary = z.infer<typeof zGroupSummary>;

export const zGroupName = zText().trim().min(1, "Enter a name").max(80, "Use at most 80 characters");

export const zHandle = z
  .string()
  .trim()
  .toLowerCase()
  .min(HANDLE_MIN, `Use at least ${HANDLE_MIN} characters`)
  .max(HANDLE_MAX, `Use at most ${HANDLE_MAX} characters`)
  .regex(HANDLE_PATTERN, "Use lowercase letters, digits and single hyphens, starting and ending with a letter or digit");

export const zMarkdown = zText().max(10_000, "Use at most 10,000 characters").superRefine(refineMarkdown);

export const zGroupId = z.string().min(1).max(64);

export const zCreateGroupInput = z.object({
  name: zGroupName,
  handle: zHandle.optional(),
  description: zMarkdown.optional(),
  parentId: zGroupId.optional(),
});
export type CreateGroupInput = z.infer<typeof zCreateGroupInput>;

export const zUpdateGroupInput = z.object({
  id: zGroupId,
  name: zGroupName.optional(),
  handle: zHandle.optional(),
  description: zMarkdown.optional(),
  logoId: zGroupId.nullable().optional(),
  membersCanInvite: z.boolean().optional(),
  membersCanPropose: z.boolean().optional(),
  membersCanAddResources: z.boolean().optional(),
  /** Moves the group under another group; null makes it a top-level group. */
  parentId: zGroupId.nullable().optional(),
  /** The voting rules new polls start with, in poll.create's shape; {} for none. */
  votingRuleDefaults: zVotingRuleDefaults.optional(),
});
export type UpdateGroupInput = z.infer<typeof zUpdateGroupInput>;

export const zGroupByIdInput = z.object({ id: zGroupId });
export const zGroupByHandleInput = z.object({ handle: zText().trim().toLowerCase().min(1).max(HANDLE_MAX) });

const zGroupLink = z.object({ id: z.string(), name: z.string(), handle: z.string() });

export const zGroupDetail = z.object({
  id: z.string(),
  name: z.string(),
  handle: z.string(),
  /** Markdown. Empty for outsiders. */
  description: z.string(),
  /** The description cooked to HTML (src/server/markdown/cook.ts), as the page shows it. */
  descriptionHtml: z.string(),
  logoUrl: z.string().nullable(),
  parent: zGroupLink.nullable(),
  subgroups: z.array(zGroupLink.extend({ myRole: zRole.nullable() })),
  settings: z.object({ membersCanInvite: z.boolean(), membersCanPropose: z.boolean(), membersCanAddResources: z.boolean() }),
  /** The voting rules the new-poll form starts with when its template has none; {} for none, and for outsiders. */
  votingRuleDefaults: zVotingRuleDefaults,
  myRole: zRole.nullable(),
  /** Null for guests and outsiders, who do not see who belongs. */
  memberCount: z.number().int().nullable(),
  permissions: z.object({
    canUpdate: z.boolean(),
    canViewMembers: z.boolean(),
    canInvite: z.boolean(),
    canManageMembers: z.boolean(),
    canDecideRequests: z.boolean(),
    canCreateSubgroup: z.boolean(),
    canCreatePoll: z.boolean(),
    canCreateThread: z.boolean(),
    canViewMeetings: z.boolean(),
    canViewResources: z.boolean(),
    /** The Documents section: everyone who sees every document, and guests invited to at least one. */
    canViewDocuments: z.boolean(),
  }),
});
export type GroupDetail = z.infer<typeof zGroupDetail>;
