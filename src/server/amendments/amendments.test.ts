import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { resolvePollAmendments, sweepAmendments } from "@/server/amendments/resolve";
import { MAX_AMENDMENT_TEXT_LENGTH } from "@/server/amendments/schemas";
import { getDb } from "@/server/db";
import { appendUpdate, loadDocumentState } from "@/server/documents/persistence";
import { paragraph, stateOf } from "@/server/documents/versions/test-content";
import { runPollSchedule } from "@/server/polls/scheduler";
import { editorOn, posOf } from "@/server/suggestions/test-suggesting";
import { suggestionsIn } from "@/server/suggestions/text";
import { suggestionsInState } from "@/server/suggestions/yjs";
import { addMember, callerFor, makeDocument, makeGroup, makeUser } from "@/server/test/factories";
import { codeOf, inAWeek, messageOf, rangeOf, textOf, VISION } from "@/server/amendments/test-amendments";


/** A group with an admin, a member, a guest invited to read (and suggest in) its document, and an outsider. */
async function setting(text = VISION) {
  const group = await makeGroup();
  const [admin, member, voter, guest, outsider] = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser(), makeUser()]);
  await addMember(group.id, admin.id, "admin");
  await addMember(group.id, member.id);
  await addMember(group.id, voter.id);
  await addMember(group.id, guest.id, "guest");
  const document = await makeDocument({ groupId: group.id, createdById: admin.id, title: "Vision 2030", guestIds: [guest.id] });
  await getDb().document.update({ where: { id: document.id }, data: { guestsMaySuggest: true } });
  await appendUpdate(getDb(), document.id, stateOf([paragraph(text)]), admin.id);
  const as = (userId: string) => callerFor(userId).caller;
  return { group, admin, member, voter, guest, outsider, document, as };
}

/** The range of `quote` in the document as a browser would send it. */
async function agree(caller: ReturnType<typeof callerFor>["caller"], pollId: string, optionName = "Agree") {
  const option = await getDb().pollOption.findFirstOrThrow({ where: { pollId, name: optionName }, select: { id: true } });
  await caller.poll.vote({ pollId, choices: [{ optionId: option.id }] });
}

