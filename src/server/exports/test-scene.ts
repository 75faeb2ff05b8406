import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { getDb } from "@/server/db";
import * as Y from "yjs";
import { newSuggestionId } from "@/lib/documents/suggestion-marks";
import { loadDocumentState } from "@/server/documents/persistence";
import { heading, paragraph, stateOf } from "@/server/documents/versions/test-content";
import { suggestionsIn } from "@/server/suggestions/text";
import { editorOn, posOf } from "@/server/suggestions/test-suggesting";
import { localDiskStorage, storeContent } from "@/server/files/storage";
import { addMember, makeGroup } from "@/server/test/factories";
import { inOneWeek, pollGroup } from "@/server/test/poll-fixtures";

/** A formula a spreadsheet would run if the export did not defuse it. */
export const INJECTION = "=cmd|' /C calc'!A0";

/**
 * A group with everything a download holds: threads and comments (one a formula, one with commas,
 * quotes and a line break), a closed anonymous poll, a closed named poll with an outcome, an open
 * anonymous poll, a resource and an attachment whose bytes are stored (and one whose are not),
 * two documents of the same title with versions, suggestions and an amendment. Subgroups: `mine` (the admin is an admin there)
 * and `theirs` (the admin is only a member), with `below` under `theirs` (the admin is an admin).
 */
