import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { text } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "@/server/db";
import * as Y from "yjs";
import { newSuggestionId } from "@/lib/documents/suggestion-marks";
import { encodeDeleteSet } from "@/server/documents/authorship/delete-sets";
import { loadDocumentState } from "@/server/documents/persistence";
import { heading, paragraph, stateOf } from "@/server/documents/versions/test-content";
import { toMarkdown } from "@/server/documents/versions/markdown";
import { contentOf } from "@/server/documents/versions/state";
import { localDiskStorage } from "@/server/files/storage";
import { descendantIds } from "@/server/groups/ancestry";
import { importHearth } from "@/server/imports/hearth/import";
import { callerOn, exportToFile, freshDatabase } from "@/server/imports/hearth/test-support";
import { importedNothing, type ImportReport } from "@/server/imports/report";
import { verdictFor } from "@/server/polls/verdict";
import { suggestionsIn } from "@/server/suggestions/text";
import { editorOn, posOf } from "@/server/suggestions/test-suggesting";
import { addMember, makeDocComment, makeGroup, makeMeeting, makeUser } from "@/server/test/factories";
import { inOneWeek, pollGroup } from "@/server/test/poll-fixtures";

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/**
 * The vision's text as two people left it in suggesting mode: Alice suggests "warm " before
 * "Homes", Bob "kind " before "Vision", and Bob deletes "now" directly. Answers the state, the
 * suggestions' ids, the Yjs client ids each wrote as and Bob's deletions.
 */
function suggestedVision() {
  const start = stateOf([heading(1, "Vision"), paragraph("Homes for everyone, now.")]);
  const alice = editorOn(start);
  const byAlice = alice.suggest((tr, pm) => tr.insertText("warm ", posOf(pm, "Homes")));
  const aliceId = [...suggestionsIn(alice.content()).keys()][0]!;
  const bob = editorOn(Y.mergeUpdates([start, byAlice]));
  const byBob = bob.suggest((tr, pm) => tr.insertText("kind ", posOf(pm, "Vision")));
  const bobId = [...suggestionsIn(bob.content()).keys()].find((id) => id !== aliceId)!;
  const cut = bob.edit((tr, pm) => tr.delete(posOf(pm, "now"), posOf(pm, "now") + "now".length));
  return {
    snapshot: new Uint8Array(Y.mergeUpdates([start, byAlice, byBob, cut])),
    aliceId,
    bobId,
    clients: { alice: alice.doc.clientID, bob: bob.doc.clientID },
    bobDeleted: encodeDeleteSet(Y.decodeUpdate(cut).ds),
  };
}

/**
 * A group with a subgroup and one of everything the export carries: comments with replies and a
 * deleted one that has a reply, reactions, a thread guest, every kind of poll (an anonymous one,
 * a changed vote, a closed one with an outcome, one with chosen voters), a template, folders,
 * file and link resources (with versions), a meeting, thread attachments with and without their
 * bytes, a missing attachment, and a document with versions, one adopted.
 */
