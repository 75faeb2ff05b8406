import { describe, expect, it } from "vitest";
import { resolvePollAmendments, sweepAmendments } from "@/server/amendments/resolve";
import { MAX_AMENDMENT_TEXT_LENGTH } from "@/server/amendments/schemas";
import { getDb } from "@/server/db";
import { appendUpdate, loadDocumentState } from "@/server/documents/persistence";
import { paragraph, stateOf } from "@/server/documents/versions/test-content";
import { runPollSchedule } from "@/server/polls/scheduler";
import { editorOn, posOf } from "@/server/suggestions/test-suggesting";
import { suggestionsInState } from "@/server/suggestions/yjs";
import { addMember, callerFor, makeDocument, makeGroup, makeUser } from "@/server/test/factories";
import { codeOf, inAWeek, messageOf, rangeOf, textOf, VISION } from "@/server/amendments/test-amendments";


/** A group with an admin, two members, a guest who may suggest in its document, and an outsider; Amendment 1 rewrites "care for". */
async function setting() {
  const group = await makeGroup();
  const [admin, member, voter, guest, outsider] = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser(), makeUser()]);
  await addMember(group.id, admin.id, "admin");
  await addMember(group.id, member.id);
  await addMember(group.id, voter.id);
  await addMember(group.id, guest.id, "guest");
  const document = await makeDocument({ groupId: group.id, createdById: admin.id, title: "Vision 2030", guestIds: [guest.id] });
  await getDb().document.update({ where: { id: document.id }, data: { guestsMaySuggest: true } });
  await appendUpdate(getDb(), document.id, stateOf([paragraph(VISION)]), admin.id);
  const as = (userId: string) => callerFor(userId).caller;
  const original = await as(member.id).amendment.create({ documentId: document.id, range: await rangeOf(document.id, "care for"), text: "look after", closingAt: inAWeek() });
  return { group, admin, member, voter, guest, outsider, document, as, original };
}

/** Ranks the ranked poll's options by name, best first. */
async function rank(caller: ReturnType<typeof callerFor>["caller"], pollId: string, names: string[]) {
  const options = await getDb().pollOption.findMany({ where: { pollId }, select: { id: true, name: true } });
  const idOf = (name: string) => options.find((option) => option.name.startsWith(name))!.id;
  await caller.poll.vote({ pollId, choices: names.map((name, index) => ({ optionId: idOf(name), rank: index + 1 })) });
}

