import type { Node } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { DOCUMENT_FRAGMENT } from "@/lib/documents/extensions";
import { getDb } from "@/server/db";
import { loadDocumentState } from "@/server/documents/persistence";
import { checkUpdate, MAX_UPDATE_BYTES, ONLY_SUGGESTIONS, OTHERS_SUGGESTIONS } from "@/server/documents/update-check";
import { appendUpdate } from "@/server/documents/persistence";
import { exportDocument } from "@/server/documents/versions/export";
import { paragraph, stateOf } from "@/server/documents/versions/test-content";
import { suggestionsIn, withoutSuggestions } from "@/server/suggestions/text";
import { editorOn, posOf } from "@/server/suggestions/test-suggesting";
import { decisionUpdate } from "@/server/suggestions/yjs";
import { addMember, callerFor, makeDocument, makeGroup, makeUser } from "@/server/test/factories";
import { as, connectAs, emitWithAnswer, eventually, openDocument, startSocketServer } from "@/server/test/sockets";

const VISION = "We care for the valley.";
const textOf = (doc: Node) => doc.textContent;
const onlyId = (doc: Node, ...known: string[]) => [...suggestionsIn(doc).keys()].find((id) => !known.includes(id))!;

function merged(...updates: Uint8Array[]): Uint8Array {
  return Y.mergeUpdates(updates);
}

describe("suggestions in the shared document", () => {
  it("from two people at once interleave and converge, and rejecting all gives back the text", () => {
    const start = stateOf([paragraph(VISION)]);
    const ana = editorOn(start);
    const bo = editorOn(start);
    const fromAna = ana.suggest((tr, pm) => tr.insertText("green ", posOf(pm, "valley")));
    const fromBo = bo.suggest((tr, pm) => tr.insertText("tend", posOf(pm, "care for"), posOf(pm, "care for") + "care for".length));
    ana.receive(fromBo);
    bo.receive(fromAna);

    expect(ana.content().eq(bo.content())).toBe(true);
    const found = [...suggestionsIn(ana.content()).values()];
    expect(found).toEqual(
      expect.arrayContaining([
        { inserted: "green ", deleted: "", changesFormat: false },
        { inserted: "tend", deleted: "care for", changesFormat: false },
      ]),
    );
    expect(found).toHaveLength(2);
    expect(textOf(withoutSuggestions(ana.content()))).toBe(VISION);
  });

  it("accepting or rejecting applies exactly the suggested change, even after edits around it", () => {
    const start = stateOf([paragraph(VISION)]);
    const ana = editorOn(start);
    const carl = editorOn(start);
    const suggestion = ana.suggest((tr, pm) => tr.insertText("river", posOf(pm, "valley"), posOf(pm, "valley") + "valley".length));
    carl.receive(suggestion);
    const id = onlyId(carl.content());
    // Carl edits directly right next to the suggestion and at both ends.
    const around = carl.edit((tr, pm) => {
      tr.insertText(" And more.", pm.content.size - 1);
      tr.insertText("wide ", posOf(pm, "valley"));
      tr.insertText("Truly, ", 1);
    });
    const state = merged(start, suggestion, around);

    for (const [accept, expected] of [
      [true, "Truly, We care for the wide river. And more."],
      [false, "Truly, We care for the wide valley. And more."],
    ] as const) {
      const decision = decisionUpdate(state, [id], accept)!;
      // Someone types elsewhere while the decision is made; both changes stand.
      const meanwhile = editorOn(state).edit((tr, pm) => tr.insertText("!", pm.content.size - 1));
      const everyone = editorOn(merged(state, meanwhile));
      everyone.receive(decision);
      expect(textOf(everyone.content())).toBe(expected.replace(/\.$/, ".!"));
      expect(suggestionsIn(everyone.content()).size).toBe(0);
    }
  });

  it("leaves other suggestions alone when one is decided", () => {
    const start = stateOf([paragraph(VISION)]);
    const ana = editorOn(start);
    const first = ana.suggest((tr, pm) => tr.insertText("green ", posOf(pm, "valley")));
    const firstId = onlyId(ana.content());
    const second = ana.suggest((tr, pm) => tr.delete(posOf(pm, "We "), posOf(pm, "We ") + 3));
    const state = merged(start, first, second);
    const result = editorOn(state);
    result.receive(decisionUpdate(state, [firstId], true)!);
    expect(textOf(result.content())).toBe("We care for the green valley.");
    expect([...suggestionsIn(result.content()).values()]).toEqual([{ inserted: "", deleted: "We ", changesFormat: false }]);
    expect(decisionUpdate(Y.encodeStateAsUpdate(result.doc), [firstId], true)).toBeNull();
  });
});