async function buildScene(filesDir: string) {
  const db = getDb();
  const { group, admin, alice, bob, guest, as } = await pollGroup();
  const sub = await makeGroup({ parentId: group.id, name: "Working group" });
  await addMember(sub.id, admin.id, "admin");
  await addMember(sub.id, alice.id, "member");
  const carol = await makeUser({ name: "Carol" });
  await addMember(group.id, carol.id, "member");

  const meeting = await makeMeeting({ groupId: group.id, createdById: admin.id, title: "March meeting", attendeeIds: [alice.id, bob.id] });
  const thread = await as(alice).thread.create({ groupId: group.id, title: "Budget", body: "Let us **agree** the budget", tags: ["money", "2026"], meetingId: meeting.id });
  const first = await as(bob).comment.create({ threadId: thread.id, body: "First" });
  await as(alice).comment.create({ threadId: thread.id, body: "A reply to the first", parentId: first.id });
  const doomed = await as(carol).comment.create({ threadId: thread.id, body: "Soon deleted" });
  await as(bob).comment.create({ threadId: thread.id, body: "A reply to the deleted one", parentId: doomed.id });
  await as(carol).comment.delete({ id: doomed.id });
  await as(admin).comment.create({ threadId: thread.id, body: "Last word" });
  // Carol leaves: her comment (deleted or not) still names her.
  await db.membership.deleteMany({ where: { groupId: group.id, userId: carol.id } });
  await as(bob).reaction.toggle({ subject: "thread", id: thread.id, emoji: "👍" });
  await as(admin).reaction.toggle({ subject: "comment", id: first.id, emoji: "❤️" });
  await as(alice).reaction.toggle({ subject: "comment", id: first.id, emoji: "🎉" });
  await db.threadGuest.create({ data: { threadId: thread.id, userId: guest.id } });
  const subThread = await as(admin).thread.create({ groupId: sub.id, title: "Working notes", body: "Notes" });
  await as(alice).comment.create({ threadId: subThread.id, body: "Noted" });

  const optionsOf = async (id: string) => (await as(admin).poll.byId({ id })).options.map((option) => option.id);
  const closing = inOneWeek();
  const named = await as(admin).poll.create({ groupId: group.id, threadId: thread.id, kind: "proposal", title: "Adopt the budget", closingAt: closing });
  const [agree, , disagree] = await optionsOf(named.id);
  await as(alice).poll.vote({ pollId: named.id, choices: [{ optionId: agree! }], reason: "Fair" });
  await as(bob).poll.vote({ pollId: named.id, choices: [{ optionId: disagree! }] });
  await as(bob).poll.vote({ pollId: named.id, choices: [{ optionId: agree! }], reason: "Convinced" });
  await as(admin).poll.close({ id: named.id });
  await as(admin).poll.setOutcome({ id: named.id, statement: "Adopted as written", optionId: agree! });

  const secret = await as(admin).poll.create({ groupId: group.id, kind: "proposal", title: "Secret ballot", closingAt: closing, anonymous: true });
  const [sAgree, sAbstain, sDisagree] = await optionsOf(secret.id);
  await as(alice).poll.vote({ pollId: secret.id, choices: [{ optionId: sAgree! }], reason: "Alice's private reason" });
  await as(bob).poll.vote({ pollId: secret.id, choices: [{ optionId: sAbstain! }] });
  await as(admin).poll.vote({ pollId: secret.id, choices: [{ optionId: sDisagree! }] });
  await as(admin).poll.close({ id: secret.id });

  const colours = await as(admin).poll.create({ groupId: group.id, kind: "poll", title: "Colours", options: ["Red", "Green", "Blue"], maxChoices: 2, closingAt: closing, meetingId: meeting.id });
  const [red, green, blue] = await optionsOf(colours.id);
  await as(alice).poll.vote({ pollId: colours.id, choices: [{ optionId: red! }, { optionId: green! }] });
  await as(bob).poll.vote({ pollId: colours.id, choices: [{ optionId: blue! }] });
  const count = await as(admin).poll.create({ groupId: group.id, kind: "count", title: "Who comes?", closingAt: closing, countTarget: 3 });
  await as(alice).poll.vote({ pollId: count.id, choices: [{ optionId: (await optionsOf(count.id))[0]! }] });
  const check = await as(admin).poll.create({ groupId: group.id, kind: "check", title: "Sense check", closingAt: closing });
  await as(bob).poll.vote({ pollId: check.id, choices: [{ optionId: (await optionsOf(check.id))[2]! }] });
  const question = await as(admin).poll.create({ groupId: group.id, kind: "question", title: "Any ideas?", closingAt: closing });
  await as(alice).poll.vote({ pollId: question.id, choices: [], reason: "A garden" });
  const score = await as(admin).poll.create({ groupId: group.id, kind: "score", title: "Scores", options: ["A", "B"], scoreMin: 1, scoreMax: 5, closingAt: closing });
  const [sa, sb] = await optionsOf(score.id);
  await as(alice).poll.vote({ pollId: score.id, choices: [{ optionId: sa!, score: 5 }, { optionId: sb!, score: 2 }] });
  await as(bob).poll.vote({ pollId: score.id, choices: [{ optionId: sa!, score: 3 }] });
  const dots = await as(admin).poll.create({ groupId: group.id, kind: "dot_vote", title: "Dots", options: ["A", "B", "C"], dotsPerPerson: 5, closingAt: closing });
  const [da, db_, dc] = await optionsOf(dots.id);
  await as(alice).poll.vote({ pollId: dots.id, choices: [{ optionId: da!, score: 3 }, { optionId: db_!, score: 2 }] });
  await as(bob).poll.vote({ pollId: dots.id, choices: [{ optionId: dc!, score: 5 }] });
  const ranked = await as(admin).poll.create({ groupId: group.id, kind: "ranked_choice", title: "Priorities", options: ["X", "Y", "Z"], closingAt: closing });
  const [x, y, z] = await optionsOf(ranked.id);
  await as(alice).poll.vote({ pollId: ranked.id, choices: [{ optionId: x!, rank: 1 }, { optionId: y!, rank: 2 }, { optionId: z!, rank: 3 }] });
  await as(bob).poll.vote({ pollId: ranked.id, choices: [{ optionId: z!, rank: 1 }, { optionId: x!, rank: 2 }] });
  await as(admin).poll.vote({ pollId: ranked.id, choices: [{ optionId: y!, rank: 1 }] });
  const slots = [2, 3].map((days) => new Date(Date.now() + days * 86_400_000).toISOString());
  const when = await as(admin).poll.create({ groupId: group.id, kind: "meeting", title: "When?", options: slots, closingAt: closing });
  const [early, late] = await optionsOf(when.id);
  await as(alice).poll.vote({ pollId: when.id, choices: [{ optionId: early!, score: 2 }, { optionId: late!, score: 1 }] });
  await as(bob).poll.vote({ pollId: when.id, choices: [{ optionId: late!, score: 2 }] });
  const chosen = await as(admin).poll.create({ groupId: group.id, kind: "proposal", title: "Chosen voters", closingAt: closing, voterIds: [alice.id, admin.id], hideResults: "until_closed" });
  await as(alice).poll.vote({ pollId: chosen.id, choices: [{ optionId: (await optionsOf(chosen.id))[1]! }] });
  await db.pollTemplate.create({ data: { groupId: group.id, name: "Quick check", kind: "check", settings: JSON.stringify({ description: "A quick check" }) } });

  // Uploaded files: their bytes in the export's files folder, except one attachment's.
  mkdirSync(filesDir, { recursive: true });
  const upload = async (name: string, content: string, keepBytes = true) => {
    const bytes = Buffer.from(content);
    if (keepBytes) writeFileSync(path.join(filesDir, sha256(bytes)), bytes);
    return db.storedFile.create({
      data: { sha256: sha256(bytes), size: bytes.length, contentType: "application/pdf", originalName: name, uploadedById: admin.id },
      select: { id: true },
    });
  };
  const minutes = await db.folder.create({ data: { groupId: group.id, name: "Minutes", createdById: admin.id } });
  const year = await db.folder.create({ data: { groupId: group.id, parentId: minutes.id, name: "2026", createdById: admin.id } });
  const [v1, v2] = [await upload("minutes-v1.pdf", "%PDF-1.4 first minutes"), await upload("minutes-v2.pdf", "%PDF-1.4 corrected minutes")];
  await db.resource.create({
    data: {
      groupId: group.id,
      folderId: year.id,
      meetingId: meeting.id,
      kind: "file",
      title: "Minutes, March",
      authorId: admin.id,
      publishedAt: new Date(),
      publishedById: admin.id,
      latestVersion: 2,
      tags: { create: [{ name: "minutes" }] },
      versions: { create: [{ number: 1, fileId: v1.id, uploadedById: admin.id }, { number: 2, fileId: v2.id, uploadedById: alice.id, note: "Typos" }] },
    },
  });
  await db.resource.create({ data: { groupId: group.id, kind: "link", title: "Our website", url: "https://example.org", authorId: alice.id } });
  const kept = await upload("plan.pdf", "%PDF-1.4 the plan");
  const lost = await upload("lost.pdf", "%PDF-1.4 never exported", false);
  await db.threadAttachment.createMany({ data: [{ threadId: thread.id, fileId: kept.id }, { threadId: thread.id, fileId: lost.id }] });
  await db.missingAttachment.create({ data: { threadId: thread.id, filename: "from-loomio.docx", sourceUrl: "https://loomio.example/file" } });

  const visionText = suggestedVision();
  const document = await db.document.create({
    data: {
      groupId: group.id,
      title: "Our vision",
      createdById: admin.id,
      snapshot: visionText.snapshot,
      mode: "suggesting",
      guestsMaySuggest: true,
      guests: { create: [{ userId: guest.id }] },
      versions: {
        create: ["First draft", "Second draft"].map((text, index) => ({
          kind: "named" as const,
          name: `Version ${index + 1}`,
          state: stateOf([paragraph(text)]),
          createdById: alice.id,
          createdAt: new Date(Date.UTC(2026, 0, index + 1)),
          authors: { create: [{ userId: alice.id }, { userId: bob.id }] },
        })),
      },
    },
    select: { id: true, versions: { select: { id: true }, orderBy: { createdAt: "asc" } } },
  });
  await db.document.update({ where: { id: document.id }, data: { adoptedVersionId: document.versions[0]!.id } });
  await db.documentVersion.update({ where: { id: document.versions[0]!.id }, data: { adoptedAt: new Date(), pollId: named.id } });

  // Suggesting mode: Alice's open suggestion (with replies), Bob's put to the vote as Amendment 2
  // (and Carol's alternative to it), and an earlier one of Alice's adopted as Amendment 1; who wrote
  // as which Yjs client, what Bob deleted, and the words each author of a version wrote.
  const amendedAt = new Date(Date.UTC(2026, 1, 1));
  const amendment1 = await db.amendment.create({
    data: {
      documentId: document.id,
      number: 1,
      proposedById: alice.id,
      passage: "Homes",
      replacement: "Good homes",
      pollId: chosen.id,
      status: "adopted",
      result: "Passed: 2 of 2 voted",
      versionId: document.versions[1]!.id,
      decidedAt: amendedAt,
      createdAt: amendedAt,
    },
  });
  const second = await db.amendment.create({ data: { documentId: document.id, number: 2, proposedById: bob.id, passage: "Vision", replacement: "kind Vision", pollId: ranked.id } });
  await db.amendment.create({ data: { documentId: document.id, number: 3, proposedById: carol.id, passage: "Vision", replacement: "Shared vision", pollId: ranked.id, competesWithId: second.id } });
  await db.suggestion.create({
    data: {
      id: visionText.aliceId,
      documentId: document.id,
      authorId: alice.id,
      createdAt: amendedAt,
      replies: { create: [{ authorId: bob.id, body: "Yes: **warm**", createdAt: amendedAt }, { authorId: alice.id, body: "Thank you" }] },
    },
  });
  await db.suggestion.create({ data: { id: visionText.bobId, documentId: document.id, authorId: bob.id, amendmentId: second.id } });
  await db.suggestion.create({
    data: { id: newSuggestionId(), documentId: document.id, authorId: alice.id, status: "accepted", decidedById: admin.id, decidedAt: amendedAt, amendmentId: amendment1.id },
  });
  await db.documentClient.createMany({
    data: [
      { documentId: document.id, clientId: BigInt(visionText.clients.alice), userId: alice.id },
      { documentId: document.id, clientId: BigInt(visionText.clients.bob), userId: bob.id },
    ],
  });
  await db.documentDeleteSet.create({ data: { documentId: document.id, userId: bob.id, deleteSet: visionText.bobDeleted } });
  await db.documentVersionAuthor.update({
    where: { versionId_userId: { versionId: document.versions[0]!.id, userId: alice.id } },
    data: { wordsAdded: 12, wordsRemoved: 3, suggestionsAccepted: 1 },
  });

  // Voting rules: the group's defaults, and a closed poll's rules with the eligible count frozen at its close.
  await db.group.update({
    where: { id: group.id },
    data: { votingRuleDefaults: JSON.stringify({ quorum: { percent: 50 }, threshold: { rule: "two_thirds", of: "eligible" }, requireReasonFor: ["disagree"] }) },
  });
  await db.poll.update({
    where: { id: named.id },
    data: { quorumCount: 2, thresholdRule: "custom", thresholdPercent: 60, thresholdBase: "eligible", reasonRequiredFor: "disagree,block", eligibleAtClose: 3 },
  });
  await db.poll.update({ where: { id: count.id }, data: { quorumPercent: 40, thresholdRule: "simple_majority", opensAt: new Date(Date.UTC(2026, 1, 1)), openedNoticeAt: new Date(Date.UTC(2026, 1, 1, 0, 5)) } });

  // Decisions: a poll's outcome (with notes), an adopted version, and a chain of replacements
  // written oldest first, so the file must put each replacement before what it replaced.
  const decidedAt = new Date(Date.UTC(2026, 2, 1));
  // The outcome may have made the poll's decision already; either way it ends up as written here.
  const budgetDecision = {
    groupId: group.id,
    title: "Adopt the budget",
    result: "Adopted as written",
    verdict: "Passed: 2 of 3 eligible voted (quorum 2); 2 agree",
    decidedAt,
    ownerId: alice.id,
    status: "in_progress" as const,
    reviewOn: new Date(Date.UTC(2026, 8, 1)),
  };
  const budget = await db.decision.upsert({ where: { pollId: named.id }, create: { ...budgetDecision, pollId: named.id }, update: budgetDecision, select: { id: true } });
  await db.decisionNote.deleteMany({ where: { decisionId: budget.id } });
  await db.decisionNote.createMany({
    data: [
      { decisionId: budget.id, authorId: alice.id, body: "Started on it", status: "in_progress", createdAt: decidedAt },
      { decisionId: budget.id, authorId: carol.id, body: "A note from someone who left" },
    ],
  });
  const vision = { groupId: group.id, title: "Our vision", result: "Version 1", decidedAt };
  await db.decision.upsert({ where: { documentVersionId: document.versions[0]!.id }, create: { ...vision, documentVersionId: document.versions[0]!.id }, update: vision });
  const oldest = await db.decision.create({ data: { groupId: group.id, title: "Meet monthly", result: "Monthly", decidedAt, status: "superseded" } });
  const middle = await db.decision.create({ data: { groupId: group.id, title: "Meet fortnightly", result: "Fortnightly", decidedAt, status: "superseded" } });
  const newest = await db.decision.create({ data: { groupId: sub.id, title: "Meet weekly", result: "Weekly", decidedAt, ownerId: bob.id } });
  await db.decision.update({ where: { id: oldest.id }, data: { supersededById: middle.id } });
  await db.decision.update({ where: { id: middle.id }, data: { supersededById: newest.id } });

  // Tasks written in a comment, a thread, a meeting's agenda and a document comment, and one added by hand.
  const due = new Date(Date.UTC(2026, 11, 10));
  await db.task.create({
    data: {
      groupId: group.id,
      title: "Book the room",
      dueOn: due,
      createdById: bob.id,
      threadId: thread.id,
      commentId: first.id,
      sourceKey: `comment:${first.id}:0`,
      decisionId: budget.id,
      assignees: { create: [{ userId: alice.id }, { userId: bob.id }] },
    },
  });
  await db.task.create({
    data: { groupId: group.id, title: "Draft the budget", createdById: alice.id, threadId: thread.id, sourceKey: `thread:${thread.id}:1`, doneAt: decidedAt, doneById: alice.id, assignees: { create: [{ userId: alice.id }] } },
  });
  await db.task.create({ data: { groupId: group.id, title: "Send the agenda", createdById: admin.id, meetingId: meeting.id, sourceKey: `meeting:${meeting.id}:0`, dueRemindedAt: decidedAt } });
  const docComment = await makeDocComment({ documentId: document.id, authorId: alice.id, body: "- [ ] [@Bob](mention:x) read it" });
  await db.task.create({ data: { groupId: group.id, title: "Read the vision", createdById: alice.id, docCommentId: docComment.id, sourceKey: `doc_comment:${docComment.id}:0`, assignees: { create: [{ userId: bob.id }] } } });
  await db.task.create({ data: { groupId: sub.id, title: "Tidy the notes", createdById: admin.id, decisionId: newest.id, assignees: { create: [{ userId: admin.id }] } } });

  // Requests to acknowledge an outcome, an adopted version and minutes; one acknowledgement is of an older text.
  const ackAt = new Date(Date.UTC(2026, 2, 2));
  await db.ackRequest.create({
    data: {
      groupId: group.id,
      subjectType: "outcome",
      subjectId: named.id,
      contentHash: "a".repeat(64),
      requestedById: admin.id,
      lastRemindedAt: ackAt,
      acks: { create: [{ userId: alice.id, contentHash: "a".repeat(64), at: ackAt }, { userId: bob.id, contentHash: "b".repeat(64), at: ackAt }] },
    },
  });
  await db.ackRequest.create({ data: { groupId: group.id, subjectType: "document_version", subjectId: document.versions[0]!.id, contentHash: "c".repeat(64), requestedById: admin.id } });
  await db.ackRequest.create({ data: { groupId: group.id, subjectType: "minutes", subjectId: meeting.id, contentHash: "d".repeat(64), acks: { create: [{ userId: carol.id, contentHash: "d".repeat(64), at: ackAt }] } } });
  // Read receipts stay out of the file.
  await db.outcomeSeen.create({ data: { pollId: named.id, userId: alice.id } });

  // The community: a charter with two versions and two organisations' signatures (one approved),
  // an initiative of an organisation with tags and the thread about it, and a stakeholder map.
  const ageConcern = await db.organisation.create({ data: { name: "Age Concern Northtown" } });
  const library = await db.organisation.create({ data: { name: "Northtown Library" } });
  const signedOn = new Date(Date.UTC(2026, 3, 1));
  await db.charter.create({
    data: {
      groupId: group.id,
      body: "We **care** for one another",
      isPublic: true,
      versions: { create: [{ number: 1, body: "We care", createdById: admin.id, createdAt: decidedAt }, { number: 2, body: "We **care** for one another", createdById: alice.id }] },
      signatures: {
        create: [
          { organisationId: ageConcern.id, status: "approved", requestedById: alice.id, decidedById: admin.id, signedOn, decidedAt: signedOn, note: "Signed at the AGM" },
          { organisationId: library.id, requestedById: bob.id },
        ],
      },
    },
  });
  const befriending = await db.initiative.create({
    data: {
      groupId: group.id,
      name: "Befriending",
      description: "Visits to people living alone",
      organisationId: ageConcern.id,
      contact: "befriending@example.org",
      area: "North ward",
      createdById: alice.id,
      tags: { create: [{ tag: "loneliness" }, { tag: "older people" }] },
      threads: { create: [{ threadId: thread.id }, { threadId: subThread.id }] },
    },
  });
  await db.initiative.create({ data: { groupId: sub.id, name: "Village agents", createdById: carol.id } });
  const council = await db.stakeholder.create({ data: { groupId: group.id, name: "Town council", sector: "council", relationship: "supporter", x: 120.5, y: -40 } });
  const charity = await db.stakeholder.create({
    data: { groupId: group.id, name: "Age Concern", organisationId: ageConcern.id, initiativeId: befriending.id, sector: "third_sector", relationship: "core", notes: "Runs befriending", x: 10, y: 20 },
  });
  const vicar = await db.stakeholder.create({ data: { groupId: group.id, name: "The vicar", kind: "person", sector: "faith", relationship: "to_approach" } });
  await db.stakeholderLink.createMany({
    data: [
      { groupId: group.id, fromId: council.id, toId: charity.id, kind: "funds" },
      { groupId: group.id, fromId: vicar.id, toId: charity.id, kind: "refers_to" },
      { groupId: group.id, fromId: charity.id, toId: vicar.id, kind: "partners_with" },
    ],
  });
  // Push subscriptions are device secrets: never in the file.
  await db.pushSubscription.create({ data: { userId: alice.id, endpoint: "https://push.example/alice-device", p256dh: "alice-p256dh-key", auth: "alice-auth-secret" } });

  return { group, sub, admin, alice, bob, carol, thread, secret, named, council, document, visionText, files: { kept, lost } };
}

