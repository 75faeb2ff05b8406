import { ackRouter } from "@/server/acks/router";
import { activityRouter } from "@/server/activity/router";
import { createCallerFactory, createTRPCRouter } from "@/server/api/trpc";
import { auditRouter } from "@/server/audit/router";
import { charterRouter } from "@/server/charter/router";
import { commentRouter } from "@/server/comments/router";
import { dashboardRouter } from "@/server/dashboard/router";
import { decisionRouter } from "@/server/decisions/router";
import { docCommentRouter } from "@/server/doc-comments/router";
import { suggestionRouter } from "@/server/suggestions/router";
import { amendmentRouter } from "@/server/amendments/router";
import { documentRouter } from "@/server/documents/router";
import { groupRouter } from "@/server/groups/router";
import { importRouter, missingAttachmentRouter } from "@/server/imports/admin/router";
import { invitationRouter } from "@/server/invitations/router";
import { meetingRouter } from "@/server/meetings/router";
import { memberRouter } from "@/server/members/router";
import { membershipRequestRouter } from "@/server/membership-requests/router";
import { notificationRouter } from "@/server/notifications/router";
import { notificationSettingsRouter } from "@/server/notifications/settings-router";
import { unsubscribeRouter } from "@/server/notifications/unsubscribe-router";
import { organisationRouter } from "@/server/organisations/router";
import { outcomeRouter } from "@/server/outcomes/router";
import { outboxRouter } from "@/server/outbox/router";
import { pollRouter } from "@/server/polls/router";
import { reactionRouter } from "@/server/reactions/router";
import { setupRouter } from "@/server/setup/router";
import { threadRouter } from "@/server/threads/router";
import { passwordResetRouter } from "@/server/users/password-reset-router";
import { userRouter } from "@/server/users/router";
import { resourceRouter } from "@/server/resources/router";
import { searchRouter } from "@/server/search/router";
import { folderRouter } from "@/server/folders/router";
import { taskRouter } from "@/server/tasks/router";
import { pushRouter } from "@/server/push/router";
import { initiativeRouter } from "@/server/initiatives/router";
import { stakeholderRouter } from "@/server/stakeholders/router";

export const appRouter = createTRPCRouter({
  user: userRouter,
  group: groupRouter,
  dashboard: dashboardRouter,
  member: memberRouter,
  organisation: organisationRouter,
  setup: setupRouter,
  thread: threadRouter,
  comment: commentRouter,
  reaction: reactionRouter,
  poll: pollRouter,
  decision: decisionRouter,
  invitation: invitationRouter,
  membershipRequest: membershipRequestRouter,
  outbox: outboxRouter,
  notification: notificationRouter,
  notificationSettings: notificationSettingsRouter,
  unsubscribe: unsubscribeRouter,
  passwordReset: passwordResetRouter,
  resource: resourceRouter,
  folder: folderRouter,
  docComment: docCommentRouter,
  suggestion: suggestionRouter,
  amendment: amendmentRouter,
  document: documentRouter,
  meeting: meetingRouter,
  imports: importRouter,
  missingAttachment: missingAttachmentRouter,
  audit: auditRouter,
  activity: activityRouter,
  search: searchRouter,
  task: taskRouter,
  stakeholder: stakeholderRouter,
  outcome: outcomeRouter,
  ack: ackRouter,
  push: pushRouter,
  charter: charterRouter,
  initiative: initiativeRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