describe("a suggest-only seat", () => {
  function liveWith(state: Uint8Array) {
    const live = new Y.Doc();
    Y.applyUpdate(live, state);
    const send = (update: Uint8Array, othersIds: string[] = []) => {
      const checked = checkUpdate(update, MAX_UPDATE_BYTES, live, { othersIds: new Set(othersIds) });
      if (checked.ok) Y.applyUpdate(live, checked.update);
      return checked.ok ? { ok: true } : checked;
    };
    return { live, send };
  }

  it("may add and withdraw its own suggestions, and nothing else", () => {
    const start = stateOf([paragraph(VISION)]);
    const { live, send } = liveWith(start);
    const guest = editorOn(start);
    expect(send(guest.suggest((tr, pm) => tr.insertText("green ", posOf(pm, "valley"))))).toEqual({ ok: true });
    expect(send(guest.suggest((tr, pm) => tr.delete(posOf(pm, "We "), posOf(pm, "We ") + 3)))).toEqual({ ok: true });
    // Withdrawing one's own insertion (deleting it) is fine.
    expect(send(guest.edit((tr, pm) => tr.delete(posOf(pm, "green "), posOf(pm, "green ") + 6)))).toEqual({ ok: true });
    const deletionId = onlyId(guest.content());

    // Typing straight into the text, as a crafted update would, is refused and changes nothing.
    const before = Y.encodeStateAsUpdate(live);
    const mallory = editorOn(before);
    expect(send(mallory.edit((tr, pm) => tr.insertText("NOT ", posOf(pm, "care"))))).toEqual({ ok: false, reason: ONLY_SUGGESTIONS });
    expect(send(mallory.edit((tr, pm) => tr.delete(posOf(pm, "valley"), posOf(pm, "valley") + 6)))).toMatchObject({ ok: false });
    // Nor may it accept a suggestion by removing the text marked for deletion.
    const fresh = editorOn(before);
    expect(send(fresh.edit((tr, pm) => tr.delete(posOf(pm, "We "), posOf(pm, "We ") + 3)))).toEqual({ ok: false, reason: ONLY_SUGGESTIONS });
    // Nor reject someone else's deletion by taking its mark off (its own, it may withdraw).
    const other = editorOn(before);
    const unmark = other.edit((tr, pm) => tr.removeMark(posOf(pm, "We "), posOf(pm, "We ") + 3, pm.type.schema.marks.deletion!));
    expect(send(unmark, [deletionId])).toEqual({ ok: false, reason: OTHERS_SUGGESTIONS });
    // A plain mark with a made-up id is refused by the content schema.
    const crafted = editorOn(before);
    const badId = crafted.edit((tr, pm) =>
      tr.insert(posOf(pm, "care"), pm.type.schema.text("x", [pm.type.schema.marks.insertion!.create({ id: "<script>" })])),
    );
    expect(send(badId)).toMatchObject({ ok: false });
    expect(Y.encodeStateAsUpdate(live)).toEqual(before);
  });
});

async function setup() {
  const group = await makeGroup();
  const [admin, member, guest, outsider] = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser()]);
  await addMember(group.id, admin.id, "admin");
  await addMember(group.id, member.id, "member");
  await addMember(group.id, guest.id, "guest");
  const document = await makeDocument({ groupId: group.id, createdById: admin.id, title: "Vision", guestIds: [guest.id] });
  return { group, admin, member, guest, outsider, document };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