const sortedJson = <T>(rows: T[]) => rows.map((row) => JSON.stringify(row)).sort();

/**
 * Everything a person sees of the group tree, in terms that do not depend on the database's ids:
 * the basis of the round-trip comparison. Every poll is read as closed, so that results hidden
 * while a poll is open (anonymous ones) are compared too.
 */
async function picture(db: Db, handle: string, viewerId: string, skipEmail: string) {
  const top = await db.group.findUniqueOrThrow({ where: { handle }, select: { id: true } });
  const groupIds = [top.id, ...(await descendantIds(db, top.id))];
  const inGroups = { groupId: { in: groupIds } };
  await db.poll.updateMany({ where: { ...inGroups, closedAt: null }, data: { closedAt: new Date("2030-01-01") } });

  const groups = await db.group.findMany({
    where: { id: { in: groupIds } },
    select: { handle: true, name: true, description: true, parent: { select: { handle: true } }, membersCanPropose: true, votingRuleDefaults: true },
    orderBy: { handle: "asc" },
  });
  const memberships = await db.membership.findMany({
    where: { ...inGroups, user: { email: { not: skipEmail } } },
    select: { role: true, group: { select: { handle: true } }, user: { select: { email: true, name: true } } },
  });
  const threads = await db.thread.findMany({
    where: inGroups,
    orderBy: { title: "asc" },
    select: {
      id: true,
      title: true,
      body: true,
      commentCount: true,
      lastCommentSeq: true,
      closedAt: true,
      createdAt: true,
      group: { select: { handle: true } },
      author: { select: { email: true } },
      meeting: { select: { title: true } },
      tags: { select: { tag: true }, orderBy: { tag: "asc" } },
      guests: { select: { user: { select: { email: true } } } },
      attachments: { select: { file: { select: { originalName: true, sha256: true, size: true } } }, orderBy: { file: { originalName: "asc" } } },
      missingAttachments: { select: { filename: true }, orderBy: { filename: "asc" } },
      comments: {
        orderBy: { seq: "asc" },
        select: { id: true, body: true, parentId: true, deletedAt: true, createdAt: true, author: { select: { email: true } } },
      },
    },
  });
  const labels = new Map<string, string>();
  for (const thread of threads) {
    labels.set(thread.id, `thread ${thread.title}`);
    for (const comment of thread.comments) labels.set(comment.id, `comment ${comment.body || "(deleted)"}`);
  }
  const reactions = await db.reaction.findMany({ where: { subjectId: { in: [...labels.keys()] } }, select: { subjectId: true, emoji: true, user: { select: { email: true } } } });

  const polls = await db.poll.findMany({
    where: inGroups,
    orderBy: { title: "asc" },
    select: {
      id: true,
      kind: true,
      title: true,
      details: true,
      anonymous: true,
      hideResults: true,
      allowChangeVote: true,
      restrictVoters: true,
      minChoices: true,
      maxChoices: true,
      dotsPerPerson: true,
      scoreMin: true,
      scoreMax: true,
      countTarget: true,
      quorumCount: true,
      quorumPercent: true,
      thresholdRule: true,
      thresholdPercent: true,
      thresholdBase: true,
      reasonRequiredFor: true,
      opensAt: true,
      openedNoticeAt: true,
      eligibleAtClose: true,
      closingAt: true,
      outcomeStatement: true,
      thread: { select: { title: true } },
      meeting: { select: { title: true } },
      voters: { select: { user: { select: { email: true } } } },
      options: { select: { id: true, name: true, startsAt: true }, orderBy: { position: "asc" } },
      _count: { select: { ballots: { where: { supersededAt: { not: null } } } } },
    },
  });
  const caller = callerOn(db, viewerId);
  const pollPictures = [];
  for (const { id, options, voters, _count, ...poll } of polls) {
    const results = await caller.poll.results({ pollId: id });
    const detail = await caller.poll.byId({ id });
    const nameOf = (optionId: string) => options.find((option) => option.id === optionId)?.name ?? optionId;
    const ballots = results.ballots.map(({ voter, choices, reason }) => ({
      voter: voter?.name ?? null,
      // A ballot's choices have no order of their own (their ids are random); ranks say the order where there is one.
      choices: choices.map((choice) => ({ ...choice, optionId: nameOf(choice.optionId) })).sort((a, b) => a.optionId.localeCompare(b.optionId)),
      reason,
    }));
    let withNames = JSON.stringify({ tally: results.tally, ballots: sortedJson(ballots) });
    for (const option of options) withNames = withNames.replaceAll(option.id, option.name);
    pollPictures.push({
      ...poll,
      options: options.map(({ name, startsAt }) => ({ name, startsAt })),
      voters: voters.map(({ user }) => user.email).sort(),
      results: JSON.parse(withNames) as unknown,
      outcome: detail.outcomeDetail && { ...detail.outcomeDetail, optionId: options.find((option) => option.id === detail.outcomeDetail?.optionId)?.name ?? null },
      voteHistory: _count.ballots,
    });
  }

  const resources = await db.resource.findMany({
    where: inGroups,
    orderBy: { title: "asc" },
    select: {
      title: true,
      kind: true,
      url: true,
      latestVersion: true,
      publishedAt: true,
      folder: { select: { name: true, parent: { select: { name: true } } } },
      meeting: { select: { title: true } },
      tags: { select: { name: true } },
      versions: { orderBy: { number: "asc" }, select: { number: true, note: true, uploadedBy: { select: { email: true } }, file: { select: { originalName: true, sha256: true, size: true } } } },
    },
  });
  const meetings = await db.meeting.findMany({
    where: inGroups,
    select: { title: true, startsAt: true, attendees: { select: { user: { select: { email: true } } }, orderBy: { user: { email: "asc" } } } },
  });
  const templates = await db.pollTemplate.findMany({ where: inGroups, select: { name: true, kind: true, settings: true } });
  const documents = [];
  for (const document of await db.document.findMany({
    where: inGroups,
    orderBy: { title: "asc" },
    select: {
      id: true,
      title: true,
      adoptedVersion: { select: { name: true } },
      guests: { select: { user: { select: { email: true } } } },
      versions: {
        orderBy: { createdAt: "asc" },
        select: { name: true, kind: true, state: true, adoptedAt: true, poll: { select: { title: true } }, authors: { select: { user: { select: { email: true } } } } },
      },
    },
  })) {
    documents.push({
      title: document.title,
      markdown: toMarkdown(contentOf(await loadDocumentState(db, document.id)), document.title),
      adopted: document.adoptedVersion?.name ?? null,
      guests: document.guests.map(({ user }) => user.email),
      versions: document.versions.map(({ state, authors, poll, ...version }) => ({
        ...version,
        poll: poll?.title ?? null,
        authors: authors.map(({ user }) => user.email).sort(),
        markdown: toMarkdown(contentOf(state), document.title),
      })),
    });
  }

  const decisions = await db.decision.findMany({
    where: inGroups,
    orderBy: { title: "asc" },
    select: {
      title: true,
      result: true,
      verdict: true,
      decidedAt: true,
      status: true,
      reviewOn: true,
      group: { select: { handle: true } },
      owner: { select: { email: true } },
      poll: { select: { title: true } },
      documentVersion: { select: { name: true } },
      supersededBy: { select: { title: true } },
      notes: { orderBy: { body: "asc" }, select: { body: true, status: true, createdAt: true, author: { select: { email: true } } } },
    },
  });
  const meetingTitles = new Map(
    (await db.meeting.findMany({ where: inGroups, select: { id: true, title: true } })).map(({ id, title }) => [id, `meeting ${title}`]),
  );
  const tasks = await db.task.findMany({
    where: inGroups,
    orderBy: { title: "asc" },
    select: {
      title: true,
      dueOn: true,
      doneAt: true,
      sourceKey: true,
      dueRemindedAt: true,
      docCommentId: true,
      group: { select: { handle: true } },
      doneBy: { select: { email: true } },
      createdBy: { select: { email: true } },
      thread: { select: { title: true } },
      comment: { select: { body: true } },
      meeting: { select: { title: true } },
      decision: { select: { title: true } },
      assignees: { select: { user: { select: { email: true } } }, orderBy: { user: { email: "asc" } } },
    },
  });
  /** A source key with the id of its text replaced by what the text is, as ids differ between instances. */
  const sourceKeyLabel = (key: string | null) => key && key.replace(/:(.+):/, (_, id: string) => `:${labels.get(id) ?? meetingTitles.get(id) ?? "?"}:`);
  const acknowledgementRequests = await db.ackRequest.findMany({
    where: inGroups,
    select: {
      subjectType: true,
      subjectId: true,
      contentHash: true,
      lastRemindedAt: true,
      requestedBy: { select: { email: true } },
      acks: { select: { contentHash: true, at: true, user: { select: { email: true } } }, orderBy: { user: { email: "asc" } } },
    },
  });
  const subjectOf = async (type: string, id: string) =>
    type === "outcome"
      ? (await db.poll.findUniqueOrThrow({ where: { id }, select: { title: true } })).title
      : type === "minutes"
        ? meetingTitles.get(id)
        : (await db.documentVersion.findUniqueOrThrow({ where: { id }, select: { name: true } })).name;
  const acks = [];
  for (const { subjectId, ...request } of acknowledgementRequests) acks.push({ ...request, subject: await subjectOf(request.subjectType, subjectId) });
  // In JavaScript: PostgreSQL orders an enum by its declaration, SQLite by its text.
  acks.sort((a, b) => `${a.subjectType} ${a.subject}`.localeCompare(`${b.subjectType} ${b.subject}`));

  return {
    groups: groups.map(({ parent, ...group }) => ({ ...group, parent: parent?.handle ?? null })),
    decisions,
    tasks: tasks.map(({ sourceKey, docCommentId, ...task }) => ({ ...task, sourceKey: sourceKeyLabel(sourceKey), fromDocComment: docCommentId !== null })),
    acks,
    memberships: sortedJson(memberships.map(({ role, group, user }) => [group.handle, user.email, user.name, role])),
    threads: threads.map(({ id: _id, comments, tags, guests, attachments, missingAttachments, ...thread }) => ({
      ...thread,
      tags: tags.map(({ tag }) => tag),
      guests: guests.map(({ user }) => user.email),
      attachments: attachments.map(({ file }) => file),
      missingAttachments: missingAttachments.map(({ filename }) => filename),
      comments: comments.map(({ id: _commentId, parentId, ...comment }) => ({ ...comment, parent: parentId ? labels.get(parentId) : null })),
    })),
    reactions: sortedJson(reactions.map(({ subjectId, emoji, user }) => [labels.get(subjectId), emoji, user.email])),
    polls: pollPictures,
    resources: resources.map(({ tags, ...resource }) => ({ ...resource, tags: tags.map(({ name }) => name) })),
    meetings: meetings.map(({ attendees, ...meeting }) => ({ ...meeting, attendees: attendees.map(({ user }) => user.email) })),
    templates,
    documents,
  };
}