describe("competing amendments decided by one ranked vote", () => {
  it("an alternative waits outside the text; decided together, it wins and is written over the passage once, as a version and a decision", async () => {
    const { document, member, voter, admin, as, original } = await setting();
    const [originalSuggestion] = [...suggestionsInState(await loadDocumentState(getDb(), document.id)).keys()];

    const alternative = await as(voter.id).amendment.create({ documentId: document.id, competesWith: original.id, text: "tend", closingAt: inAWeek() });
    expect(alternative).toEqual({ id: alternative.id, number: 2, pollId: null });
    expect(await getDb().suggestion.count({ where: { amendmentId: alternative.id } })).toBe(0);
    expect([...suggestionsInState(await loadDocumentState(getDb(), document.id)).keys()]).toEqual([originalSuggestion]);

    const listed = await as(admin.id).amendment.list({ documentId: document.id });
    expect(listed.items).toEqual([
      expect.objectContaining({ number: 2, passage: "care for", replacement: "tend", poll: null, competesWith: { id: original.id, number: 1 }, canDecideTogether: false }),
      expect.objectContaining({ number: 1, competesWith: null, decidedTogether: false, canProposeAlternative: true, canDecideTogether: true }),
    ]);

    const { caller, published } = callerFor(admin.id);
    const together = await caller.amendment.decideTogether({ amendmentIds: [alternative.id, original.id], closingAt: inAWeek() });
    expect(together.amendmentNumbers).toEqual([1, 2]);
    expect(published.map(({ name }) => name)).toEqual(expect.arrayContaining(["suggestion.changed", "poll.updated"]));
    const ranked = await getDb().poll.findUniqueOrThrow({
      where: { id: together.pollId },
      select: { kind: true, countingMethod: true, title: true, options: { select: { name: true }, orderBy: { position: "asc" } } },
    });
    expect(ranked).toMatchObject({ kind: "ranked_choice", countingMethod: "schulze", title: "Amendments 1 and 2 to Vision 2030: one ranked vote" });
    expect(ranked.options.map(({ name }) => name)).toEqual(["Amendment 1: look after", "Amendment 2: tend", "Keep the text as it is"]);
    // The original's own proposal is closed without an outcome, and says why.
    const separate = await getDb().poll.findUniqueOrThrow({ where: { id: original.pollId! }, select: { closedAt: true, details: true, outcomeStatement: true } });
    expect(separate.closedAt).not.toBeNull();
    expect(separate.outcomeStatement).toBeNull();
    expect(separate.details).toMatch(/^\*\*Closed without an outcome:\*\* Amendment 1 is now decided together/);
    expect(await getDb().amendment.count({ where: { pollId: together.pollId } })).toBe(2);
    const shown = await as(member.id).amendment.list({ documentId: document.id });
    expect(shown.items.map((item) => [item.number, item.decidedTogether, item.poll?.id, item.canProposeAlternative, item.canDecideTogether])).toEqual([
      [2, true, together.pollId, false, false],
      [1, true, together.pollId, false, false],
    ]);
    // Closed by the separate poll's close path: nothing is decided there any more.
    expect(await resolvePollAmendments(getDb(), () => {}, original.pollId!)).toBe(0);

    await rank(as(voter.id), together.pollId, ["Amendment 2", "Amendment 1", "Keep"]);
    await rank(as(admin.id), together.pollId, ["Amendment 2", "Keep", "Amendment 1"]);
    await rank(as(member.id), together.pollId, ["Amendment 1", "Amendment 2", "Keep"]);
    const closing = callerFor(admin.id);
    await closing.caller.poll.close({ id: together.pollId });
    expect(closing.published.map(({ name }) => name)).toEqual(expect.arrayContaining(["document.update", "suggestion.changed", "decision.changed"]));
    expect(await textOf(document.id)).toBe("We tend the valley.");
    expect(suggestionsInState(await loadDocumentState(getDb(), document.id)).size).toBe(0);
    expect(await getDb().suggestion.findUniqueOrThrow({ where: { id: originalSuggestion! }, select: { status: true } })).toEqual({ status: "rejected" });

    const won = await getDb().amendment.findUniqueOrThrow({ where: { id: alternative.id } });
    expect(won).toMatchObject({ status: "adopted", result: "Won the ranked vote (Schulze method); 3 people ranked the options." });
    const lost = await getDb().amendment.findUniqueOrThrow({ where: { id: original.id } });
    expect(lost).toMatchObject({ status: "rejected", result: "Amendment 2 won the ranked vote.", versionId: null });
    expect(await getDb().documentVersion.findUniqueOrThrow({ where: { id: won.versionId! }, select: { name: true } })).toEqual({ name: "Amendment 2 adopted" });
    const decisions = await getDb().decision.findMany({ where: { pollId: together.pollId }, select: { result: true, documentVersionId: true } });
    expect(decisions).toEqual([{ result: expect.stringMatching(/^Amendment 2 adopted\. Won the ranked vote/), documentVersionId: won.versionId }]);

    // Applied once: resolving again, the schedule and the sweep change nothing.
    expect(await resolvePollAmendments(getDb(), () => {}, together.pollId)).toBe(0);
    await sweepAmendments(getDb(), () => {}, new Date(Date.now() + 11 * 60 * 1000));
    expect(await textOf(document.id)).toBe("We tend the valley.");
    expect(await getDb().documentVersion.count({ where: { documentId: document.id, kind: "named" } })).toBe(1);
  });

  it("the original winning is accepted as before; two closes and two resolvers at once apply it once", async () => {
    const { document, member, voter, admin, as, original } = await setting();
    const alternative = await as(voter.id).amendment.create({ documentId: document.id, competesWith: original.id, text: "", closingAt: inAWeek() });
    const { pollId } = await as(member.id).amendment.decideTogether({ amendmentIds: [original.id, alternative.id], closingAt: inAWeek() });
    expect((await getDb().pollOption.findMany({ where: { pollId }, select: { name: true } })).map(({ name }) => name)).toContain("Amendment 2: remove “care for”");
    await rank(as(voter.id), pollId, ["Amendment 1", "Keep"]);
    await rank(as(member.id), pollId, ["Amendment 1", "Amendment 2"]);
    const codes = await Promise.all([codeOf(as(admin.id).poll.close({ id: pollId })), codeOf(as(member.id).poll.close({ id: pollId }))]);
    expect(codes.sort()).toEqual(["CONFLICT", "ok"]);
    const again = await Promise.all([
      resolvePollAmendments(getDb(), () => {}, pollId),
      resolvePollAmendments(getDb(), () => {}, pollId),
      runPollSchedule(getDb(), () => {}),
    ]);
    expect(again[0] + again[1]).toBe(0);
    expect(await textOf(document.id)).toBe("We look after the valley.");
    expect(await getDb().amendment.findUniqueOrThrow({ where: { id: original.id }, select: { status: true } })).toEqual({ status: "adopted" });
    expect(await getDb().amendment.findUniqueOrThrow({ where: { id: alternative.id }, select: { status: true, result: true } })).toEqual({
      status: "rejected",
      result: "Amendment 1 won the ranked vote.",
    });
    expect(await getDb().documentVersion.count({ where: { documentId: document.id, name: "Amendment 1 adopted" } })).toBe(1);
    expect(await getDb().decision.count({ where: { pollId } })).toBe(1);
  });

  it("two resolvers racing on a ranked vote closed elsewhere write the alternative once", async () => {
    const { document, voter, admin, as, original } = await setting();
    const alternative = await as(voter.id).amendment.create({ documentId: document.id, competesWith: original.id, text: "guard", closingAt: inAWeek() });
    const { pollId } = await as(admin.id).amendment.decideTogether({ amendmentIds: [original.id, alternative.id], closingAt: inAWeek() });
    await rank(as(voter.id), pollId, ["Amendment 2"]);
    await getDb().poll.update({ where: { id: pollId }, data: { closedAt: new Date(), eligibleAtClose: 3 } });
    const decided = await Promise.all([resolvePollAmendments(getDb(), () => {}, pollId), resolvePollAmendments(getDb(), () => {}, pollId)]);
    expect(decided.sort()).toEqual([0, 2]);
    expect(await textOf(document.id)).toBe("We guard the valley.");
    expect(await getDb().documentVersion.count({ where: { documentId: document.id, name: "Amendment 2 adopted" } })).toBe(1);
    expect(await getDb().decision.count({ where: { pollId } })).toBe(1);
  });

  it("“Keep the text as it is” or a tie rejects them all; a passage changed meanwhile is not overwritten", async () => {
    const { document, voter, member, admin, as, original } = await setting();
    const alternative = await as(voter.id).amendment.create({ documentId: document.id, competesWith: original.id, text: "tend", closingAt: inAWeek() });
    const { pollId } = await as(admin.id).amendment.decideTogether({ amendmentIds: [original.id, alternative.id], closingAt: inAWeek() });
    await rank(as(voter.id), pollId, ["Keep", "Amendment 2"]);
    await as(admin.id).poll.close({ id: pollId });
    expect(await textOf(document.id)).toBe(VISION);
    const both = await getDb().amendment.findMany({ where: { pollId }, select: { status: true, result: true } });
    expect(both).toEqual([
      { status: "rejected", result: "“Keep the text as it is” won the ranked vote; 1 person ranked the options." },
      { status: "rejected", result: "“Keep the text as it is” won the ranked vote; 1 person ranked the options." },
    ]);
    expect(await getDb().decision.count({ where: { pollId } })).toBe(0);

    // A tie between the two.
    const second = await as(member.id).amendment.create({ documentId: document.id, range: await rangeOf(document.id, "valley"), text: "river", closingAt: inAWeek() });
    const other = await as(voter.id).amendment.create({ documentId: document.id, competesWith: second.id, text: "hills", closingAt: inAWeek() });
    const tie = await as(admin.id).amendment.decideTogether({ amendmentIds: [second.id, other.id], closingAt: inAWeek() });
    await rank(as(voter.id), tie.pollId, ["Amendment 4", "Amendment 3", "Keep"]);
    await rank(as(member.id), tie.pollId, ["Amendment 3", "Amendment 4", "Keep"]);
    await as(admin.id).poll.close({ id: tie.pollId });
    expect(await getDb().amendment.findUniqueOrThrow({ where: { id: other.id }, select: { result: true } })).toEqual({
      result: "No winner: the ranked vote tied between “Amendment 3: river” and “Amendment 4: hills”.",
    });
    expect(await textOf(document.id)).toBe(VISION);

    // The passage edited directly while the vote ran: the alternative wins but nothing is lost.
    const third = await as(member.id).amendment.create({ documentId: document.id, range: await rangeOf(document.id, "the valley"), text: "our valley", closingAt: inAWeek() });
    const rival = await as(voter.id).amendment.create({ documentId: document.id, competesWith: third.id, text: "this valley", closingAt: inAWeek() });
    const late = await as(admin.id).amendment.decideTogether({ amendmentIds: [third.id, rival.id], closingAt: inAWeek() });
    const editor = editorOn(await loadDocumentState(getDb(), document.id));
    await appendUpdate(getDb(), document.id, editor.edit((tr, pm) => tr.insertText("green ", posOf(pm, "valley"))), admin.id);
    await rank(as(voter.id), late.pollId, ["Amendment 6"]);
    await as(admin.id).poll.close({ id: late.pollId });
    expect(await getDb().amendment.findUniqueOrThrow({ where: { id: rival.id }, select: { status: true, result: true, versionId: true } })).toEqual({
      status: "rejected",
      result: "Won the ranked vote, but not applied: the passage now reads “the green valley” instead of “the valley”. The text was left as it is; propose it again as a new amendment.",
      versionId: null,
    });
    expect(await textOf(document.id)).toBe("We care for the green valley.");
    expect(suggestionsInState(await loadDocumentState(getDb(), document.id)).size).toBe(0);
  });

  it("an alternative left out of a ranked vote ends with its original; an alternative is refused where it makes no sense", async () => {
    const { document, member, voter, guest, outsider, admin, as, original } = await setting();
    const alternative = await as(voter.id).amendment.create({ documentId: document.id, competesWith: original.id, text: "tend", closingAt: inAWeek() });
    const base = { documentId: document.id, competesWith: original.id, text: "mind", closingAt: inAWeek() };

    expect(await codeOf(as(guest.id).amendment.create(base))).toBe("FORBIDDEN");
    expect(await codeOf(as(outsider.id).amendment.create(base))).toBe("NOT_FOUND");
    expect(await codeOf(as(member.id).amendment.create({ ...base, text: "x".repeat(MAX_AMENDMENT_TEXT_LENGTH + 1) }))).toBe("BAD_REQUEST");
    expect(await messageOf(as(member.id).amendment.create({ ...base, text: "look after" }))).toBe("That is what Amendment 1 already proposes: write a different text.");
    expect(await messageOf(as(member.id).amendment.create({ ...base, competesWith: alternative.id }))).toBe(
      "Amendment 2 is itself an alternative: propose yours as an alternative to Amendment 1.",
    );
    expect(await codeOf(as(member.id).amendment.create({ ...base, range: await rangeOf(document.id, "valley") }))).toBe("BAD_REQUEST");
    // An amendment of another document is not this document's.
    const elsewhere = await setting();
    expect(await codeOf(as(member.id).amendment.create({ ...base, competesWith: elsewhere.original.id }))).toBe("NOT_FOUND");
    expect(await codeOf(elsewhere.as(elsewhere.member.id).amendment.create({ ...base, documentId: elsewhere.document.id }))).toBe("NOT_FOUND");
    expect(await getDb().amendment.count({ where: { documentId: document.id } })).toBe(2);

    // The original decided on its own: the alternative is withdrawn with it.
    const agree = await getDb().pollOption.findFirstOrThrow({ where: { pollId: original.pollId!, name: "Agree" }, select: { id: true } });
    await as(voter.id).poll.vote({ pollId: original.pollId!, choices: [{ optionId: agree.id }] });
    await as(admin.id).poll.close({ id: original.pollId! });
    expect(await textOf(document.id)).toBe("We look after the valley.");
    expect(await getDb().amendment.findUniqueOrThrow({ where: { id: alternative.id }, select: { status: true, result: true } })).toEqual({
      status: "withdrawn",
      result: "Withdrawn: Amendment 1 was decided without it.",
    });
    expect(await messageOf(as(member.id).amendment.create(base))).toBe("Amendment 1 was already decided: propose a new amendment instead.");
    // Alternatives have no poll: the orphan sweep leaves a waiting one alone.
    const waiting = await as(member.id).amendment.create({ documentId: document.id, range: await rangeOf(document.id, "valley"), text: "river", closingAt: inAWeek() });
    const beside = await as(voter.id).amendment.create({ documentId: document.id, competesWith: waiting.id, text: "hills", closingAt: inAWeek() });
    await sweepAmendments(getDb(), () => {}, new Date(Date.now() + 11 * 60 * 1000));
    expect(await getDb().amendment.findUniqueOrThrow({ where: { id: beside.id }, select: { status: true } })).toEqual({ status: "open" });
  });

  it("decideTogether refuses guests, outsiders, ids from elsewhere, decided amendments and a second request racing the first", async () => {
    const { document, member, voter, guest, outsider, admin, as, original } = await setting();
    const alternative = await as(voter.id).amendment.create({ documentId: document.id, competesWith: original.id, text: "tend", closingAt: inAWeek() });
    const input = { amendmentIds: [original.id, alternative.id], closingAt: inAWeek() };
    expect(await codeOf(as(guest.id).amendment.decideTogether(input))).toBe("FORBIDDEN");
    expect(await codeOf(as(outsider.id).amendment.decideTogether(input))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(null).caller.amendment.decideTogether(input))).toBe("UNAUTHORIZED");
    expect(await codeOf(as(member.id).amendment.decideTogether({ ...input, amendmentIds: [original.id, original.id] }))).toBe("BAD_REQUEST");
    expect(await codeOf(as(member.id).amendment.decideTogether({ ...input, amendmentIds: [original.id, "nope"] }))).toBe("NOT_FOUND");
    expect(await messageOf(as(member.id).amendment.decideTogether({ ...input, closingAt: new Date(Date.now() - 1000) }))).toBe("Choose a closing time in the future.");
    expect(await codeOf(as(member.id).amendment.decideTogether({ ...input, amendmentIds: Array.from({ length: 21 }, (_, i) => `id${i}`) }))).toBe("BAD_REQUEST");

    const elsewhere = await setting();
    const theirs = await elsewhere.as(elsewhere.voter.id).amendment.create({ documentId: elsewhere.document.id, competesWith: elsewhere.original.id, text: "x", closingAt: inAWeek() });
    expect(await codeOf(as(member.id).amendment.decideTogether({ ...input, amendmentIds: [original.id, theirs.id] }))).toBe("NOT_FOUND");
    expect(await codeOf(elsewhere.as(elsewhere.admin.id).amendment.decideTogether({ ...input, amendmentIds: [elsewhere.original.id, alternative.id] }))).toBe("NOT_FOUND");
    // Two originals are not alternatives to each other.
    const second = await as(member.id).amendment.create({ documentId: document.id, range: await rangeOf(document.id, "valley"), text: "river", closingAt: inAWeek() });
    expect(await messageOf(as(member.id).amendment.decideTogether({ ...input, amendmentIds: [original.id, second.id!] }))).toMatch(/alternatives proposed to it/);

    const racing = await Promise.all([codeOf(as(member.id).amendment.decideTogether(input)), codeOf(as(admin.id).amendment.decideTogether(input))]);
    expect(racing.sort()).toEqual(["CONFLICT", "ok"]);
    expect(await getDb().poll.count({ where: { groupId: (await getDb().document.findUniqueOrThrow({ where: { id: document.id } })).groupId, kind: "ranked_choice" } })).toBe(1);
    expect(await getDb().amendment.count({ where: { id: { in: input.amendmentIds }, result: "" } })).toBe(2);
    expect(await messageOf(as(admin.id).amendment.decideTogether(input))).toBe("Amendment 1 is already being decided in one ranked vote with its alternatives.");
    expect(await messageOf(as(voter.id).amendment.create({ documentId: document.id, competesWith: original.id, text: "mind", closingAt: inAWeek() }))).toMatch(
      /already being decided in one ranked vote/,
    );

    // Decided amendments are not put to a vote again.
    const third = await as(member.id).amendment.create({ documentId: document.id, range: await rangeOf(document.id, "We"), text: "All of us", closingAt: inAWeek() });
    const late = await as(voter.id).amendment.create({ documentId: document.id, competesWith: third.id, text: "You", closingAt: inAWeek() });
    await as(admin.id).poll.close({ id: third.pollId! });
    expect(await messageOf(as(admin.id).amendment.decideTogether({ ...input, amendmentIds: [third.id, late.id] }))).toMatch(/^Amendment \d was already decided/);
  });
});
