import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { initiativesCreated, pushSettingsOf, signatureRequestsMade } from "@/server/exports/personal/community-records";
import { acknowledgementsGiven, decisionNotesWritten, tasksOf } from "@/server/exports/personal/follow-up-records";
import { JsonObjectWriter } from "@/server/exports/personal/json-writer";
import {
  commentsWritten,
  documentCommentsWritten,
  documentVersionsAuthored,
  meetingsScheduled,
  outcomesWritten,
  pollsStarted,
  reactionsGiven,
  resourcesAdded,
  threadsWritten,
  votesCast,
} from "@/server/exports/personal/records";
import { amendmentsProposed, suggestionRepliesWritten, suggestionsMade } from "@/server/exports/personal/suggestion-records";
import { pagedById } from "@/server/exports/streams";

export const PERSONAL_EXPORT_FORMAT = "hearth-personal-export";
export const PERSONAL_EXPORT_VERSION = 1;

/** Said in the file itself, so whoever opens it knows what is there and what cannot be. */
export const PERSONAL_EXPORT_NOTES = [
  "Your votes in anonymous polls are not here: Hearth does not link an anonymous ballot to anyone, so nobody, Hearth included, can find which ballots were yours.",
  "Everything you wrote is here, also in groups you have left. The title of a thread, poll, document, meeting or decision appears only while you can still see it; otherwise only its id and group.",
  "Uploaded files are described (name, type, size) but not included; download them in Hearth, or ask a group admin for the group's download.",
  "No password, session or sign-in link is included.",
];

const group = { select: { handle: true, name: true } } as const;

async function profileOf(db: Db, userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    // Never passwordHash or credentialVersion: nothing that signs a person in.
    select: { id: true, name: true, email: true, bio: true, isAdmin: true, createdAt: true, organisation: { select: { name: true } } },
  });
  if (!user) throw new AppError("NOT_FOUND", "That account does not exist.");
  return { id: user.id, name: user.name, email: user.email, bio: user.bio, organisation: user.organisation?.name ?? null, isInstanceAdmin: user.isAdmin, createdAt: user.createdAt };
}

async function* membershipsOf(db: Db, userId: string) {
  const rows = pagedById({ userId }, (page) => db.membership.findMany({ ...page, select: { id: true, group, role: true, createdAt: true } }));
  for await (const membership of rows) yield { group: membership.group, role: membership.role, joinedAt: membership.createdAt };
}

async function* membershipRequestsOf(db: Db, userId: string) {
  yield* pagedById({ userId }, (page) =>
    db.membershipRequest.findMany({
      ...page,
      select: { id: true, group, introduction: true, status: true, response: true, createdAt: true, decidedAt: true },
    }),
  );
}

/** Email and push levels (account-wide and per group), quiet hours, and followed or muted threads. */
async function notificationSettingsOf(db: Db, userId: string) {
  const [levels, follows, push] = await Promise.all([
    // Scopes whose email follows the account's (push chosen alone) have no email level of their own.
    db.notificationSetting.findMany({ where: { userId, level: { not: null } }, select: { scope: true, level: true }, orderBy: { scope: "asc" } }),
    db.threadFollow.findMany({ where: { userId }, select: { threadId: true, following: true }, orderBy: { threadId: "asc" } }),
    pushSettingsOf(db, userId),
  ]);
  const groups = await db.group.findMany({ where: { id: { in: levels.map(({ scope }) => scope) } }, select: { id: true, handle: true, name: true } });
  const groupOf = new Map(groups.map(({ id, ...rest }) => [id, rest]));
  return {
    email: levels.map(({ scope, level }) => ({ scope: scope === "account" ? "account" : "group", group: groupOf.get(scope) ?? null, level })),
    push,
    threads: follows.map(({ threadId, following }) => ({ threadId, following })),
  };
}

/**
 * Everything a person wrote in Hearth, their own (non-anonymous) votes and their settings, as
 * one JSON object written while it is read (docs/export-format.md, "Personal export"). Only the
 * person's own records are read: never anyone else's words, email or ballot.
 */
export async function writePersonalExport(db: Db, userId: string, out: NodeJS.WritableStream, now = new Date()): Promise<void> {
  const json = new JsonObjectWriter(out);
  const profile = await profileOf(db, userId);
  await json.field("format", PERSONAL_EXPORT_FORMAT);
  await json.field("version", PERSONAL_EXPORT_VERSION);
  await json.field("exportedAt", now);
  await json.field("notes", PERSONAL_EXPORT_NOTES);
  await json.field("profile", profile);
  await json.list("memberships", membershipsOf(db, userId));
  await json.list("membershipRequests", membershipRequestsOf(db, userId));
  await json.field("notificationSettings", await notificationSettingsOf(db, userId));
  await json.list("threads", threadsWritten(db, userId));
  await json.list("comments", commentsWritten(db, userId));
  await json.list("reactions", reactionsGiven(db, userId));
  await json.list("pollsStarted", pollsStarted(db, userId));
  await json.list("outcomes", outcomesWritten(db, userId));
  await json.list("votes", votesCast(db, userId));
  await json.list("resources", resourcesAdded(db, userId));
  await json.list("meetingsScheduled", meetingsScheduled(db, userId));
  await json.list("documentComments", documentCommentsWritten(db, userId));
  await json.list("documentVersions", documentVersionsAuthored(db, userId));
  await json.list("suggestions", suggestionsMade(db, userId));
  await json.list("suggestionReplies", suggestionRepliesWritten(db, userId));
  await json.list("amendments", amendmentsProposed(db, userId));
  await json.list("tasks", tasksOf(db, userId));
  await json.list("decisionNotes", decisionNotesWritten(db, userId));
  await json.list("acknowledgements", acknowledgementsGiven(db, userId));
  await json.list("initiatives", initiativesCreated(db, userId));
  await json.list("charterSignatureRequests", signatureRequestsMade(db, userId));
  await json.end();
}