async function rowCounts(db: Db) {
  const [users, groups, memberships, threads, comments, reactions, polls, options, ballots, resources, versions, files, documents, records, decisions, notes, tasks, assignees, requests, acks] = await Promise.all([
    db.user.count(),
    db.group.count(),
    db.membership.count(),
    db.thread.count(),
    db.comment.count(),
    db.reaction.count(),
    db.poll.count(),
    db.pollOption.count(),
    db.ballot.count(),
    db.resource.count(),
    db.resourceVersion.count(),
    db.storedFile.count(),
    db.documentVersion.count(),
    db.importedRecord.count(),
    db.decision.count(),
    db.decisionNote.count(),
    db.task.count(),
    db.taskAssignee.count(),
    db.ackRequest.count(),
    db.acknowledgement.count(),
  ]);
  const community = await Promise.all([
    db.organisation.count(),
    db.charter.count(),
    db.charterVersion.count(),
    db.charterSignature.count(),
    db.initiative.count(),
    db.initiativeTag.count(),
    db.threadInitiative.count(),
    db.stakeholder.count(),
    db.stakeholderLink.count(),
  ]);
  const suggesting = await Promise.all([
    db.amendment.count(),
    db.suggestion.count(),
    db.suggestionReply.count(),
    db.documentClient.count(),
    db.documentDeleteSet.count(),
    db.documentVersionAuthor.count(),
  ]);
  return { users, groups, memberships, threads, comments, reactions, polls, options, ballots, resources, versions, files, documents, records, decisions, notes, tasks, assignees, requests, acks, community, suggesting };
}

