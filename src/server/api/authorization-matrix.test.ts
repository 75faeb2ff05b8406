import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { createECDH, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { getDb } from "@/server/db";
import { paragraph, stateOf } from "@/server/documents/versions/test-content";
import { newToken } from "@/server/auth/tokens";
import { appendUpdate } from "@/server/documents/persistence";
import { editorOn } from "@/server/suggestions/test-suggesting";
import { suggestionsIn } from "@/server/suggestions/text";
import * as Y from "yjs";
import { mintUnsubscribeToken } from "@/server/notifications/unsubscribe-token";
import {
  addMember,
  callerFor,
  makeGroup,
  makeDocComment,
  makeDocument,
  makeInvitation,
  makeMeeting,
  makeOrganisation,
  makeStoredFile,
  makeUser,
  TEST_PASSWORD,
} from "@/server/test/factories";

/**
 * Every procedure of the app router, called for real by each kind of caller against a fresh
 * group. A procedure added without an entry here fails the first test, so no procedure can
 * ship without its allow/deny decisions written down and exercised.
 */
type Actor = "signedOut" | "guest" | "member" | "admin" | "outsider";
const ACTORS: Actor[] = ["signedOut", "guest", "member", "admin", "outsider"];

type Scenario = {
  group: { id: string; handle: string };
  /** A thread started by the admin, with one comment by the member; the guest is not invited to it. */
  thread: { id: string };
  comment: { id: string };
  /** An open proposal started by the admin, for every member to vote on. */
  poll: { id: string; optionId: string };
  people: Record<Exclude<Actor, "signedOut">, { id: string; email: string }>;
  /** The acting user, or null when signed out. */
  me: { id: string; email: string } | null;
};

type Outcome = "ok" | TRPC_ERROR_CODE_KEY;
type Entry = { input: (scenario: Scenario) => unknown; expect: Record<Actor, Outcome> };

const everyone = (outcome: Outcome): Record<Actor, Outcome> => ({
  signedOut: outcome,
  guest: outcome,
  member: outcome,
  admin: outcome,
  outsider: outcome,
});
const signedInOk: Record<Actor, Outcome> = { ...everyone("ok"), signedOut: "UNAUTHORIZED" };
/** Members and admins of the group; the guest was not invited to the scenario's thread. */
const threadReaders: Record<Actor, Outcome> = {
  signedOut: "UNAUTHORIZED",
  guest: "NOT_FOUND",
  member: "ok",
  admin: "ok",
  outsider: "NOT_FOUND",
};
const threadModerators: Record<Actor, Outcome> = { ...threadReaders, member: "FORBIDDEN" };
const groupMembers: Record<Actor, Outcome> = { ...signedInOk, outsider: "NOT_FOUND" };
/** The group's admins only (the scenario's group does not let members invite). */
const groupAdmins: Record<Actor, Outcome> = { ...groupMembers, guest: "FORBIDDEN", member: "FORBIDDEN" };

/** A decision in the scenario group's register, with no owner. */
function registerDecision(groupId: string) {
  return getDb().decision.create({ data: { groupId, title: "Open on Saturdays", result: "Agreed.", decidedAt: new Date() }, select: { id: true } });
}

/** A document of the scenario's group that the guest was invited to read, with a comment by the member. */
async function commentedDocument({ group, people }: Scenario) {
  const document = await makeDocument({ groupId: group.id, createdById: people.admin.id, guestIds: [people.guest.id] });
  const comment = await makeDocComment({ documentId: document.id, authorId: people.member.id });
  return { documentId: document.id, commentId: comment.id };
}
/** A document of the scenario's group (the guest invited to read) whose text holds one suggestion by the member. */
async function suggestedDocument(scenario: Scenario) {
  const { documentId } = await commentedDocument(scenario);
  const start = stateOf([paragraph("We care for the valley.")]);
  const editor = editorOn(start);
  const suggestion = editor.suggest((tr) => tr.insertText("green ", 17));
  const [id] = [...suggestionsIn(editor.content()).keys()];
  await appendUpdate(getDb(), documentId, Y.mergeUpdates([start, suggestion]), scenario.people.member.id);
  await getDb().suggestion.create({ data: { id: id!, documentId, authorId: scenario.people.member.id } });
  return { documentId, id: id!, authorId: scenario.people.member.id };
}
/** The scenario's document with one named version, whose text differs from the (empty) current text. */
async function versionedDocument(scenario: Scenario) {
  const { documentId } = await commentedDocument(scenario);
  const version = await getDb().documentVersion.create({
    data: { documentId, kind: "named", name: "Draft", state: stateOf([paragraph("Earlier words")]), createdById: scenario.people.admin.id },
    select: { id: true },
  });
  return { id: documentId, versionId: version.id };
}
/** Commenting is editing: members and admins; the invited guest only reads. */
const documentEditors: Record<Actor, Outcome> = { ...groupMembers, guest: "FORBIDDEN" };
/** The comment's author (the member), while they may still comment. */
const docCommentAuthor: Record<Actor, Outcome> = { ...documentEditors, admin: "FORBIDDEN" };

/** A task in the scenario's thread, added by its admin and assigned to its member. */
async function threadTask({ group, thread, people }: Scenario) {
  return getDb().task.create({
    data: { groupId: group.id, threadId: thread.id, title: "Book the room", createdById: people.admin.id, assignees: { create: { userId: people.member.id } } },
    select: { id: true },
  });
}

/** A resource of the scenario's group added by its admin: published, or a draft. */
async function adminResource({ group, people }: Scenario, draft = false) {
  return getDb().resource.create({
    data: {
      groupId: group.id,
      kind: "file",
      title: "Agenda",
      authorId: people.admin.id,
      publishedAt: draft ? null : new Date(),
      latestVersion: 1,
      versions: { create: { number: 1, fileId: (await makeStoredFile(people.admin.id)).id, uploadedById: people.admin.id } },
    },
    select: { id: true },
  });
}
/** The library is for members and admins; guests never see it (the scenario's group does not let members add). */
const libraryReaders: Record<Actor, Outcome> = { ...groupMembers, guest: "FORBIDDEN" };

async function pendingRequest({ group }: Scenario) {
  const applicant = await makeUser();
  return getDb().membershipRequest.create({ data: { groupId: group.id, userId: applicant.id }, select: { id: true } });
}

/** The scenario's poll, closed with an outcome; `asked`: an admin has asked the group to acknowledge it. */
async function pollWithOutcome({ poll, group }: Scenario, asked = false) {
  await getDb().poll.update({ where: { id: poll.id }, data: { closedAt: new Date(), outcomeStatement: "Agreed.", outcomeAt: new Date() } });
  if (asked) await getDb().ackRequest.create({ data: { groupId: group.id, subjectType: "outcome", subjectId: poll.id, contentHash: "earlier" } });
  return poll.id;
}

/** A stakeholder on the scenario group's map. */
function mapStakeholder(groupId: string) {
  return getDb().stakeholder.create({ data: { groupId, name: "Hospice", sector: "health", relationship: "partner" }, select: { id: true } });
}

/** The scenario group's charter, with text to sign. */
function writtenCharter(groupId: string) {
  return getDb().charter.create({ data: { groupId, body: "We care." }, select: { id: true } });
}

const unsubscribeToken = (userId: string, scope: string) => mintUnsubscribeToken({ userId, scope }, process.env.NEXTAUTH_SECRET!);

const MATRIX: Record<string, Entry> = {
  "user.me": { input: () => undefined, expect: signedInOk },
  "group.list": { input: () => undefined, expect: signedInOk },
  /** The caller's own dashboard, scoped by their memberships (dashboard/service.test.ts: guests, leavers). */
  "dashboard.get": { input: () => undefined, expect: signedInOk },
  "setup.status": { input: () => undefined, expect: everyone("ok") },
  "setup.createAdmin": {
    input: () => ({ name: "Late", email: "late@example.test", password: "a long enough password" }),
    expect: everyone("FORBIDDEN"),
  },

  "group.byId": { input: ({ group }) => ({ id: group.id }), expect: signedInOk },
  /** Outsiders get the name-only outline, so they can ask to join. */
  "group.byHandle": { input: ({ group }) => ({ handle: group.handle }), expect: signedInOk },
  /** A subgroup of the scenario's group; top-level groups are the instance administrator's alone. */
  "group.create": { input: ({ group }) => ({ name: "Sub", parentId: group.id }), expect: groupAdmins },
  "group.update": { input: ({ group }) => ({ id: group.id, name: "Renamed" }), expect: groupAdmins },
  /** The audit log is for the group's admins alone (audit/audit.test.ts: removed and demoted admins too). */
  "audit.list": { input: ({ group }) => ({ groupId: group.id }), expect: groupAdmins },
  "member.list": { input: ({ group }) => ({ groupId: group.id }), expect: { ...groupMembers, guest: "FORBIDDEN" } },
  "member.setRole": {
    input: ({ group, people }) => ({ groupId: group.id, userId: people.guest.id, role: "member" }),
    expect: groupAdmins,
  },
  "member.remove": { input: ({ group, people }) => ({ groupId: group.id, userId: people.guest.id }), expect: groupAdmins },
  /** The scenario's admin is its only admin, so must hand over before leaving. */
  "member.leave": { input: ({ group }) => ({ groupId: group.id }), expect: { ...groupMembers, admin: "CONFLICT" } },
  /** Their own organisation for the member; for the group admin, anyone in the group (set-organisation.test.ts: not beyond it). */
  "member.setOrganisation": {
    input: ({ people }) => ({ userId: people.member.id, organisationId: null }),
    expect: { ...everyone("FORBIDDEN"), signedOut: "UNAUTHORIZED", member: "ok", admin: "ok" },
  },
  /** The scenario's guest is a guest everywhere: guests see only what they were invited to. */
  "organisation.list": { input: () => ({}), expect: { ...signedInOk, guest: "FORBIDDEN" } },
  "organisation.create": {
    input: () => ({ name: `Organisation ${crypto.randomUUID()}` }),
    expect: { ...everyone("FORBIDDEN"), signedOut: "UNAUTHORIZED", admin: "ok" },
  },
  "organisation.update": {
    input: async () => ({ id: (await makeOrganisation()).id, description: "Changed" }),
    expect: { ...everyone("FORBIDDEN"), signedOut: "UNAUTHORIZED", admin: "ok" },
  },

  /** With a file the caller uploaded: attaching is allowed exactly where starting the thread is. */
  "thread.create": {
    input: async ({ group, me }) => ({
      groupId: group.id,
      title: "New",
      body: "Body",
      attachmentIds: me ? [(await makeStoredFile(me.id)).id] : [],
    }),
    expect: { ...groupMembers, guest: "FORBIDDEN" },
  },
  "thread.list": { input: ({ group }) => ({ groupId: group.id }), expect: groupMembers },
  /** Guests get only what happens in what they were invited to (activity/list.test.ts). */
  "activity.list": { input: ({ group }) => ({ groupId: group.id }), expect: groupMembers },
  /** Everyone signed in may search; each finds only what they may see, nothing of other groups (search/search.test.ts). */
  "search.query": { input: ({ group }) => ({ q: "comment", groupId: group.id }), expect: signedInOk },
  "thread.markAllRead": { input: ({ group }) => ({ groupId: group.id }), expect: groupMembers },
  "thread.byId": { input: ({ thread }) => ({ id: thread.id }), expect: threadReaders },
  "thread.revisions": { input: ({ thread }) => ({ id: thread.id }), expect: threadReaders },
  "thread.markRead": { input: ({ thread }) => ({ id: thread.id }), expect: threadReaders },
  /** Counts for everyone who sees the thread, names for members and admins (seen-by.test.ts: invited guests, leavers). */
  "thread.seenBy": { input: ({ thread }) => ({ threadId: thread.id }), expect: threadReaders },
  /** Members and admins add tasks where they can see (tasks/tasks.test.ts: other groups, guests, assignees who cannot see). */
  "task.create": { input: ({ thread }) => ({ title: "Book the room", threadId: thread.id }), expect: threadReaders },
  "task.list": { input: ({ thread }) => ({ threadId: thread.id, status: "all" }), expect: threadReaders },
  /** Each sees only their own, where they can still see it (tasks/tasks.test.ts: leavers). */
  "task.mine": { input: () => ({}), expect: signedInOk },
  /** A task in the thread, added by the admin for the member: its creator, its assignee (and admins) change it. */
  "task.update": { input: async (scenario) => ({ id: (await threadTask(scenario)).id, dueOn: "2026-12-10" }), expect: threadReaders },
  "task.complete": { input: async (scenario) => ({ id: (await threadTask(scenario)).id }), expect: threadReaders },
  "thread.follow": { input: ({ thread }) => ({ id: thread.id, following: false }), expect: threadReaders },
  "thread.mentionable": { input: ({ thread }) => ({ id: thread.id, search: "" }), expect: threadReaders },
  "thread.update": {
    input: ({ thread }) => ({ id: thread.id, title: "Renamed" }),
    expect: { ...threadReaders, member: "FORBIDDEN" },
  },
  "thread.pin": { input: ({ thread }) => ({ id: thread.id, pinned: true }), expect: threadModerators },
  "thread.close": { input: ({ thread }) => ({ id: thread.id }), expect: threadModerators },
  "thread.reopen": {
    input: async ({ thread }) => {
      await getDb().thread.update({ where: { id: thread.id }, data: { closedAt: new Date() } });
      return { id: thread.id };
    },
    expect: threadModerators,
  },
  "thread.move": {
    input: async ({ thread, me }) => {
      const target = await makeGroup();
      if (me) await addMember(target.id, me.id, "admin");
      return { id: thread.id, groupId: target.id };
    },
    expect: threadModerators,
  },
  /** Deleting a thread is for admins alone, even for its author; a replay is NOT_FOUND (threads/delete.test.ts). */
  "thread.delete": { input: ({ thread }) => ({ threadId: thread.id }), expect: threadModerators },
  "comment.create": { input: ({ thread }) => ({ threadId: thread.id, body: "Hello" }), expect: threadReaders },
  "comment.list": { input: ({ thread }) => ({ threadId: thread.id }), expect: threadReaders },
  "comment.revisions": { input: ({ comment }) => ({ id: comment.id }), expect: threadReaders },
  "comment.update": {
    input: ({ comment }) => ({ id: comment.id, body: "Changed" }),
    expect: { ...threadReaders, admin: "FORBIDDEN" },
  },
  "comment.delete": { input: ({ comment }) => ({ id: comment.id }), expect: threadReaders },
  "poll.create": {
    input: ({ group }) => ({ groupId: group.id, kind: "proposal", title: "Decide", closingAt: new Date(Date.now() + 86_400_000) }),
    expect: { ...groupMembers, guest: "FORBIDDEN" },
  },
  "poll.list": { input: ({ group }) => ({ groupId: group.id }), expect: groupMembers },
  "poll.templates": { input: ({ group }) => ({ groupId: group.id }), expect: groupMembers },
  "poll.saveTemplate": {
    input: ({ group }) => ({ groupId: group.id, name: "Ours", kind: "proposal", defaults: {} }),
    expect: { ...groupMembers, guest: "FORBIDDEN", member: "FORBIDDEN" },
  },
  "poll.byId": { input: ({ poll }) => ({ id: poll.id }), expect: threadReaders },
  "poll.results": { input: ({ poll }) => ({ pollId: poll.id }), expect: threadReaders },
  "poll.undecided": { input: ({ poll }) => ({ pollId: poll.id }), expect: threadReaders },
  "poll.vote": { input: ({ poll }) => ({ pollId: poll.id, choices: [{ optionId: poll.optionId }] }), expect: threadReaders },
  "poll.addOption": {
    input: async ({ poll }) => {
      await getDb().poll.update({ where: { id: poll.id }, data: { kind: "poll", votersAddOptions: true } });
      return { pollId: poll.id, name: "Another way" };
    },
    expect: threadReaders,
  },
  /** The author (here the admin) and the group's admins; options until the first vote (polls/edit.test.ts). */
  "poll.update": { input: ({ poll }) => ({ pollId: poll.id, title: "Renamed" }), expect: threadModerators },
  /** The group's admins; the author only while nobody has voted (polls/edit.test.ts). */
  "poll.delete": { input: ({ poll }) => ({ pollId: poll.id }), expect: threadModerators },
  "poll.close": { input: ({ poll }) => ({ id: poll.id }), expect: threadModerators },
  "poll.extend": { input: ({ poll }) => ({ id: poll.id, closingAt: new Date(Date.now() + 86_400_000 * 5) }), expect: threadModerators },
  "poll.reopen": {
    input: async ({ poll }) => {
      await getDb().poll.update({ where: { id: poll.id }, data: { closedAt: new Date() } });
      return { id: poll.id, closingAt: new Date(Date.now() + 86_400_000 * 5) };
    },
    expect: threadModerators,
  },
  "poll.setOutcome": {
    input: async ({ poll }) => {
      await getDb().poll.update({ where: { id: poll.id }, data: { closedAt: new Date() } });
      return { id: poll.id, statement: "Agreed." };
    },
    expect: threadModerators,
  },
  "reaction.toggle": { input: ({ comment }) => ({ subject: "comment", id: comment.id, emoji: "👍" }), expect: threadReaders },
  "outcome.markSeen": { input: async (scenario) => ({ pollId: await pollWithOutcome(scenario) }), expect: threadReaders },
  "outcome.seenBy": { input: async (scenario) => ({ pollId: await pollWithOutcome(scenario) }), expect: threadReaders },
  /** Asking is for admins; acknowledging for members and admins (ack/acks.test.ts: guests who see the poll, removed members). */
  "ack.request": { input: async (scenario) => ({ kind: "outcome", id: await pollWithOutcome(scenario) }), expect: threadModerators },
  "ack.confirm": { input: async (scenario) => ({ kind: "outcome", id: await pollWithOutcome(scenario, true) }), expect: threadReaders },
  "ack.status": { input: async (scenario) => ({ kind: "outcome", id: await pollWithOutcome(scenario, true) }), expect: threadReaders },

  "docComment.create": {
    input: async (scenario) => ({ documentId: (await commentedDocument(scenario)).documentId, body: "Why this word?", quote: "word" }),
    expect: documentEditors,
  },
  "docComment.list": { input: async (scenario) => ({ documentId: (await commentedDocument(scenario)).documentId }), expect: groupMembers },
  "docComment.resolve": {
    input: async (scenario) => ({ id: (await commentedDocument(scenario)).commentId, resolved: true }),
    expect: documentEditors,
  },
  "docComment.update": {
    input: async (scenario) => ({ id: (await commentedDocument(scenario)).commentId, body: "Changed" }),
    expect: docCommentAuthor,
  },
  "docComment.delete": { input: async (scenario) => ({ id: (await commentedDocument(scenario)).commentId }), expect: docCommentAuthor },
  "document.versions": { input: async (scenario) => ({ id: (await versionedDocument(scenario)).id }), expect: groupMembers },
  "document.nameVersion": { input: async (scenario) => ({ id: (await versionedDocument(scenario)).id, name: "Named" }), expect: documentEditors },
  "document.diff": {
    input: async (scenario) => {
      const { id, versionId } = await versionedDocument(scenario);
      return { id, fromVersionId: versionId, toVersionId: "current" };
    },
    expect: groupMembers,
  },
  "document.authorship": { input: async (scenario) => ({ id: (await versionedDocument(scenario)).id }), expect: groupMembers },
  "document.restore": { input: versionedDocument, expect: documentEditors },
  /** Starting a proposal: poll.create in the document's group (members may, in the scenario's group). */
  "document.proposeAdoption": {
    input: async (scenario) => ({ ...(await versionedDocument(scenario)), closingAt: new Date(Date.now() + 86_400_000) }),
    expect: documentEditors,
  },
  "document.create": { input: ({ group }) => ({ groupId: group.id, title: "Vision 2030" }), expect: documentEditors },
  "document.list": { input: ({ group }) => ({ groupId: group.id }), expect: groupMembers },
  "document.byId": { input: async (scenario) => ({ id: (await commentedDocument(scenario)).documentId }), expect: groupMembers },
  "document.rename": {
    input: async (scenario) => ({ id: (await commentedDocument(scenario)).documentId, title: "Renamed" }),
    expect: documentEditors,
  },
  "document.setMode": {
    input: async (scenario) => ({ id: (await commentedDocument(scenario)).documentId, mode: "suggesting" }),
    expect: documentEditors,
  },
  "document.setGuestsMaySuggest": {
    input: async (scenario) => ({ id: (await commentedDocument(scenario)).documentId, allowed: true }),
    expect: documentEditors,
  },
  /** Guests the document lets suggest may reply too (suggestions/suggestions.test.ts); this one does not. */
  "suggestion.list": { input: async (scenario) => ({ documentId: (await suggestedDocument(scenario)).documentId }), expect: groupMembers },
  "suggestion.accept": { input: async (scenario) => ({ id: (await suggestedDocument(scenario)).id }), expect: documentEditors },
  "suggestion.reject": { input: async (scenario) => ({ id: (await suggestedDocument(scenario)).id }), expect: documentEditors },
  "suggestion.reply": { input: async (scenario) => ({ id: (await suggestedDocument(scenario)).id, body: "Why green?" }), expect: documentEditors },
  "suggestion.decideByAuthor": {
    input: async (scenario) => {
      const { documentId, authorId } = await suggestedDocument(scenario);
      return { documentId, authorId, accept: true };
    },
    expect: documentEditors,
  },
  /** Whoever may suggest in the document and start polls in its group; guests never start polls (amendments/amendments.test.ts). */
  "amendment.create": {
    input: async (scenario) => {
      const { documentId, id } = await suggestedDocument(scenario);
      return { documentId, suggestionIds: [id], closingAt: new Date(Date.now() + 86_400_000) };
    },
    expect: documentEditors,
  },
  "amendment.list": { input: async (scenario) => ({ documentId: (await commentedDocument(scenario)).documentId }), expect: groupMembers },
  /** The document's editors who may start polls: an open amendment and an alternative to it (amendments/competing.test.ts). */
  "amendment.decideTogether": {
    input: async (scenario) => {
      const { documentId, id } = await suggestedDocument(scenario);
      const proposedById = scenario.people.member.id;
      const original = await getDb().amendment.create({
        data: { documentId, number: 1, proposedById, passage: "", replacement: "green ", suggestions: { connect: { id } } },
        select: { id: true },
      });
      const alternative = await getDb().amendment.create({
        data: { documentId, number: 2, proposedById, passage: "", replacement: "blue ", competesWithId: original.id },
        select: { id: true },
      });
      return { amendmentIds: [original.id, alternative.id], closingAt: new Date(Date.now() + 86_400_000) };
    },
    expect: documentEditors,
  },

  "user.updateProfile": { input: () => ({ name: "Renamed", bio: "" }), expect: signedInOk },
  "user.changePassword": { input: () => ({ currentPassword: TEST_PASSWORD, newPassword: "a brand new password" }), expect: signedInOk },
  "user.signOutEverywhere": { input: () => undefined, expect: signedInOk },
  "passwordReset.request": { input: () => ({ email: "anyone@example.test" }), expect: everyone("ok") },
  "passwordReset.complete": {
    input: async ({ people }) => {
      const { token, hash } = newToken();
      await getDb().passwordReset.create({
        data: { userId: people.member.id, tokenHash: hash, expiresAt: new Date(Date.now() + 60_000) },
      });
      return { token, password: "a brand new password" };
    },
    expect: everyone("ok"),
  },
  "invitation.create": {
    input: ({ group }) => ({ groupId: group.id, emails: ["new-person@example.test"], role: "member" }),
    expect: groupAdmins,
  },
  "invitation.assignableRoles": { input: ({ group }) => ({ groupId: group.id }), expect: groupMembers },
  "invitation.list": { input: ({ group }) => ({ groupId: group.id }), expect: groupAdmins },
  "invitation.revoke": {
    input: ({ group, people }) => makeInvitation({ groupId: group.id, invitedById: people.admin.id }),
    expect: groupAdmins,
  },
  "invitation.resend": {
    input: ({ group, people }) => makeInvitation({ groupId: group.id, invitedById: people.admin.id }),
    expect: groupAdmins,
  },
  "invitation.preview": {
    input: ({ group, people }) => makeInvitation({ groupId: group.id, invitedById: people.admin.id }),
    expect: everyone("ok"),
  },
  /** Signed out creates the invited account; anyone signed in joins, unless already a member. */
  "invitation.accept": {
    input: async ({ group, people }) => ({
      token: (await makeInvitation({ groupId: group.id, invitedById: people.admin.id })).token,
      name: "Newcomer",
      password: "a long enough password",
    }),
    expect: { signedOut: "ok", guest: "CONFLICT", member: "CONFLICT", admin: "CONFLICT", outsider: "ok" },
  },
  "membershipRequest.create": {
    input: ({ group }) => ({ groupId: group.id }),
    expect: { signedOut: "UNAUTHORIZED", guest: "CONFLICT", member: "CONFLICT", admin: "CONFLICT", outsider: "ok" },
  },
  "membershipRequest.mine": { input: ({ group }) => ({ groupId: group.id }), expect: signedInOk },
  "membershipRequest.list": { input: ({ group }) => ({ groupId: group.id }), expect: groupAdmins },
  "membershipRequest.approve": { input: pendingRequest, expect: groupAdmins },
  "membershipRequest.decline": { input: pendingRequest, expect: groupAdmins },
  "outbox.list": { input: () => ({}), expect: { ...everyone("FORBIDDEN"), signedOut: "UNAUTHORIZED" } },
  "outbox.retry": { input: () => ({ id: "no-such-email" }), expect: { ...everyone("FORBIDDEN"), signedOut: "UNAUTHORIZED" } },
  /** The instance administrator's alone (nobody in the scenario is): group admins included, everyone is refused. */
  "imports.list": { input: () => undefined, expect: { ...everyone("FORBIDDEN"), signedOut: "UNAUTHORIZED" } },
  "imports.get": { input: () => ({ id: "no-such-import" }), expect: { ...everyone("FORBIDDEN"), signedOut: "UNAUTHORIZED" } },
  "imports.confirm": { input: () => ({ id: "no-such-import" }), expect: { ...everyone("FORBIDDEN"), signedOut: "UNAUTHORIZED" } },
  "imports.discard": { input: () => ({ id: "no-such-import" }), expect: { ...everyone("FORBIDDEN"), signedOut: "UNAUTHORIZED" } },
  /** An attachment the import could only name, on the scenario's thread, and a file the caller uploaded. */
  "missingAttachment.restore": {
    input: async ({ thread, me, people }) => ({
      id: (await getDb().missingAttachment.create({ data: { threadId: thread.id, filename: "minutes.pdf" }, select: { id: true } })).id,
      fileId: (await makeStoredFile(me?.id ?? people.admin.id)).id,
    }),
    expect: threadModerators,
  },
  "member.unclaimedCount": { input: ({ group }) => ({ groupId: group.id }), expect: groupAdmins },
  "member.sendClaimLinks": { input: ({ group }) => ({ groupId: group.id }), expect: groupAdmins },
  /** The signed token in the email is the proof, so whoever holds it may use it, signed in or not. */
  "unsubscribe.preview": { input: ({ group, people }) => ({ token: unsubscribeToken(people.member.id, group.id) }), expect: everyone("ok") },
  "unsubscribe.confirm": { input: ({ group, people }) => ({ token: unsubscribeToken(people.member.id, group.id) }), expect: everyone("ok") },
  /** Each person's own notifications only; there is nothing of anyone else's to reach. */
  "notification.list": { input: () => ({}), expect: signedInOk },
  "notification.markRead": { input: () => ({}), expect: signedInOk },
  "notification.unreadCount": { input: () => undefined, expect: signedInOk },
  "notificationSettings.get": { input: () => undefined, expect: signedInOk },
  /** Your own setting for a group you belong to, in any role; outsiders learn nothing about the group. */
  "notificationSettings.update": { input: ({ group }) => ({ groupId: group.id, level: "none" }), expect: groupMembers },
  "resource.create": {
    input: ({ group }) => ({ groupId: group.id, kind: "link", title: "Council page", url: "https://example.org" }),
    expect: groupAdmins,
  },
  "decision.list": { input: ({ group }) => ({ groupId: group.id }), expect: { ...groupMembers, guest: "FORBIDDEN" } },
  "decision.byId": { input: async ({ group }) => ({ id: (await registerDecision(group.id)).id }), expect: threadReaders },
  /** Nobody in the scenario owns it, so only admins may change it. */
  "decision.update": {
    input: async ({ group }) => ({ id: (await registerDecision(group.id)).id, status: "in_progress", note: "Started." }),
    expect: threadModerators,
  },
  "resource.list": { input: ({ group }) => ({ groupId: group.id }), expect: libraryReaders },
  "resource.library": { input: ({ group }) => ({ groupId: group.id }), expect: libraryReaders },
  "resource.byId": { input: (scenario) => adminResource(scenario), expect: threadReaders },
  "resource.update": {
    input: async (scenario) => ({ id: (await adminResource(scenario)).id, title: "Renamed" }),
    expect: threadModerators,
  },
  "resource.addVersion": {
    input: async (scenario) => ({
      id: (await adminResource(scenario)).id,
      fileId: (await makeStoredFile(scenario.me?.id ?? scenario.people.admin.id)).id,
    }),
    expect: threadModerators,
  },
  /** A draft: only admins see it, so anyone else is told it does not exist. */
  "resource.publish": {
    input: (scenario) => adminResource(scenario, true),
    expect: { ...everyone("NOT_FOUND"), signedOut: "UNAUTHORIZED", admin: "ok" },
  },
  "resource.delete": { input: (scenario) => adminResource(scenario), expect: threadModerators },
  "folder.list": { input: ({ group }) => ({ groupId: group.id }), expect: libraryReaders },
  "folder.create": { input: ({ group }) => ({ groupId: group.id, name: "Minutes" }), expect: groupAdmins },
  "folder.rename": {
    input: async ({ group, people }) => ({
      id: (await getDb().folder.create({ data: { groupId: group.id, name: "Old", createdById: people.admin.id }, select: { id: true } })).id,
      name: "New",
    }),
    expect: groupAdmins,
  },
  "folder.delete": {
    input: ({ group, people }) => getDb().folder.create({ data: { groupId: group.id, name: "Empty", createdById: people.admin.id }, select: { id: true } }),
    expect: groupAdmins,
  },
  "notificationSettings.reset": { input: ({ group }) => ({ groupId: group.id }), expect: groupMembers },
  /** A browser's own subscription (the endpoint at a real push service's host); each caller turns push on and off for themselves only. */
  "push.subscribe": {
    input: ({ me }) => ({
      endpoint: `https://fcm.googleapis.com/fcm/send/matrix-${me?.id ?? "nobody"}`,
      keys: { p256dh: createECDH("prime256v1").generateKeys("base64url"), auth: randomBytes(16).toString("base64url") },
      timeZone: "Europe/London",
    }),
    expect: signedInOk,
  },
  "push.unsubscribe": { input: ({ me }) => ({ endpoint: `https://fcm.googleapis.com/fcm/send/matrix-${me?.id ?? "nobody"}` }), expect: signedInOk },
  "meeting.create": {
    input: ({ group }) => ({ groupId: group.id, title: "Steering group", startsAt: new Date(Date.now() + 86_400_000) }),
    expect: groupAdmins,
  },
  /** Guests never see a group's meetings. */
  "meeting.list": { input: ({ group }) => ({ groupId: group.id }), expect: { ...groupMembers, guest: "FORBIDDEN" } },
  "meeting.byId": { input: async ({ group, people }) => ({ id: (await makeMeeting({ groupId: group.id, createdById: people.admin.id })).id }), expect: threadReaders },
  "meeting.update": {
    input: async ({ group, people }) => ({ id: (await makeMeeting({ groupId: group.id, createdById: people.admin.id })).id, location: "Guildhall" }),
    expect: threadModerators,
  },
  "meeting.delete": {
    input: async ({ group, people }) => ({ id: (await makeMeeting({ groupId: group.id, createdById: people.admin.id })).id }),
    expect: threadModerators,
  },
  /** The initiatives directory: members and admins read and add; guests never see it (initiatives/initiatives.test.ts: creators, leavers). */
  "initiative.list": { input: ({ group }) => ({ groupId: group.id }), expect: { ...groupMembers, guest: "FORBIDDEN" } },
  "initiative.forThread": { input: ({ thread }) => ({ threadId: thread.id }), expect: threadReaders },
  "initiative.create": { input: ({ group }) => ({ groupId: group.id, name: "Village agents" }), expect: { ...groupMembers, guest: "FORBIDDEN" } },
  /** An initiative the admin added: its creator and admins change it. */
  "initiative.update": {
    input: async ({ group, people }) => ({
      id: (await getDb().initiative.create({ data: { groupId: group.id, name: "Befriending", createdById: people.admin.id }, select: { id: true } })).id,
      area: "Keynsham",
    }),
    expect: threadModerators,
  },
  "initiative.delete": {
    input: async ({ group, people }) => ({
      id: (await getDb().initiative.create({ data: { groupId: group.id, name: "Befriending", createdById: people.admin.id }, select: { id: true } })).id,
    }),
    expect: threadModerators,
  },
  /** The charter: members and admins read it, admins write it; guests never see it (charter/charter.test.ts: leavers, the public page). */
  "charter.get": { input: ({ group }) => ({ groupId: group.id }), expect: { ...groupMembers, guest: "FORBIDDEN" } },
  "charter.update": { input: ({ group }) => ({ groupId: group.id, body: "We care." }), expect: groupAdmins },
  /** Each caller belongs to an organisation and asks for it; the group has a charter to sign. */
  "charter.requestSignature": {
    input: async ({ group, me }) => {
      await writtenCharter(group.id);
      if (me) await getDb().user.update({ where: { id: me.id }, data: { organisationId: (await makeOrganisation()).id } });
      return { groupId: group.id };
    },
    expect: { ...groupMembers, guest: "FORBIDDEN" },
  },
  "charter.approveSignature": {
    input: async ({ group }) => {
      const charter = await writtenCharter(group.id);
      const organisation = await makeOrganisation();
      return { signatureId: (await getDb().charterSignature.create({ data: { charterId: charter.id, organisationId: organisation.id }, select: { id: true } })).id };
    },
    expect: threadModerators,
  },
  /** The stakeholder map: members and admins read it, admins change it; guests never see it. */
  "stakeholder.list": { input: ({ group }) => ({ groupId: group.id }), expect: { ...groupMembers, guest: "FORBIDDEN" } },
  "stakeholder.upsert": {
    input: ({ group }) => ({ groupId: group.id, name: "Council", kind: "organisation", sector: "council", relationship: "core" }),
    expect: groupAdmins,
  },
  "stakeholder.delete": { input: ({ group }) => mapStakeholder(group.id), expect: threadModerators },
  "stakeholder.link": {
    input: async ({ group }) => ({ groupId: group.id, fromId: (await mapStakeholder(group.id)).id, toId: (await mapStakeholder(group.id)).id, kind: "funds" }),
    expect: groupAdmins,
  },
  "stakeholder.unlink": {
    input: async ({ group }) => {
      const [from, to] = [await mapStakeholder(group.id), await mapStakeholder(group.id)];
      return getDb().stakeholderLink.create({ data: { groupId: group.id, fromId: from.id, toId: to.id, kind: "refers_to" }, select: { id: true } });
    },
    expect: threadModerators,
  },
  "stakeholder.layout": {
    input: async ({ group }) => ({ groupId: group.id, positions: [{ id: (await mapStakeholder(group.id)).id, x: 40, y: -12.5 }] }),
    expect: groupAdmins,
  },
};

async function makeScenario(actor: Actor): Promise<Scenario> {
  const group = await makeGroup();
  const [guest, member, admin, outsider] = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser()]);
  await addMember(group.id, guest.id, "guest");
  await addMember(group.id, member.id, "member");
  await addMember(group.id, admin.id, "admin");
  const other = await makeGroup();
  await addMember(other.id, outsider.id, "member");
  const people = { guest, member, admin, outsider };
  const thread = await getDb().thread.create({
    data: { groupId: group.id, authorId: admin.id, title: "Scenario", body: "Body", lastCommentSeq: 1, commentCount: 1 },
    select: { id: true },
  });
  const comment = await getDb().comment.create({
    data: { threadId: thread.id, authorId: member.id, seq: 1, body: "A comment" },
    select: { id: true },
  });
  const poll = await getDb().poll.create({
    data: {
      groupId: group.id,
      authorId: admin.id,
      kind: "proposal",
      title: "Scenario poll",
      closingAt: new Date(Date.now() + 86_400_000 * 3),
      options: { create: [{ name: "Agree", position: 0 }, { name: "Disagree", position: 1 }] },
    },
    select: { id: true, options: { select: { id: true }, take: 1 } },
  });
  return {
    group,
    thread,
    comment,
    poll: { id: poll.id, optionId: poll.options[0]!.id },
    people,
    me: actor === "signedOut" ? null : people[actor],
  };
}

async function outcomeOf(path: string, actor: Actor): Promise<Outcome> {
  const scenario = await makeScenario(actor);
  const { caller } = callerFor(scenario.me?.id ?? null);
  const [domain, verb] = path.split(".") as [string, string];
  const procedure = (caller as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>)[domain]![verb]!;
  try {
    await procedure(await MATRIX[path]!.input(scenario));
    return "ok";
  } catch (error) {
    const code = (error as { code?: TRPC_ERROR_CODE_KEY }).code;
    if (!code) throw error;
    return code;
  }
}

describe("authorisation matrix", () => {
  it("has an entry for every procedure of the app router", () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(appRouter._def.procedures).sort());
  });

  for (const path of Object.keys(MATRIX)) {
    it(`${path}: ${ACTORS.map((actor) => `${actor}→${MATRIX[path]!.expect[actor]}`).join(", ")}`, async () => {
      const outcomes: Record<string, Outcome> = {};
      for (const actor of ACTORS) outcomes[actor] = await outcomeOf(path, actor);
      expect(outcomes).toEqual(MATRIX[path]!.expect);
    });
  }
});