export async function exportScene() {
  const scene = await pollGroup();
  const { group, admin, alice, bob, guest, as } = scene;
  const db = getDb();

  const mine = await makeGroup({ parentId: group.id, name: "Working group" });
  await addMember(mine.id, admin.id, "admin");
  await addMember(mine.id, alice.id, "member");
  const theirs = await makeGroup({ parentId: group.id, name: "Finance circle" });
  await addMember(theirs.id, bob.id, "admin");
  await addMember(theirs.id, admin.id, "member");
  const below = await makeGroup({ parentId: theirs.id, name: "Audit" });
  await addMember(below.id, admin.id, "admin");

  const thread = await as(alice).thread.create({ groupId: group.id, title: "Budget, 2026", body: INJECTION });
  const comment = await as(bob).comment.create({ threadId: thread.id, body: 'Tea, "cake"\nand more' });
  const mineThread = await as(admin).thread.create({ groupId: mine.id, title: "Working notes", body: "Notes of the working group" });
  const theirsThread = await as(bob).thread.create({ groupId: theirs.id, title: "Not for the parent's admins", body: "Salaries" });
  const belowThread = await as(admin).thread.create({ groupId: below.id, title: "Audit findings", body: "Below a subgroup" });

  const optionsOf = async (id: string) => (await as(admin).poll.byId({ id })).options.map((option) => option.id);
  const secret = await as(admin).poll.create({ groupId: group.id, kind: "proposal", title: "Secret ballot", closingAt: inOneWeek(), anonymous: true });
  const [agree, , disagree] = await optionsOf(secret.id);
  await as(alice).poll.vote({ pollId: secret.id, choices: [{ optionId: agree! }], reason: "Alice's private reason" });
  await as(bob).poll.vote({ pollId: secret.id, choices: [{ optionId: disagree! }], reason: "Bob's private reason" });
  await as(admin).poll.close({ id: secret.id });

  const named = await as(admin).poll.create({ groupId: group.id, threadId: thread.id, kind: "proposal", title: "Adopt the budget", closingAt: inOneWeek() });
  const [yes] = await optionsOf(named.id);
  await as(alice).poll.vote({ pollId: named.id, choices: [{ optionId: yes! }], reason: "Fair, and balanced" });
  await as(admin).poll.close({ id: named.id });
  await as(admin).poll.setOutcome({ id: named.id, statement: "Adopted as written", optionId: yes! });

  const stillOpen = await as(admin).poll.create({ groupId: group.id, kind: "proposal", title: "Open secret", closingAt: inOneWeek(), anonymous: true });
  const [openAgree] = await optionsOf(stillOpen.id);
  await as(bob).poll.vote({ pollId: stillOpen.id, choices: [{ optionId: openAgree! }], reason: "Open reason" });

  /** A data directory of its own: getFileStorage reads `<HEARTH_DATA_DIR>/uploads`, as the running server does. */
  const dataDir = mkdtempSync(path.join(tmpdir(), "hearth-export-files-"));
  const storage = localDiskStorage(path.join(dataDir, "uploads"));
  const minutesBytes = Buffer.from("%PDF-1.4 minutes of March");
  const stored = await storeContent(storage, Readable.from([minutesBytes]));
  const minutes = await db.storedFile.create({
    data: { sha256: stored.sha256, size: stored.size, contentType: "application/pdf", originalName: "Minutes March.pdf", uploadedById: admin.id },
  });
  await db.resource.create({
    data: {
      groupId: group.id,
      kind: "file",
      title: "Minutes, March",
      authorId: admin.id,
      publishedAt: new Date(),
      latestVersion: 1,
      versions: { create: { number: 1, fileId: minutes.id, uploadedById: admin.id } },
    },
  });
  const lost = await db.storedFile.create({
    data: { sha256: "ab".repeat(32), size: 4, contentType: "text/plain", originalName: "lost.txt", uploadedById: alice.id },
  });
  await db.threadAttachment.create({ data: { threadId: thread.id, fileId: lost.id } });

  const documents: { id: string }[] = [];
  for (const [title, texts] of [
    ["Our vision", ["First draft of the vision", "Second draft of the vision"]],
    ["Our vision", ["Another document, same title"]],
  ] as const) {
    const document = await db.document.create({
      data: {
        groupId: group.id,
        title,
        createdById: admin.id,
        snapshot: stateOf([heading(1, "Now"), paragraph(`${texts.at(-1)} (current)`)]),
        versions: {
          create: texts.map((text, index) => ({
            kind: "named" as const,
            name: `Version ${index + 1}`,
            state: stateOf([paragraph(text)]),
            createdById: alice.id,
            createdAt: new Date(Date.UTC(2026, 0, index + 1)),
            authors: { create: [{ userId: alice.id }] },
          })),
        },
      },
      select: { id: true },
    });
    documents.push(document);
  }

  // Voting rules on the named poll; its decision (the outcome may have made it) with an owner; tasks.
  await db.poll.update({ where: { id: named.id }, data: { quorumPercent: 50, thresholdRule: "custom", thresholdPercent: 60, thresholdBase: "eligible", reasonRequiredFor: "disagree,block" } });
  const budget = { groupId: group.id, title: "Adopt the budget", result: "Adopted as written", verdict: "Passed: 1 of 3 eligible voted", decidedAt: new Date(Date.UTC(2026, 2, 9)), ownerId: alice.id, status: "in_progress" as const, reviewOn: new Date(Date.UTC(2026, 8, 1)) };
  const decision = await db.decision.upsert({ where: { pollId: named.id }, create: { ...budget, pollId: named.id }, update: budget, select: { id: true } });
  const earlier = await db.decision.create({ data: { groupId: group.id, title: INJECTION, result: "Yearly budgets", decidedAt: new Date(Date.UTC(2025, 0, 1)), status: "superseded", supersededById: decision.id } });
  const task = await db.task.create({
    data: {
      groupId: group.id,
      title: "Book the room",
      dueOn: new Date(Date.UTC(2026, 11, 10)),
      createdById: bob.id,
      threadId: thread.id,
      commentId: comment.id,
      sourceKey: `comment:${comment.id}:0`,
      decisionId: decision.id,
      assignees: { create: [{ userId: alice.id }, { userId: bob.id }] },
    },
    select: { id: true },
  });
  await db.task.create({ data: { groupId: theirs.id, title: "Not for the parent's admins, a task", createdById: bob.id } });
  await db.decision.create({ data: { groupId: theirs.id, title: "Not for the parent's admins, a decision", result: "Raise", decidedAt: new Date() } });

  // The community: a charter with a signature, an initiative about the thread, a stakeholder map;
  // and a charter and initiative in `theirs`, which the parent's admins do not download.
  const organisation = await db.organisation.create({ data: { name: `Age Concern ${group.handle}` } });
  await db.charter.create({
    data: {
      groupId: group.id,
      body: "# Our charter\n\nWe care for one another.",
      versions: { create: [{ number: 1, body: "# Our charter\n\nWe care for one another.", createdById: admin.id }] },
      signatures: { create: [{ organisationId: organisation.id, status: "approved", requestedById: alice.id, decidedById: admin.id, signedOn: new Date(Date.UTC(2026, 3, 1)), note: INJECTION }] },
    },
  });
  await db.charter.create({ data: { groupId: mine.id, body: "The working group's charter" } });
  await db.charter.create({ data: { groupId: theirs.id, body: "Not for the parent's admins, a charter" } });
  const initiative = await db.initiative.create({
    data: {
      groupId: group.id,
      name: "Befriending",
      organisationId: organisation.id,
      area: "North ward",
      createdById: alice.id,
      tags: { create: [{ tag: "loneliness" }, { tag: "older people" }] },
      threads: { create: [{ threadId: thread.id }, { threadId: theirsThread.id }] },
    },
    select: { id: true },
  });
  await db.initiative.create({ data: { groupId: theirs.id, name: "Not for the parent's admins, an initiative" } });
  const council = await db.stakeholder.create({ data: { groupId: group.id, name: "Town council", sector: "council", relationship: "supporter", x: 12.5, y: -3 } });
  const charity = await db.stakeholder.create({
    data: { groupId: group.id, name: "Age Concern", organisationId: organisation.id, initiativeId: initiative.id, sector: "third_sector", relationship: "core", notes: "Runs befriending" },
  });
  const link = await db.stakeholderLink.create({ data: { groupId: group.id, fromId: council.id, toId: charity.id, kind: "funds" }, select: { id: true } });

  // Suggesting: Alice's open suggestion of "green " (Bob replied), Bob's accepted one, and Alice's
  // amendment (a formula in its passage) decided by the named poll; and in `theirs`, which the
  // parent's admins do not download, a document with Alice's suggestion and amendment.
  const vision = documents[0]!;
  const pen = editorOn(await loadDocumentState(db, vision.id));
  const suggested = pen.suggest((tr, pm) => tr.insertText("green ", posOf(pm, "Second")));
  await db.document.update({ where: { id: vision.id }, data: { snapshot: new Uint8Array(Y.mergeUpdates([await loadDocumentState(db, vision.id), suggested])) } });
  const amendment = await db.amendment.create({
    data: {
      documentId: vision.id,
      number: 1,
      proposedById: alice.id,
      passage: INJECTION,
      replacement: "Second, better draft",
      pollId: named.id,
      status: "adopted",
      result: "Passed: 1 of 3 eligible voted",
      decidedAt: new Date(Date.UTC(2026, 2, 10)),
    },
    select: { id: true },
  });
  const openSuggestion = await db.suggestion.create({
    data: {
      id: [...suggestionsIn(pen.content()).keys()][0]!,
      documentId: vision.id,
      authorId: alice.id,
      createdAt: new Date(Date.UTC(2026, 2, 1)),
      replies: { create: [{ authorId: bob.id, body: "Green, yes", createdAt: new Date(Date.UTC(2026, 2, 2)) }, { authorId: alice.id, body: "Thanks, Bob" }] },
    },
    select: { id: true },
  });
  const acceptedSuggestion = await db.suggestion.create({
    data: { id: newSuggestionId(), documentId: vision.id, authorId: bob.id, status: "accepted", decidedById: admin.id, decidedAt: new Date(Date.UTC(2026, 2, 10)), amendmentId: amendment.id },
    select: { id: true },
  });
  const theirsDocument = await db.document.create({
    data: { groupId: theirs.id, title: "Not for the parent's admins, a document", createdById: bob.id, snapshot: stateOf([paragraph("Finance")]) },
    select: { id: true },
  });
  await db.amendment.create({ data: { documentId: theirsDocument.id, number: 1, proposedById: alice.id, passage: "Finance", replacement: "Not for the parent's admins, an amendment" } });
  const hiddenSuggestion = await db.suggestion.create({ data: { id: newSuggestionId(), documentId: theirsDocument.id, authorId: alice.id }, select: { id: true } });

  return {
    ...scene,
    suggesting: { vision, amendment, openSuggestion, acceptedSuggestion, theirsDocument, hiddenSuggestion },
    community: { organisation, initiative, council, charity, link },
    decisions: { budget: decision, earlier },
    task,
    guest,
    mine,
    theirs,
    below,
    thread,
    comment,
    mineThread,
    theirsThread,
    belowThread,
    polls: { secret, named, stillOpen },
    dataDir,
    storage,
    files: { minutes: { sha256: stored.sha256, bytes: minutesBytes }, lost: { sha256: lost.sha256 } },
  };
}