describe("Hearth export and import: the round trip", () => {
  let scene: Awaited<ReturnType<typeof buildScene>>;
  let exportFile: string;
  let lines: { type: string; data: Record<string, unknown> }[];
  let target: Awaited<ReturnType<typeof freshDatabase>>;
  let importer: { id: string; email: string };
  let dryRun: ImportReport;
  let report: ImportReport;
  const storageOf = () => localDiskStorage(path.join(target.dir, "uploads"));

  beforeAll(async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "hearth-scene-"));
    scene = await buildScene(path.join(folder, "files"));
    exportFile = await exportToFile(getDb(), scene.group.id);
    // The files folder goes beside the export, as when the ZIP download is unpacked.
    cpSync(path.join(folder, "files"), path.join(path.dirname(exportFile), "files"), { recursive: true });
    lines = readFileSync(exportFile, "utf8").trimEnd().split("\n").map((line) => JSON.parse(line) as (typeof lines)[number]);

    target = await freshDatabase();
    importer = await target.db.user.create({ data: { name: "Importer", email: "importer@example.test", passwordHash: "x" }, select: { id: true, email: true } });
    dryRun = await importHearth(target.db, { filePath: exportFile, adminUserId: importer.id, dryRun: true, storage: storageOf() });
    report = await importHearth(target.db, { filePath: exportFile, adminUserId: importer.id, dryRun: false, storage: storageOf() });
  }, 180_000);

  afterAll(async () => {
    await target?.db.$disconnect();
  });

  it("writes a versioned header, then every record after the records it refers to", () => {
    const [header, ...records] = lines as unknown as [Record<string, unknown>, ...typeof lines];
    expect(header).toMatchObject({ format: "hearth-export", version: 1, group: { id: scene.group.id, handle: scene.group.handle, name: scene.group.name } });
    const seen = new Set<string>();
    const references = (data: Record<string, unknown>): string[] =>
      Object.entries(data).flatMap(([key, value]) => {
        if (key === "fileId") return [];
        if (key.endsWith("Id") && typeof value === "string") return [value];
        if (key.endsWith("Ids") && Array.isArray(value)) return value as string[];
        if (key === "choices") return (value as { optionId: string }[]).map(({ optionId }) => optionId);
        return [];
      });
    for (const { type, data } of records) {
      for (const id of references(data)) {
        if (type === "group" && data.id === scene.group.id) continue;
        expect(seen.has(id), `${type} ${String(data.id)} refers to ${id} before it is written`).toBe(true);
      }
      if (typeof data.id === "string") seen.add(data.id);
    }
    const types = new Set(records.map(({ type }) => type));
    for (const type of ["group", "user", "membership", "thread", "thread_guest", "thread_attachment", "comment", "missing_attachment", "reaction", "poll", "poll_option", "ballot", "participation", "outcome", "poll_template", "folder", "resource", "resource_version", "meeting", "meeting_attendee", "document", "document_version", "decision", "decision_note", "task", "ack_request", "charter", "initiative", "stakeholder", "stakeholder_link", "amendment", "suggestion", "document_client", "document_delete_set"]) {
      expect(types, type).toContain(type);
    }
    // Each person once, and only people the group's records mention.
    const users = records.filter(({ type }) => type === "user").map(({ data }) => data.email);
    expect(new Set(users).size).toBe(users.length);
  });

  it("holds no password hash, token or credential version, and no voter or time in anonymous ballots", async () => {
    const raw = readFileSync(exportFile, "utf8");
    // Read receipts (threads read, outcomes seen) and document comments are not in the file.
    for (const secret of ["passwordHash", "credentialVersion", "tokenHash", "receipt", "changeKey", "$2a$", "$2b$", "seenAt", "lastReadSeq", "docCommentId", "push.example", "p256dh", "alice-auth-secret"]) expect(raw).not.toContain(secret);
    const { passwordHash } = await getDb().user.findUniqueOrThrow({ where: { id: scene.alice.id }, select: { passwordHash: true } });
    expect(raw).not.toContain(passwordHash);

    const secretBallots = lines.filter(({ type, data }) => type === "ballot" && data.pollId === scene.secret.id);
    expect(secretBallots).toHaveLength(3);
    for (const { data } of secretBallots) expect(Object.keys(data).sort()).toEqual(["choices", "id", "pollId", "reason"]);
    const stored = await getDb().ballot.findMany({ where: { pollId: scene.secret.id }, select: { id: true } });
    for (const { id } of stored) expect(raw).not.toContain(id);
    expect(lines.filter(({ type, data }) => type === "participation" && data.pollId === scene.secret.id)).toEqual([]);

    const namedBallots = lines.filter(({ type, data }) => type === "ballot" && data.pollId === scene.named.id);
    expect(namedBallots.map(({ data }) => [data.voterId, data.supersededAt === null])).toEqual(
      expect.arrayContaining([
        [scene.alice.id, true],
        [scene.bob.id, true],
        [scene.bob.id, false],
      ]),
    );
  });

  it("brings the same groups, threads, comments, votes, results, resources and documents into an empty instance", async () => {
    expect(report.skipped).toEqual([]);
    expect(report.groups.map(({ handle }) => handle).sort()).toEqual([scene.group.handle, scene.sub.handle].sort());
    const before = await picture(getDb(), scene.group.handle, scene.admin.id, importer.email);
    const after = await picture(target.db, scene.group.handle, importer.id, importer.email);
    expect(after.groups).toEqual(before.groups);
    expect(after.memberships).toEqual(before.memberships);
    // Attachments are compared below: one lost its bytes on the way, as files do.
    const withoutFiles = ({ attachments: _attachments, missingAttachments: _missing, ...thread }: (typeof before.threads)[number]) => thread;
    expect(after.threads.map(withoutFiles)).toEqual(before.threads.map(withoutFiles));
    expect(after.reactions).toEqual(before.reactions);
    expect(after.polls).toEqual(before.polls);
    expect(after.resources).toEqual(before.resources);
    expect(after.meetings).toEqual(before.meetings);
    expect(after.templates).toEqual(before.templates);
    expect(after.documents).toEqual(before.documents);
    expect(after.documents[0]!.markdown).toContain("Homes for everyone");
    expect(after.decisions).toEqual(before.decisions);
    // The closed poll's verdict is measured against the eligible count frozen at its close, so it survives the move.
    const verdictOf = async (db: Db) => verdictFor(db, (await db.poll.findFirstOrThrow({ where: { title: "Adopt the budget" }, select: { id: true } })).id);
    expect(await verdictOf(target.db)).toBe(await verdictOf(getDb()));
    expect(await verdictOf(target.db)).toMatch(/3 eligible/);
    expect(after.decisions.map(({ title, supersededBy }) => [title, supersededBy?.title ?? null])).toEqual([
      ["Adopt the budget", null],
      ["Meet fortnightly", "Meet weekly"],
      ["Meet monthly", "Meet fortnightly"],
      ["Meet weekly", null],
      ["Our vision", null],
    ]);
    // Document comments are not exported: a task written in one comes as a task added by hand.
    const byHand = ({ fromDocComment, sourceKey, ...task }: (typeof before.tasks)[number]) => ({ ...task, fromDocComment: false, sourceKey: fromDocComment ? null : sourceKey });
    expect(before.tasks.filter(({ fromDocComment }) => fromDocComment)).toHaveLength(1);
    expect(after.tasks).toEqual(before.tasks.map(byHand));
    expect(after.tasks.map(({ sourceKey }) => sourceKey)).toEqual(["comment:comment First:0", "thread:thread Budget:1", null, "meeting:meeting March meeting:0", null]);
    expect(after.acks).toEqual(before.acks);
    expect(after.acks.flatMap(({ acks }) => acks)).toHaveLength(3);

    // The attachment whose bytes came along is attached again; the other waits for an admin.
    const budget = (p: typeof before) => p.threads.find(({ title }) => title === "Budget")!;
    expect(budget(after).attachments.map(({ originalName }) => originalName)).toEqual(["plan.pdf"]);
    expect(budget(after).missingAttachments).toEqual(["from-loomio.docx", "lost.pdf"]);
    expect(report.warnings.join("\n")).toContain("lost.pdf");
  });

  it("writes the voting rules, decisions, tasks and acknowledgements again as they came: export, import, export", async () => {
    const { id } = await target.db.group.findUniqueOrThrow({ where: { handle: scene.group.handle }, select: { id: true } });
    const again = readFileSync(await exportToFile(target.db, id), "utf8").trimEnd().split("\n").slice(1).map((line) => JSON.parse(line) as (typeof lines)[number]);
    // Ids differ between instances; what the records say does not.
    const withoutIds = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(withoutIds)
        : typeof value === "object" && value !== null
          ? Object.fromEntries(
              Object.entries(value)
                .filter(([key]) => !/^id$|Ids?$/.test(key))
                .map(([key, field]) => [key, key === "sourceKey" && typeof field === "string" ? field.replace(/:.+:/, ":…:") : withoutIds(field)]),
            )
          : value;
    const shapes = (records: typeof lines, type: string) => sortedJson(records.filter((record) => record.type === type).map(({ data }) => withoutIds(data)));
    for (const type of ["decision", "decision_note", "task", "ack_request", "charter", "initiative", "stakeholder", "stakeholder_link"]) {
      expect(shapes(again, type), type).toEqual(shapes(lines, type));
    }
    // The document's text (its suggestions' marks in it), mode, versions with their counts, amendments, suggestions and authorship.
    for (const type of ["document", "document_version", "amendment", "suggestion", "document_client", "document_delete_set"]) {
      expect(shapes(again, type), type).toEqual(shapes(lines, type));
    }
    // What the ids pointed at survives too: the initiative's threads, the stakeholder's initiative and the links' ends.
    const titlesById = (records: typeof lines) => new Map(records.filter(({ data }) => typeof data?.id === "string").map(({ data }) => [data.id as string, String(data.title ?? data.name)]));
    const pointers = (records: typeof lines) => {
      const names = titlesById(records);
      return sortedJson(
        records.flatMap(({ type, data }) =>
          type === "initiative"
            ? [[data.name, ...(data.threadIds as string[]).map((id) => names.get(id)).sort()]]
            : type === "stakeholder"
              ? [[data.name, data.initiativeId ? names.get(data.initiativeId as string) : null]]
              : type === "stakeholder_link"
                ? [[names.get(data.fromId as string), data.kind, names.get(data.toId as string)]]
                : [],
        ),
      );
    };
    expect(pointers(again)).toEqual(pointers(lines));
    // An amendment's poll, version and rival, and a suggestion's amendment, by what they are.
    const amendmentPointers = (records: typeof lines) => {
      const names = titlesById(records);
      const numbers = new Map(records.filter(({ type }) => type === "amendment").map(({ data }) => [data.id as string, data.number as number]));
      return sortedJson(
        records.flatMap(({ type, data }) =>
          type === "amendment"
            ? [[data.number, names.get(data.pollId as string) ?? null, data.versionId ? names.get(data.versionId as string) : null, numbers.get(data.competesWithId as string) ?? null]]
            : type === "suggestion"
              ? [[data.status, numbers.get(data.amendmentId as string) ?? null, (data.replies as { body: string }[]).map(({ body }) => body)]]
              : [],
        ),
      );
    };
    expect(amendmentPointers(again)).toEqual(amendmentPointers(lines));
    expect(amendmentPointers(lines)).toEqual(
      sortedJson([
        [1, "Chosen voters", "Version 2", null],
        [2, "Priorities", null, null],
        [3, "Priorities", null, 2],
        ["open", null, ["Yes: **warm**", "Thank you"]],
        ["open", 2, []],
        ["accepted", 1, []],
      ]),
    );
    // The suggestions keep their ids, which are the ids of their marks in the text that came with them.
    const suggestionIds = (records: typeof lines) => records.filter(({ type }) => type === "suggestion").map(({ data }) => data.id as string).sort();
    expect(suggestionIds(again)).toEqual(suggestionIds(lines));
    expect(suggestionIds(lines)).toEqual(expect.arrayContaining([scene.visionText.aliceId, scene.visionText.bobId]));
    const vision = lines.find(({ type }) => type === "document")!.data;
    expect(vision).toMatchObject({ mode: "suggesting", guestsMaySuggest: true });
    const counted = lines.filter(({ type }) => type === "document_version").flatMap(({ data }) => data.contributions as { wordsAdded: number | null }[]);
    expect(counted).toContainEqual({ userId: scene.alice.id, wordsAdded: 12, wordsRemoved: 3, suggestionsAccepted: 1 });
    expect(pointers(lines)).toContain(JSON.stringify(["Befriending", "Budget", "Working notes"]));
    const charter = lines.find(({ type }) => type === "charter")!.data;
    expect(charter).toMatchObject({ body: "We **care** for one another", isPublic: true, versions: [{ number: 1, body: "We care" }, { number: 2 }] });
    expect(charter.signatures).toMatchObject([
      { organisation: "Age Concern Northtown", status: "approved", note: "Signed at the AGM" },
      { organisation: "Northtown Library", status: "pending" },
    ]);
    const rules = (records: typeof lines) =>
      sortedJson(
        records
          .filter(({ type }) => type === "poll" || type === "group")
          .map(({ data }) => [data.title ?? data.handle, data.votingRuleDefaults, data.quorumCount, data.quorumPercent, data.thresholdRule, data.thresholdPercent, data.thresholdBase, data.reasonRequiredFor, data.opensAt, data.openedNoticeAt, data.eligibleAtClose]),
      );
    expect(rules(again)).toEqual(rules(lines));
    expect(lines.find(({ type, data }) => type === "poll" && data.id === scene.named.id)?.data).toMatchObject({ quorumCount: 2, thresholdRule: "custom", thresholdPercent: 60, eligibleAtClose: 3 });
  });

  it("imports a file written before voting rules, decisions, tasks and acknowledgements, with no rules", async () => {
    const newer = ["decision", "decision_note", "task", "ack_request", "charter", "initiative", "stakeholder", "stakeholder_link", "amendment", "suggestion", "document_client", "document_delete_set"];
    const ruleFields = ["votingRuleDefaults", "quorumCount", "quorumPercent", "thresholdRule", "thresholdPercent", "thresholdBase", "reasonRequiredFor", "opensAt", "openedNoticeAt", "eligibleAtClose"];
    const [header, ...records] = readFileSync(exportFile, "utf8").trimEnd().split("\n").map((line) => JSON.parse(line) as (typeof lines)[number]);
    const laterFields = [...ruleFields, "mode", "guestsMaySuggest", "contributions"];
    const older = [header, ...records.filter(({ type }) => !newer.includes(type)).map(({ type, data }) => ({ type, data: Object.fromEntries(Object.entries(data).filter(([key]) => !laterFields.includes(key))) }))];
    const olderFile = path.join(mkdtempSync(path.join(tmpdir(), "hearth-older-")), "group.json");
    writeFileSync(olderFile, older.map((line) => JSON.stringify(line)).join("\n") + "\n");
    const elsewhere = await freshDatabase();
    try {
      const person = await elsewhere.db.user.create({ data: { name: "Importer", email: "importer@example.test", passwordHash: "x" }, select: { id: true } });
      const result = await importHearth(elsewhere.db, { filePath: olderFile, adminUserId: person.id, dryRun: false, storage: localDiskStorage(path.join(elsewhere.dir, "uploads")) });
      expect(result.skipped).toEqual([]);
      expect(result.warnings.join("\n")).not.toContain("does not know");
      const group = await elsewhere.db.group.findUniqueOrThrow({ where: { handle: scene.group.handle }, select: { votingRuleDefaults: true } });
      expect(group.votingRuleDefaults).toBe("{}");
      const poll = await elsewhere.db.poll.findFirstOrThrow({ where: { title: "Adopt the budget" }, select: Object.fromEntries(ruleFields.slice(1).map((key) => [key, true])) });
      expect(poll).toEqual({ quorumCount: null, quorumPercent: null, thresholdRule: null, thresholdPercent: null, thresholdBase: "votes_cast", reasonRequiredFor: "", opensAt: null, openedNoticeAt: null, eligibleAtClose: null });
      // Written before suggesting mode: edited directly, and nobody's words counted.
      expect(await elsewhere.db.document.findFirstOrThrow({ select: { mode: true, guestsMaySuggest: true } })).toEqual({ mode: "editing", guestsMaySuggest: false });
      expect(await elsewhere.db.documentVersionAuthor.count({ where: { wordsAdded: { not: null } } })).toBe(0);
    } finally {
      await elsewhere.db.$disconnect();
    }
  });

  it("skips, with a reason, a decision, task or acknowledgement request whose poll, comment or subject was skipped, and keeps the rest", async () => {
    const broken = lines
      .filter(({ type, data }) => !(type === "comment" && data.body === "First") && !(type === "poll" && data.id === scene.named.id))
      .map((line) => (line.type === "group" && line.data.id === scene.group.id ? { ...line, data: { ...line.data, votingRuleDefaults: { quorum: "lots" } } } : line));
    const brokenFile = path.join(mkdtempSync(path.join(tmpdir(), "hearth-broken-")), "group.json");
    writeFileSync(brokenFile, broken.map((line) => JSON.stringify(line)).join("\n") + "\n");
    const elsewhere = await freshDatabase();
    try {
      const person = await elsewhere.db.user.create({ data: { name: "Importer", email: "importer@example.test", passwordHash: "x" }, select: { id: true } });
      const result = await importHearth(elsewhere.db, { filePath: brokenFile, adminUserId: person.id, dryRun: false, storage: localDiskStorage(path.join(elsewhere.dir, "uploads")) });
      const reasons = result.skipped.filter(({ table }) => ["decision", "decision_note", "task", "ack_request"].includes(table)).map(({ table, reason }) => `${table}: ${reason}`);
      expect(reasons).toEqual([
        expect.stringMatching(/^decision: Its poll \(.+\) is not in the file, or was not imported\. The 2 records under it were not imported either\.$/),
        expect.stringMatching(/^task: Its comment \(.+\) is not in the file/),
        expect.stringMatching(/^ack_request: Its poll \(.+\) is not in the file/),
      ]);
      expect(result.created).toMatchObject({ decisions: 4, tasks: 4, acknowledgementRequests: 2 });
      // Default voting rules this Hearth cannot read are dropped, with a word, rather than the group.
      expect(result.warnings.join("\n")).toContain(`The group “${scene.group.name}” came with default voting rules this Hearth cannot read`);
      expect((await elsewhere.db.group.findUniqueOrThrow({ where: { handle: scene.group.handle }, select: { votingRuleDefaults: true } })).votingRuleDefaults).toBe("{}");
    } finally {
      await elsewhere.db.$disconnect();
    }
  });

  it("brings the charter, initiatives and stakeholder map, adding the organisations this Hearth lacked by name", async () => {
    const emailOf = async (db: Db, id: string | null) => (id ? (await db.user.findUniqueOrThrow({ where: { id }, select: { email: true } })).email : null);
    const community = async (db: Db) => ({
      versions: await Promise.all(
        (await db.charterVersion.findMany({ select: { number: true, body: true, createdById: true }, orderBy: { number: "asc" } })).map(async ({ createdById, ...version }) => ({
          ...version,
          createdBy: await emailOf(db, createdById),
        })),
      ),
      charter: await db.charter.findFirstOrThrow({
        where: { group: { handle: scene.group.handle } },
        select: {
          body: true,
          isPublic: true,
          signatures: {
            select: { status: true, signedOn: true, note: true, organisation: { select: { name: true } }, requestedBy: { select: { email: true } }, decidedBy: { select: { email: true } } },
            orderBy: { organisation: { name: "asc" } },
          },
        },
      }),
      initiatives: await db.initiative.findMany({
        select: {
          name: true,
          description: true,
          contact: true,
          area: true,
          group: { select: { handle: true } },
          organisation: { select: { name: true } },
          createdBy: { select: { email: true } },
          tags: { select: { tag: true }, orderBy: { tag: "asc" } },
          threads: { select: { thread: { select: { title: true } } }, orderBy: { thread: { title: "asc" } } },
        },
        orderBy: { name: "asc" },
      }),
      stakeholders: await db.stakeholder.findMany({
        select: { name: true, kind: true, sector: true, relationship: true, notes: true, x: true, y: true, organisation: { select: { name: true } }, initiative: { select: { name: true } } },
        orderBy: { name: "asc" },
      }),
      links: sortedJson(await db.stakeholderLink.findMany({ select: { kind: true, from: { select: { name: true } }, to: { select: { name: true } } } })),
    });
    expect(await community(target.db)).toEqual(await community(getDb()));
    expect((await target.db.organisation.findMany({ select: { name: true }, orderBy: { name: "asc" } })).map(({ name }) => name)).toEqual(["Age Concern Northtown", "Northtown Library"]);
    expect(report.warnings.join("\n")).toContain("The organisation “Age Concern Northtown” was not in this Hearth; it was added to the organisations directory");
    expect(report.created).toMatchObject({ charters: 1, initiatives: 2, stakeholders: 3, stakeholderLinks: 3 });
    expect(await target.db.pushSubscription.count()).toBe(0);
  });

  it("skips, with a reason, a stakeholder link whose stakeholder was skipped, and keeps links to threads and initiatives that came", async () => {
    const broken = lines.filter(({ type, data }) => !(type === "stakeholder" && data.id === scene.council.id) && !(type === "thread" && data.title === "Working notes"));
    const brokenFile = path.join(mkdtempSync(path.join(tmpdir(), "hearth-broken-")), "group.json");
    writeFileSync(brokenFile, broken.map((line) => JSON.stringify(line)).join("\n") + "\n");
    const elsewhere = await freshDatabase();
    try {
      const person = await elsewhere.db.user.create({ data: { name: "Importer", email: "importer@example.test", passwordHash: "x" }, select: { id: true } });
      // An organisation this Hearth has already, by name, is the one meant.
      const known = await elsewhere.db.organisation.create({ data: { name: "Northtown Library" }, select: { id: true } });
      const result = await importHearth(elsewhere.db, { filePath: brokenFile, adminUserId: person.id, dryRun: false, storage: localDiskStorage(path.join(elsewhere.dir, "uploads")) });
      const reasons = result.skipped.filter(({ table }) => table.startsWith("stakeholder")).map(({ table, reason }) => `${table}: ${reason}`);
      expect(reasons).toEqual([expect.stringMatching(/^stakeholder_link: Its stakeholder \(.+\) is not in the file, or was not imported\.$/)]);
      expect(result.created).toMatchObject({ charters: 1, initiatives: 2, stakeholders: 2, stakeholderLinks: 2 });
      expect(result.warnings.join("\n")).toContain("An initiative was linked to a thread that is not in the file or was not imported");
      const befriending = await elsewhere.db.initiative.findFirstOrThrow({ where: { name: "Befriending" }, select: { threads: { select: { thread: { select: { title: true } } } } } });
      expect(befriending.threads.map(({ thread }) => thread.title)).toEqual(["Budget"]);
      const signatures = await elsewhere.db.charterSignature.findMany({ select: { organisationId: true } });
      expect(signatures.map(({ organisationId }) => organisationId)).toContain(known.id);
      expect(await elsewhere.db.organisation.count()).toBe(2);
    } finally {
      await elsewhere.db.$disconnect();
    }
  });

  it("restores the uploaded files' bytes into storage", async () => {
    const versions = await target.db.resourceVersion.findMany({ select: { file: { select: { sha256: true } } } });
    expect(versions).toHaveLength(2);
    for (const { file } of versions) {
      const bytes = await text(await storageOf().open(file.sha256));
      expect(sha256(Buffer.from(bytes))).toBe(file.sha256);
    }
  });

  it("imports library files without their bytes when the files are not there, and restores them on a second run that has them", async () => {
    const elsewhere = await freshDatabase();
    try {
      const person = await elsewhere.db.user.create({ data: { name: "Importer", email: "importer@example.test", passwordHash: "x" }, select: { id: true } });
      const storage = localDiskStorage(path.join(elsewhere.dir, "uploads"));
      const options = { filePath: exportFile, adminUserId: person.id, dryRun: false, storage };
      const without = await importHearth(elsewhere.db, { ...options, filesDir: mkdtempSync(path.join(tmpdir(), "no-files-")) });
      expect(without.created).toMatchObject({ resourceVersions: 2, missingAttachments: 3 });
      expect(without.warnings.join("\n")).toMatch(/2 library files came without their content \(minutes-v1.pdf, minutes-v2.pdf\)/);
      const versions = await elsewhere.db.resourceVersion.findMany({ select: { file: { select: { sha256: true } } } });
      await expect(storage.open(versions[0]!.file.sha256)).rejects.toThrow();

      const withFiles = await importHearth(elsewhere.db, options);
      expect(withFiles.created).toEqual({});
      expect(withFiles.warnings).toEqual([]);
      for (const { file } of versions) expect(sha256(Buffer.from(await text(await storage.open(file.sha256))))).toBe(file.sha256);
    } finally {
      await elsewhere.db.$disconnect();
    }
  });

  it("makes accounts without a password for the people it brings, and the importer an admin of every group", async () => {
    const alice = await target.db.user.findUniqueOrThrow({ where: { email: scene.alice.email }, select: { passwordHash: true, name: true } });
    expect(alice).toEqual({ passwordHash: "", name: scene.alice.name });
    const roles = await target.db.membership.findMany({ where: { userId: importer.id }, select: { role: true } });
    expect(roles.map(({ role }) => role)).toEqual(["admin", "admin"]);
    // Carol left the group but wrote a comment: she comes as a person, not as a member.
    const carol = await target.db.user.findUniqueOrThrow({ where: { email: scene.carol.email }, select: { memberships: true } });
    expect(carol.memberships).toEqual([]);
  });

  it("keeps anonymous ballots unlinkable: no voter, no time, no participation", async () => {
    const poll = await target.db.poll.findFirstOrThrow({ where: { title: "Secret ballot" }, select: { id: true, anonymous: true } });
    expect(poll.anonymous).toBe(true);
    const ballots = await target.db.ballot.findMany({ where: { pollId: poll.id }, select: { voterId: true, castAt: true, supersededAt: true } });
    expect(ballots).toEqual(Array.from({ length: 3 }, () => ({ voterId: null, castAt: null, supersededAt: null })));
    expect(await target.db.pollParticipation.count({ where: { pollId: poll.id } })).toBe(0);
  });

  it("reports in a dry run exactly what the import then did, having written nothing", async () => {
    expect(dryRun.dryRun).toBe(true);
    expect(dryRun.created).toEqual(report.created);
    expect(dryRun.matched).toEqual(report.matched);
    expect(dryRun.groups).toEqual(report.groups);
    expect(report.created).toMatchObject({
      groups: 2,
      threads: 2,
      comments: 6,
      polls: 11,
      outcomes: 1,
      votes: 20,
      voteHistory: 1,
      documents: 1,
      documentVersions: 2,
      decisions: 5,
      decisionNotes: 2,
      tasks: 5,
      acknowledgementRequests: 3,
      amendments: 3,
      suggestions: 3,
      editingSessions: 2,
      deletionRecords: 1,
    });
    expect(importedNothing(report)).toBe(false);

    const empty = await freshDatabase();
    try {
      const person = await empty.db.user.create({ data: { name: "Importer", email: "importer@example.test", passwordHash: "x" }, select: { id: true } });
      const beforeRun = await rowCounts(empty.db);
      const again = await importHearth(empty.db, { filePath: exportFile, adminUserId: person.id, dryRun: true, storage: localDiskStorage(path.join(empty.dir, "uploads")) });
      expect(again.created).toEqual(report.created);
      expect(await rowCounts(empty.db)).toEqual(beforeRun);
    } finally {
      await empty.db.$disconnect();
    }
  });

  it("changes nothing when the same file is imported again, and adds only what is new from a newer export", async () => {
    const beforeRun = await rowCounts(target.db);
    const second = await importHearth(target.db, { filePath: exportFile, adminUserId: importer.id, dryRun: false, storage: storageOf() });
    expect(second.created).toEqual({});
    expect(second.matched).toMatchObject({ groups: 2, threads: 2, comments: 6, votes: 20, decisions: 5, tasks: 5, acknowledgementRequests: 3 });
    expect(second.matched).toMatchObject({ charters: 1, initiatives: 2, stakeholders: 3, stakeholderLinks: 3 });
    expect(second.matched).toMatchObject({ amendments: 3, suggestions: 3, editingSessions: 2, deletionRecords: 1 });
    expect(importedNothing(second)).toBe(false);
    expect(await rowCounts(target.db)).toEqual(beforeRun);

    await callerOn(getDb(), scene.bob.id).comment.create({ threadId: scene.thread.id, body: "Written after the first export" });
    const outcomeRequest = await getDb().ackRequest.findFirstOrThrow({ where: { subjectType: "outcome", subjectId: scene.named.id }, select: { id: true, contentHash: true } });
    await getDb().acknowledgement.create({ data: { requestId: outcomeRequest.id, userId: scene.admin.id, contentHash: outcomeRequest.contentHash } });
    const newer = await exportToFile(getDb(), scene.group.id);
    const third = await importHearth(target.db, { filePath: newer, adminUserId: importer.id, dryRun: false, storage: storageOf() });
    expect(third.created).toEqual({ comments: 1 });
    const thread = await target.db.thread.findFirstOrThrow({
      where: { title: "Budget" },
      select: { commentCount: true, lastCommentSeq: true, comments: { orderBy: { seq: "desc" }, take: 1, select: { body: true, seq: true } } },
    });
    expect(thread).toMatchObject({ commentCount: 5, lastCommentSeq: 6, comments: [{ body: "Written after the first export", seq: 6 }] });
    // An acknowledgement given since comes to the request brought in before.
    const request = await target.db.ackRequest.findFirstOrThrow({ where: { subjectType: "outcome" }, select: { acks: { select: { user: { select: { email: true } } } } } });
    expect(request.acks.map(({ user }) => user.email).sort()).toEqual([scene.admin.email, scene.alice.email, scene.bob.email].sort());
  });

  it("brings a document's open suggestions back into its text: listed with their replies, and an editor can accept one", async () => {
    const { id: documentId } = await target.db.document.findFirstOrThrow({ where: { title: "Our vision" }, select: { id: true } });
    const caller = callerOn(target.db, importer.id);
    const listed = await caller.suggestion.list({ documentId });
    expect(listed.canDecide).toBe(true);
    expect(listed.items.map(({ id, inserted, author, replies }) => [id, inserted, author.name, replies.map(({ body }) => body)])).toEqual([
      [scene.visionText.bobId, "kind ", scene.bob.name, []],
      [scene.visionText.aliceId, "warm ", scene.alice.name, ["Yes: **warm**", "Thank you"]],
    ]);
    // Bob's is Amendment 2's: the vote decides it, as before the move.
    await expect(caller.suggestion.accept({ id: scene.visionText.bobId })).rejects.toThrow(/Amendment 2/);
    expect(await caller.suggestion.accept({ id: scene.visionText.aliceId })).toEqual({ decided: [scene.visionText.aliceId], status: "accepted" });
    expect(toMarkdown(contentOf(await loadDocumentState(target.db, documentId)), "Our vision")).toContain("warm Homes for everyone");
    expect((await caller.suggestion.list({ documentId })).items.map(({ id }) => id)).toEqual([scene.visionText.bobId]);
    // Who wrote as which client and what Bob deleted came too: "who wrote this" credits them.
    const clients = await target.db.documentClient.findMany({ where: { documentId }, select: { clientId: true, user: { select: { email: true } } } });
    expect(clients.map(({ clientId, user }) => [Number(clientId), user.email]).sort()).toEqual(
      [
        [scene.visionText.clients.alice, scene.alice.email],
        [scene.visionText.clients.bob, scene.bob.email],
      ].sort(),
    );
    const deleted = await target.db.documentDeleteSet.findFirstOrThrow({ where: { documentId }, select: { deleteSet: true, user: { select: { email: true } } } });
    expect({ email: deleted.user.email, bytes: Buffer.from(deleted.deleteSet).toString("base64") }).toEqual({
      email: scene.bob.email,
      bytes: Buffer.from(scene.visionText.bobDeleted).toString("base64"),
    });
  });

  it("gives suggestions new ids, in their records and their marks alike, when the file is copied into the Hearth it came from", async () => {
    const db = getDb();
    const uploads = mkdtempSync(path.join(tmpdir(), "hearth-copy-uploads-"));
    const copy = await importHearth(db, { filePath: exportFile, adminUserId: scene.admin.id, dryRun: false, storage: localDiskStorage(uploads) });
    expect(copy.skipped.filter(({ table }) => ["document", "document_version", "amendment", "suggestion", "document_client", "document_delete_set"].includes(table))).toEqual([]);
    expect(copy.created).toMatchObject({ documents: 1, amendments: 3, suggestions: 3, editingSessions: 2, deletionRecords: 1 });
    const { id: copyId } = await db.document.findFirstOrThrow({ where: { title: "Our vision", id: { not: scene.document.id } }, select: { id: true } });
    const caller = callerOn(db, scene.admin.id);
    const listed = await caller.suggestion.list({ documentId: copyId });
    expect(listed.items.map(({ inserted, author }) => [inserted, author.name])).toEqual([
      ["kind ", scene.bob.name],
      ["warm ", scene.alice.name],
    ]);
    const [bobs, alices] = listed.items.map(({ id }) => id) as [string, string];
    expect([bobs, alices]).not.toContain(scene.visionText.aliceId);
    expect([bobs, alices]).not.toContain(scene.visionText.bobId);
    expect(await db.suggestion.findUniqueOrThrow({ where: { id: bobs }, select: { amendment: { select: { number: true, documentId: true } } } })).toEqual({
      amendment: { number: 2, documentId: copyId },
    });
    // Accepting in the copy leaves the original's suggestion where it was.
    await caller.suggestion.accept({ id: alices });
    expect(toMarkdown(contentOf(await loadDocumentState(db, copyId)), "Our vision")).toContain("warm Homes");
    const original = await caller.suggestion.list({ documentId: scene.document.id });
    expect(original.items.map(({ id }) => id)).toEqual([scene.visionText.bobId, scene.visionText.aliceId]);
    expect(await db.suggestion.findUniqueOrThrow({ where: { id: scene.visionText.aliceId }, select: { status: true, documentId: true } })).toEqual({
      status: "open",
      documentId: scene.document.id,
    });
  });

  it("skips, with a reason, the suggestions, amendments and authorship of a document that did not come", async () => {
    const aSuggestion = lines.find(({ type }) => type === "suggestion")!;
    // And a suggestion whose id no Hearth editor could have made: it could not name marks in a text.
    const forged = { type: "suggestion", data: { ...aSuggestion.data, id: "x'); DROP TABLE" } };
    const broken = [...lines.filter(({ type }) => type !== "document"), forged];
    const brokenFile = path.join(mkdtempSync(path.join(tmpdir(), "hearth-broken-")), "group.json");
    writeFileSync(brokenFile, broken.map((line) => JSON.stringify(line)).join("\n") + "\n");
    const elsewhere = await freshDatabase();
    try {
      const person = await elsewhere.db.user.create({ data: { name: "Importer", email: "importer@example.test", passwordHash: "x" }, select: { id: true } });
      const result = await importHearth(elsewhere.db, { filePath: brokenFile, adminUserId: person.id, dryRun: false, storage: localDiskStorage(path.join(elsewhere.dir, "uploads")) });
      const tables = ["amendment", "suggestion", "document_client", "document_delete_set"];
      const reasons = result.skipped.filter(({ table }) => tables.includes(table));
      expect(reasons.map(({ table }) => table).sort()).toEqual(["amendment", "amendment", "amendment", "document_client", "document_client", "document_delete_set", "suggestion", "suggestion", "suggestion", "suggestion"]);
      const [invalid] = reasons.splice(reasons.findIndex(({ id }) => id === forged.data.id), 1);
      expect(invalid!.reason).toBe("The record is not valid: id: must be a suggestion id, as Hearth makes them.");
      for (const { reason } of reasons) expect(reason).toMatch(/^Its document \(.+\) is not in the file, or was not imported\.$/);
      expect(await elsewhere.db.suggestion.count()).toBe(0);
    } finally {
      await elsewhere.db.$disconnect();
    }
  });
});