describe("amendments decided by vote", () => {
  it("a rewrite becomes the proposer's suggestion and a proposal; when it passes the text changes once, as a named version and a decision", async () => {
    const { document, member, voter, admin, as } = await setting();
    const { caller, published } = callerFor(member.id);
    const made = await caller.amendment.create({
      documentId: document.id,
      range: await rangeOf(document.id, "care for"),
      text: "look after",
      closingAt: inAWeek(),
    });
    expect(made.number).toBe(1);
    expect(published.map(({ name }) => name)).toEqual(expect.arrayContaining(["document.update", "suggestion.changed", "poll.updated"]));

    const suggestions = [...suggestionsInState(await loadDocumentState(getDb(), document.id))];
    expect(suggestions).toHaveLength(1);
    const [suggestionId, change] = suggestions[0]!;
    expect(change).toEqual({ inserted: "look after", deleted: "care for", changesFormat: false });
    expect(await getDb().suggestion.findUniqueOrThrow({ where: { id: suggestionId } })).toMatchObject({ authorId: member.id, amendmentId: made.id });

    const poll = await getDb().poll.findUniqueOrThrow({ where: { id: made.pollId! }, select: { title: true, details: true, kind: true, thresholdRule: true, groupId: true } });
    expect(poll.title).toBe("Amendment 1 to Vision 2030: “look after”");
    expect(poll.kind).toBe("proposal");
    expect(poll.thresholdRule).toBe("simple_majority");
    expect(poll.details).toContain("> care for");
    expect(poll.details).toContain("> look after");
    expect(poll.details).toContain(`/documents/${document.id}#amendment-1`);

    // Decided by the vote, never by hand; and not twice.
    expect(await messageOf(as(admin.id).suggestion.accept({ id: suggestionId }))).toMatch(/part of Amendment 1/);
    expect(await codeOf(as(admin.id).suggestion.reject({ id: suggestionId }))).toBe("CONFLICT");
    expect(await codeOf(as(admin.id).suggestion.decideByAuthor({ documentId: document.id, authorId: member.id, accept: true }))).toBe("NOT_FOUND");
    expect(await codeOf(as(admin.id).amendment.create({ documentId: document.id, suggestionIds: [suggestionId], closingAt: inAWeek() }))).toBe("CONFLICT");

    const listed = await as(voter.id).amendment.list({ documentId: document.id });
    expect(listed.canPropose).toBe(true);
    expect(listed.items).toEqual([
      expect.objectContaining({ number: 1, status: "open", passage: "care for", replacement: "look after", suggestionIds: [suggestionId], versionHref: null }),
    ]);
    expect(listed.items[0]!.poll).toMatchObject({ id: made.pollId!, href: `/polls/${made.pollId!}`, closed: false });

    await agree(as(voter.id), made.pollId!);
    await agree(as(admin.id), made.pollId!);
    const closing = callerFor(admin.id);
    await closing.caller.poll.close({ id: made.pollId! });
    expect(closing.published.map(({ name }) => name)).toEqual(expect.arrayContaining(["document.update", "suggestion.changed", "decision.changed"]));
    expect(await textOf(document.id)).toBe("We look after the valley.");

    const amendment = await getDb().amendment.findUniqueOrThrow({ where: { id: made.id } });
    expect(amendment).toMatchObject({ status: "adopted" });
    expect(amendment.result).toMatch(/^Passed: /);
    const version = await getDb().documentVersion.findUniqueOrThrow({ where: { id: amendment.versionId! }, select: { name: true, kind: true } });
    expect(version).toEqual({ name: "Amendment 1 adopted", kind: "named" });
    expect(await getDb().suggestion.findUniqueOrThrow({ where: { id: suggestionId }, select: { status: true } })).toEqual({ status: "accepted" });

    const register = await as(member.id).decision.list({ groupId: poll.groupId });
    const decision = register.items.find((item) => item.links.poll?.id === made.pollId!);
    expect(decision).toMatchObject({ withdrawn: false, title: poll.title, result: expect.stringMatching(/^Amendment 1 adopted\. Passed/) });
    expect(decision?.links.document).toMatchObject({ id: document.id, versionId: amendment.versionId, versionName: "Amendment 1 adopted" });

    // Its result is in the text: the vote is not reopened, and resolving again changes nothing.
    expect(await messageOf(as(admin.id).poll.reopen({ id: made.pollId!, closingAt: inAWeek() }))).toMatch(/decided Amendment 1/);
    expect(await resolvePollAmendments(getDb(), () => {}, made.pollId!)).toBe(0);
    expect(await getDb().documentVersion.count({ where: { documentId: document.id, name: "Amendment 1 adopted" } })).toBe(1);

    const after = await as(voter.id).amendment.list({ documentId: document.id });
    expect(after.items[0]).toMatchObject({ status: "adopted", suggestionIds: [], versionHref: `/documents/${document.id}/history?version=${amendment.versionId}` });
  });

  it("when it fails, the suggestion is rejected with the verdict, and the text reads as before", async () => {
    const { document, member, voter, admin, as } = await setting();
    const made = await as(member.id).amendment.create({ documentId: document.id, range: await rangeOf(document.id, "valley"), text: "river", closingAt: inAWeek() });
    await agree(as(voter.id), made.pollId!, "Disagree");
    await agree(as(admin.id), made.pollId!, "Disagree");
    await as(member.id).poll.close({ id: made.pollId! });
    expect(await textOf(document.id)).toBe(VISION);
    const amendment = await getDb().amendment.findUniqueOrThrow({ where: { id: made.id } });
    expect(amendment.status).toBe("rejected");
    expect(amendment.result).toMatch(/^Not passed: 2 of 3 eligible voted; 0 agree, 0 blocks; needs more than half of votes cast$/);
    expect(amendment.versionId).toBeNull();
    expect(await getDb().suggestion.count({ where: { amendmentId: made.id, status: "rejected" } })).toBe(1);
    expect(await getDb().decision.count({ where: { pollId: made.pollId! } })).toBe(0);
  });

  it("is applied once when two closes, the scheduler and the resolver run at the same time", async () => {
    const { document, member, voter, admin, as } = await setting();
    const made = await as(member.id).amendment.create({ documentId: document.id, range: await rangeOf(document.id, "We"), text: "All of us", closingAt: inAWeek() });
    await agree(as(voter.id), made.pollId!);
    const codes = await Promise.all([codeOf(as(admin.id).poll.close({ id: made.pollId! })), codeOf(as(member.id).poll.close({ id: made.pollId! }))]);
    expect(codes.sort()).toEqual(["CONFLICT", "ok"]);
    const again = await Promise.all([
      resolvePollAmendments(getDb(), () => {}, made.pollId!),
      resolvePollAmendments(getDb(), () => {}, made.pollId!),
      runPollSchedule(getDb(), () => {}),
    ]);
    expect(again[0] + again[1]).toBeLessThanOrEqual(1);
    expect(await getDb().amendment.findUniqueOrThrow({ where: { id: made.id }, select: { status: true } })).toEqual({ status: "adopted" });
    expect(await textOf(document.id)).toBe("All of us care for the valley.");
    expect(await getDb().documentVersion.count({ where: { documentId: document.id, kind: "named" } })).toBe(1);
    expect(await getDb().decision.count({ where: { pollId: made.pollId! } })).toBe(1);
  });

  it("two resolvers racing on a poll closed elsewhere (another instance) apply it once; the sweep finds what a crash left", async () => {
    const { document, member, voter, as } = await setting();
    const made = await as(member.id).amendment.create({ documentId: document.id, range: await rangeOf(document.id, "the valley"), text: "our valley", closingAt: inAWeek() });
    await agree(as(voter.id), made.pollId!);
    // Closed by another instance that stopped before resolving it.
    await getDb().poll.update({ where: { id: made.pollId! }, data: { closedAt: new Date(), eligibleAtClose: 3 } });
    const decided = await Promise.all([resolvePollAmendments(getDb(), () => {}, made.pollId!), resolvePollAmendments(getDb(), () => {}, made.pollId!)]);
    expect(decided.sort()).toEqual([0, 1]);
    expect(await textOf(document.id)).toBe("We care for our valley.");
    expect(await getDb().documentVersion.count({ where: { documentId: document.id, name: "Amendment 1 adopted" } })).toBe(1);

    // A second amendment whose poll closed while the server was down: the schedule's sweep resolves it.
    const second = await as(member.id).amendment.create({ documentId: document.id, range: await rangeOf(document.id, "We"), text: "You", closingAt: inAWeek() });
    expect(second.number).toBe(2);
    await agree(as(voter.id), second.pollId!);
    await getDb().poll.update({ where: { id: second.pollId! }, data: { closedAt: new Date(), eligibleAtClose: 3 } });
    await sweepAmendments(getDb(), () => {});
    expect(await textOf(document.id)).toBe("You care for our valley.");

    // Claimed as adopted, then the server stopped before the change: the sweep makes it a minute later.
    const third = await as(member.id).amendment.create({ documentId: document.id, range: await rangeOf(document.id, "our"), text: "this", closingAt: inAWeek() });
    await getDb().amendment.update({ where: { id: third.id }, data: { status: "adopted", decidedAt: new Date(Date.now() - 120_000) } });
    await sweepAmendments(getDb(), () => {});
    expect(await textOf(document.id)).toBe("You care for this valley.");
    expect(await getDb().amendment.findUniqueOrThrow({ where: { id: third.id }, select: { versionId: true } })).not.toEqual({ versionId: null });

    // Its poll deleted: withdrawn after a while, the suggestion rejected.
    const fourth = await as(member.id).amendment.create({ documentId: document.id, range: await rangeOf(document.id, "You"), text: "They", closingAt: inAWeek() });
    await getDb().poll.delete({ where: { id: fourth.pollId! } });
    await sweepAmendments(getDb(), () => {}, new Date(Date.now() + 11 * 60 * 1000));
    expect(await getDb().amendment.findUniqueOrThrow({ where: { id: fourth.id }, select: { status: true } })).toEqual({ status: "withdrawn" });
    expect(await textOf(document.id)).toBe("You care for this valley.");
  });

  it("puts existing suggestions to the vote: one person's, or ones next to each other, never one in two amendments", async () => {
    const { document, member, voter, admin, as } = await setting();
    const start = await loadDocumentState(getDb(), document.id);
    const editor = editorOn(start);
    const byMember = editor.suggest((tr, pm) => tr.insertText("green ", posOf(pm, "valley")));
    const byVoter = editor.suggest((tr) => tr.insertText("Truly, ", 1));
    const ids = [...suggestionsIn(editor.content()).keys()];
    await appendUpdate(getDb(), document.id, Y.mergeUpdates([byMember, byVoter]), member.id);
    // In text order: "Truly, " comes first.
    const [trulyId, greenId] = ids as [string, string];
    await getDb().suggestion.createMany({ data: [{ id: greenId, documentId: document.id, authorId: member.id }, { id: trulyId, documentId: document.id, authorId: voter.id }] });

    // Another document's suggestion is not this document's.
    const other = await setting();
    expect(await codeOf(as(member.id).amendment.create({ documentId: other.document.id, suggestionIds: [greenId], closingAt: inAWeek() }))).toBe("NOT_FOUND");
    expect(await codeOf(other.as(other.member.id).amendment.create({ documentId: other.document.id, suggestionIds: [greenId], closingAt: inAWeek() }))).toBe("NOT_FOUND");

    // The same suggestion proposed twice at once: one amendment gets it.
    const results = await Promise.all([
      codeOf(as(member.id).amendment.create({ documentId: document.id, suggestionIds: [greenId], closingAt: inAWeek() })),
      codeOf(as(admin.id).amendment.create({ documentId: document.id, suggestionIds: [greenId], closingAt: inAWeek() })),
    ]);
    expect(results.sort()).toEqual(["CONFLICT", "ok"]);
    const claimed = await getDb().suggestion.findUniqueOrThrow({ where: { id: greenId }, select: { amendment: { select: { passage: true, replacement: true } } } });
    expect(claimed.amendment).toEqual({ passage: "", replacement: "green " });
    expect(await getDb().amendment.count({ where: { documentId: document.id } })).toBe(1);
    expect(await getDb().poll.count({ where: { groupId: (await getDb().document.findUniqueOrThrow({ where: { id: document.id } })).groupId } })).toBe(1);

    // Numbers have no gap where the loser's claim was refused.
    const made = await as(voter.id).amendment.create({ documentId: document.id, suggestionIds: [trulyId], closingAt: inAWeek() });
    expect(made.number).toBe(2);
  });

  it("refuses guests, outsiders, a passage that no longer reads so, huge text and a past closing time, each with a sentence", async () => {
    const { document, member, guest, outsider, as } = await setting("We care for the valley. We care for the hills.");
    const input = { documentId: document.id, range: await rangeOf(document.id, "valley"), text: "river", closingAt: inAWeek() };
    expect(await codeOf(as(guest.id).amendment.create(input))).toBe("FORBIDDEN");
    expect(await codeOf(as(outsider.id).amendment.create(input))).toBe("NOT_FOUND");
    expect(await codeOf(as(outsider.id).amendment.list({ documentId: document.id }))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(null).caller.amendment.list({ documentId: document.id }))).toBe("UNAUTHORIZED");
    expect(await as(guest.id).amendment.list({ documentId: document.id })).toEqual({ items: [], canPropose: false });

    expect(await messageOf(as(member.id).amendment.create({ ...input, closingAt: new Date(Date.now() - 1000) }))).toBe("Choose a closing time in the future.");
    expect(await codeOf(as(member.id).amendment.create({ ...input, text: "x".repeat(MAX_AMENDMENT_TEXT_LENGTH + 1) }))).toBe("BAD_REQUEST");
    expect(await codeOf(as(member.id).amendment.create({ ...input, range: { ...input.range, quote: "v".repeat(MAX_AMENDMENT_TEXT_LENGTH + 1) } }))).toBe("BAD_REQUEST");
    expect(await codeOf(as(member.id).amendment.create({ documentId: document.id, closingAt: inAWeek() }))).toBe("BAD_REQUEST");
    expect(await messageOf(as(member.id).amendment.create({ ...input, template: "sense_check" }))).toMatch(/choose a proposal template/);

    // Someone changed the passage meanwhile.
    expect(await messageOf(as(member.id).amendment.create({ ...input, range: { ...input.range, quote: "meadow" } }))).toBe(
      "The document no longer reads “meadow” there: someone has changed it. Select the passage again.",
    );
    // Moved by an edit before it, but still there once: found; there twice: asked again.
    const moved = await as(member.id).amendment.create({ ...input, range: { from: 2, to: 8, quote: "valley" } });
    expect(moved.number).toBe(1);
    expect(await messageOf(as(member.id).amendment.create({ ...input, range: { from: 3, to: 10, quote: "We care" } }))).toMatch(/more than once/);
    // Holding an open amendment's suggestion: its card offers an alternative instead.
    const the = (await rangeOf(document.id, "for the ")).from + 4;
    expect(await messageOf(as(member.id).amendment.create({ ...input, range: { from: the, to: the + 10, quote: "the valley" } }))).toBe(
      "That passage is part of Amendment 1, which is being voted on: use “Propose an alternative” on its card to put a different rewrite beside it.",
    );
    expect(await getDb().amendment.count({ where: { documentId: document.id } })).toBe(1);
    expect(await textOf(document.id)).toBe("We care for the valleyriver. We care for the hills.");
  });
});