const storedContent = async (documentId: string) => editorOn(await loadDocumentState(getDb(), documentId)).content();

describe("suggesting through the live room, and deciding", () => {
  it("a guest allowed to suggest suggests, cannot edit directly, and an editor's accept reaches open editors", async () => {
    const url = await startSocketServer();
    const { admin, member, guest, outsider, document } = await setup();
    const [a, g] = [await connectAs(url, admin.id), await connectAs(url, guest.id)];
    expect(await emitWithAnswer(a, "document.join", document.id)).toMatchObject({ ok: true, canEdit: true });
    expect(await emitWithAnswer(g, "document.join", document.id)).toMatchObject({ ok: true, canEdit: false });
    expect(await emitWithAnswer(a, "document.update", document.id, stateOf([paragraph(VISION)]))).toEqual({ ok: true, replies: [] });
    const open = await openDocument(await connectAs(url, member.id), document.id);

    const guestEditor = editorOn(await loadDocumentState(getDb(), document.id));
    const suggestion = guestEditor.suggest((tr, pm) => tr.insertText("green ", posOf(pm, "valley")));
    expect(await emitWithAnswer(g, "document.update", document.id, suggestion)).toMatchObject({ ok: false, reason: /read this document/ });

    expect(await codeOf(callerFor(guest.id).caller.document.setGuestsMaySuggest({ id: document.id, allowed: true }))).toBe("FORBIDDEN");
    await as(admin.id, (caller) => caller.document.setGuestsMaySuggest({ id: document.id, allowed: true }));
    expect(await callerFor(guest.id).caller.document.byId({ id: document.id })).toMatchObject({ canEdit: false, canSuggest: true, mode: "editing" });
    expect(await emitWithAnswer(g, "document.update", document.id, suggestion)).toEqual({ ok: true, replies: [] });
    // Typing on: keystrokes sent one after another without waiting are checked in the order they came.
    const keystrokes = ["e", "e", "n"].map((letter) => guestEditor.suggest((tr, pm) => tr.insertText(letter, posOf(pm, "valley"))));
    const answers = await Promise.all(keystrokes.map((update) => emitWithAnswer(g, "document.update", document.id, update)));
    expect(answers).toEqual(keystrokes.map(() => ({ ok: true, replies: [] })));

    const direct = editorOn(await loadDocumentState(getDb(), document.id)).edit((tr, pm) => tr.insertText("NOT ", posOf(pm, "care")));
    expect(await emitWithAnswer(g, "document.update", document.id, direct)).toEqual({ ok: false, reason: ONLY_SUGGESTIONS });
    expect(textOf(withoutSuggestions(await storedContent(document.id)))).toBe(VISION);

    const list = await callerFor(member.id).caller.suggestion.list({ documentId: document.id });
    expect(list).toMatchObject({ canDecide: true, canSuggest: true, items: [{ author: { id: guest.id }, inserted: "green een", deleted: "" }] });
    const id = list.items[0]!.id;
    expect(await codeOf(callerFor(outsider.id).caller.suggestion.list({ documentId: document.id }))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(outsider.id).caller.suggestion.accept({ id }))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(guest.id).caller.suggestion.accept({ id }))).toBe("FORBIDDEN");
    await callerFor(guest.id).caller.suggestion.reply({ id, body: "  Greener is better.  " });

    // Two editors accept at once: one change, one of them is told it was already decided.
    const results = await Promise.all([
      codeOf(as(member.id, (caller) => caller.suggestion.accept({ id }))),
      codeOf(as(admin.id, (caller) => caller.suggestion.accept({ id }))),
    ]);
    expect(results.sort()).toEqual(["CONFLICT", "ok"]);
    expect(textOf(await storedContent(document.id))).toBe("We care for the green eenvalley.");
    await eventually(() => expect(open.doc.getXmlFragment(DOCUMENT_FRAGMENT).toString()).toContain("green eenvalley"));
    expect(open.doc.getXmlFragment(DOCUMENT_FRAGMENT).toString()).not.toContain("insertion");
    expect((await callerFor(member.id).caller.suggestion.list({ documentId: document.id })).items).toEqual([]);
    expect(await codeOf(callerFor(member.id).caller.suggestion.reject({ id }))).toBe("CONFLICT");
  });

  it("rejects all of one person's suggestions as one change, and refuses a guest reusing someone else's id", async () => {
    const url = await startSocketServer();
    const { admin, member, guest, document } = await setup();
    await callerFor(admin.id).caller.document.setGuestsMaySuggest({ id: document.id, allowed: true });
    await callerFor(admin.id).caller.document.setMode({ id: document.id, mode: "suggesting" });
    const [m, g] = [await connectAs(url, member.id), await connectAs(url, guest.id)];
    await emitWithAnswer(m, "document.join", document.id);
    await emitWithAnswer(g, "document.join", document.id);
    await emitWithAnswer(m, "document.update", document.id, stateOf([paragraph(VISION)]));

    const memberEditor = editorOn(await loadDocumentState(getDb(), document.id));
    expect(await emitWithAnswer(m, "document.update", document.id, memberEditor.suggest((tr) => tr.insertText("Truly, ", 1)))).toMatchObject({ ok: true });
    expect(
      await emitWithAnswer(m, "document.update", document.id, memberEditor.suggest((tr, pm) => tr.delete(posOf(pm, "the "), posOf(pm, "the ") + 4))),
    ).toMatchObject({ ok: true });
    const memberIds = [...suggestionsIn(memberEditor.content()).keys()];

    // The guest writes new text under the member's suggestion id: refused.
    const guestEditor = editorOn(await loadDocumentState(getDb(), document.id));
    const stolen = guestEditor.edit((tr, pm) =>
      tr.insert(posOf(pm, "valley"), pm.type.schema.text("dry ", [pm.type.schema.marks.insertion!.create({ id: memberIds[0] })])),
    );
    expect(await emitWithAnswer(g, "document.update", document.id, stolen)).toEqual({ ok: false, reason: OTHERS_SUGGESTIONS });

    expect(await codeOf(callerFor(guest.id).caller.suggestion.decideByAuthor({ documentId: document.id, authorId: member.id, accept: false }))).toBe(
      "FORBIDDEN",
    );
    const { decided } = await callerFor(admin.id).caller.suggestion.decideByAuthor({ documentId: document.id, authorId: member.id, accept: false });
    expect(decided.sort()).toEqual(memberIds.sort());
    expect(textOf(await storedContent(document.id))).toBe(VISION);
    const rows = await getDb().suggestion.findMany({ where: { documentId: document.id }, select: { status: true, authorId: true, decidedById: true } });
    expect(rows).toEqual(memberIds.map(() => ({ status: "rejected", authorId: member.id, decidedById: admin.id })));
  });
});

describe("exports", () => {
  it("show the agreed text, or open suggestions as tracked changes when asked", async () => {
    const { admin, guest, document } = await setup();
    const start = stateOf([paragraph(VISION)]);
    const editor = editorOn(start);
    const suggestion = editor.suggest((tr, pm) => tr.insertText("river", posOf(pm, "valley"), posOf(pm, "valley") + "valley".length));
    await appendUpdate(getDb(), document.id, merged(start, suggestion), admin.id);

    const plain = await exportDocument(getDb(), guest.id, document.id, { format: "md" });
    expect(plain.body).toContain("We care for the valley.");
    const tracked = await exportDocument(getDb(), guest.id, document.id, { format: "md", suggestions: "tracked" });
    expect(tracked.body).toContain("We care for the {--valley--}{++river++}.");
    expect(tracked.filename).toMatch(/with-suggestions\.md$/);
    const html = await exportDocument(getDb(), guest.id, document.id, { format: "html", suggestions: "tracked" });
    expect(html.body).toContain("<del>valley</del><ins>river</ins>");
  });
});
