import type { Node, NodeType } from "@tiptap/pm/model";
import { EditorState, type Transaction } from "@tiptap/pm/state";
import { initProseMirrorDoc, updateYFragment } from "@tiptap/y-tiptap";
import type { Socket } from "socket.io-client";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { DOCUMENT_FRAGMENT } from "@/lib/documents/extensions";
import { getDb } from "@/server/db";
import { documentSchema as schema, MAX_NESTING, UNFIT } from "@/server/documents/content-schema";
import { loadDocumentState } from "@/server/documents/persistence";
import { textIn, typeInto } from "@/server/documents/test-editing";
import { checkUpdate, MAX_UPDATE_BYTES } from "@/server/documents/update-check";
import { heading, paragraph, stateOf } from "@/server/documents/versions/test-content";
import type { DocumentSyncAnswer } from "@/server/events";
import { addMember, makeDocument, makeGroup, makeUser } from "@/server/test/factories";
import { connectAs, startSocketServer } from "@/server/test/sockets";

const text = (value: string, marks: { type: string; attrs?: Record<string, unknown> }[] = []) => ({ type: "text", text: value, marks });

/** The server's live copy of a document with some of everything in it. */
function liveDocument(): Y.Doc {
  const live = new Y.Doc();
  Y.applyUpdate(
    live,
    stateOf([
      heading(1, "Our vision"),
      { type: "paragraph", content: [text("We care for "), text("the valley", [{ type: "bold" }])] },
      { type: "bulletList", content: [{ type: "listItem", content: [paragraph("Water")] }] },
      { type: "codeBlock", content: [text("let x = 1;")] },
      paragraph("The end."),
    ]),
  );
  return live;
}

/** A copy of the document as someone's browser holds it; its edits are sent the way the editor sends them. */
function copyOf(live: Y.Doc) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(live));
  const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
  /** The update made by `change`, written to the Y.Doc by y-tiptap as in the editor. */
  const edit = (change: (tr: Transaction, pm: Node) => void): Uint8Array => {
    const { doc: pm, meta } = initProseMirrorDoc(fragment, schema);
    const tr = EditorState.create({ doc: pm }).tr;
    change(tr, pm);
    const before = Y.encodeStateVector(doc);
    updateYFragment(doc, fragment, tr.doc, meta);
    return Y.encodeStateAsUpdate(doc, before);
  };
  /** The update made by writing to the Y.Doc directly, as a crafted message would. */
  const raw = (change: (fragment: Y.XmlFragment) => void): Uint8Array => {
    const before = Y.encodeStateVector(doc);
    doc.transact(() => change(fragment));
    return Y.encodeStateAsUpdate(doc, before);
  };
  return { doc, fragment, edit, raw };
}

/** What the room does: check against the live copy, and apply what was accepted. */
function send(live: Y.Doc, update: Uint8Array) {
  const checked = checkUpdate(update, MAX_UPDATE_BYTES, live);
  if (checked.ok) Y.applyUpdate(live, update);
  return checked;
}

/** Where `text` starts in the ProseMirror document. */
function posOf(pm: Node, text: string): number {
  let found = -1;
  pm.descendants((node, pos) => {
    const at = node.isText ? node.text!.indexOf(text) : -1;
    if (found < 0 && at >= 0) found = pos + at;
    return found < 0;
  });
  if (found < 0) throw new Error(`"${text}" is not in the document`);
  return found;
}

const nested = (levels: number): ReturnType<typeof paragraph> =>
  levels === 0 ? paragraph("deep") : { type: "blockquote", content: [nested(levels - 1)] };

const node = (type: string) => schema.nodes[type] as NodeType;
const firstText = (element: Y.XmlElement) => element.get(0) as Y.XmlText;

describe("checking updates against the editor's schema", () => {
  it("accepts what the editor writes: typing, new blocks, formatting, links, comments, lists, tables, deletions", () => {
    const live = liveDocument();
    const ana = copyOf(live);
    const { bold, link, docComment } = schema.marks;
    const edits = [
      ana.edit((tr, pm) => tr.insertText("!", posOf(pm, "The end.") + 8)),
      ana.edit((tr, pm) => tr.split(posOf(pm, "the valley"))),
      ana.edit((tr, pm) => tr.addMark(posOf(pm, "We"), posOf(pm, "We") + 7, bold!.create())),
      ana.edit((tr, pm) => tr.addMark(posOf(pm, "Water"), posOf(pm, "Water") + 5, link!.create({ href: "https://example.org" }))),
      ana.edit((tr, pm) => tr.addMark(posOf(pm, "care"), posOf(pm, "care") + 8, docComment!.create({ commentId: "c1" }))),
      ana.edit((tr, pm) => tr.addMark(posOf(pm, "for"), posOf(pm, "for") + 3, docComment!.create({ commentId: "c2" }))),
      ana.edit((tr, pm) => tr.removeMark(posOf(pm, "We"), posOf(pm, "We") + 2, bold!)),
      ana.edit((tr, pm) => tr.setNodeMarkup(posOf(pm, "Our vision") - 1, undefined, { level: 3 })),
      ana.edit((tr, pm) => tr.insert(posOf(pm, "The end.") - 1, node("hardBreak").create()).insertText("x", 1)),
      ana.edit((tr) =>
        tr.insert(
          tr.doc.content.size,
          schema.nodeFromJSON({
            type: "bulletList",
            content: [{ type: "listItem", content: [paragraph("Woods"), { type: "orderedList", content: [{ type: "listItem", content: [paragraph("Oaks")] }] }] }],
          }),
        ),
      ),
      ana.edit((tr) =>
        tr.insert(
          tr.doc.content.size,
          schema.nodeFromJSON({
            type: "table",
            content: [{ type: "tableRow", content: [{ type: "tableHeader", content: [paragraph("Goal")] }, { type: "tableCell", attrs: { colwidth: [120] }, content: [paragraph("2030")] }] }],
          }),
        ),
      ),
      ana.edit((tr) => tr.insert(tr.doc.content.size, schema.nodeFromJSON(nested(MAX_NESTING - 1)))),
      ana.edit((tr, pm) => tr.delete(posOf(pm, "care"), posOf(pm, "Water"))),
    ];
    for (const [index, update] of edits.entries()) expect([index, send(live, update)]).toMatchObject([index, { ok: true, empty: false }]);
    expect(initProseMirrorDoc(live.getXmlFragment(DOCUMENT_FRAGMENT), schema).doc.textContent).toContain("Oaks");
  });

  it("refuses a root typed as text (stray characters or formatting among the blocks), which breaks every editor", () => {
    const live = liveDocument();
    const attacker = new Y.Doc();
    Y.applyUpdate(attacker, Y.encodeStateAsUpdate(live));
    const before = Y.encodeStateVector(attacker);
    attacker.getText(DOCUMENT_FRAGMENT).insert(1, "boom");
    const strayText = Y.encodeStateAsUpdate(attacker, before);
    const formatted = new Y.Doc();
    formatted.getText(DOCUMENT_FRAGMENT).insert(0, "boom", { bold: {} });

    // What this would do to the people editing: the editor cannot even read the document any more.
    const victim = copyOf(live);
    Y.applyUpdate(victim.doc, strayText);
    expect(() => initProseMirrorDoc(victim.fragment, schema)).toThrow();

    expect(send(live, strayText)).toEqual({ ok: false, reason: UNFIT.notShowable });
    expect(send(live, Y.encodeStateAsUpdate(formatted))).toEqual({ ok: false, reason: UNFIT.notShowable });
    expect(() => initProseMirrorDoc(live.getXmlFragment(DOCUMENT_FRAGMENT), schema)).not.toThrow();
  });

  it("refuses blocks nested more deeply than the limit", () => {
    const live = liveDocument();
    const ana = copyOf(live);
    const tooDeep = ana.edit((tr) => tr.insert(tr.doc.content.size, schema.nodeFromJSON(nested(MAX_NESTING))));
    expect(send(live, tooDeep)).toEqual({ ok: false, reason: UNFIT.tooDeep });
  });

  it("refuses unknown blocks, blocks where they cannot go, and new blocks the schema does not allow", () => {
    const live = liveDocument();
    const cases: [Uint8Array, string][] = [
      [copyOf(live).raw((fragment) => fragment.insert(0, [new Y.XmlElement("script")])), UNFIT.unknownBlock],
      [copyOf(live).raw((fragment) => fragment.insert(0, [new Y.XmlElement("text")])), UNFIT.unknownBlock],
      [copyOf(live).raw((fragment) => fragment.insert(0, [new Y.XmlElement("tableRow")])), UNFIT.misplaced],
      [copyOf(live).raw((fragment) => fragment.insert(0, [new Y.XmlText("loose")])), UNFIT.misplaced],
      [copyOf(live).raw((fragment) => (fragment.get(2) as Y.XmlElement).insert(0, [new Y.XmlText("loose")])), UNFIT.misplaced],
      [copyOf(live).raw((fragment) => (fragment.get(1) as Y.XmlElement).insert(0, [new Y.Map() as never])), UNFIT.notShowable],
      [copyOf(live).raw((fragment) => fragment.insert(0, [new Y.XmlElement("bulletList")])), UNFIT.structure],
      [copyOf(live).raw((fragment) => fragment.insert(0, [new Y.XmlElement("table")])), UNFIT.structure],
    ];
    for (const [update, reason] of cases) expect(send(live, update)).toEqual({ ok: false, reason });
  });

  it("refuses unknown or misplaced formatting, unknown settings, embeds and writes to other roots", () => {
    const live = liveDocument();
    const cases: [Uint8Array, string][] = [
      [copyOf(live).raw((fragment) => firstText(fragment.get(4) as Y.XmlElement).format(0, 3, { blink: {} })), UNFIT.unknownFormat],
      [copyOf(live).raw((fragment) => firstText(fragment.get(3) as Y.XmlElement).format(0, 3, { bold: {} })), UNFIT.misplacedFormat],
      [copyOf(live).raw((fragment) => firstText(fragment.get(4) as Y.XmlElement).format(0, 3, { link: { href: { nested: [1] } } })), UNFIT.badSettings],
      [copyOf(live).raw((fragment) => (fragment.get(0) as Y.XmlElement).setAttribute("onclick", "alert(1)")), UNFIT.badSettings],
      [copyOf(live).raw((fragment) => (fragment.get(0) as Y.XmlElement).setAttribute("level", { deep: {} } as never)), UNFIT.badSettings],
      [copyOf(live).raw((fragment) => firstText(fragment.get(4) as Y.XmlElement).insertEmbed(0, { image: "x" })), UNFIT.notShowable],
      [copyOf(live).raw((fragment) => fragment.doc!.getMap("elsewhere").set("x", 1)), UNFIT.outside],
    ];
    for (const [update, reason] of cases) expect(send(live, update)).toEqual({ ok: false, reason });
    // The comment mark is stored under a hashed name, which is not an unknown mark.
    const ana = copyOf(live);
    const comment = ana.edit((tr, pm) => tr.addMark(posOf(pm, "end"), posOf(pm, "end") + 3, schema.marks.docComment!.create({ commentId: "c9" })));
    expect(send(live, comment)).toMatchObject({ ok: true });
  });

  it("judges each update after those accepted before it, even while they are still being stored", () => {
    const live = liveDocument();
    const ana = copyOf(live);
    const first = ana.edit((tr, pm) => tr.insertText("Hello ", posOf(pm, "The end.")));
    const second = ana.edit((tr, pm) => tr.insertText("again ", posOf(pm, "The end.")));
    expect(checkUpdate(second, MAX_UPDATE_BYTES, live)).toMatchObject({ ok: false, reason: expect.stringMatching(/does not have/) });
    // The room checks the next change before the one before it is stored and applied.
    expect(checkUpdate(first, MAX_UPDATE_BYTES, live)).toMatchObject({ ok: true });
    expect(checkUpdate(second, MAX_UPDATE_BYTES, live)).toMatchObject({ ok: true });
    Y.applyUpdate(live, first);
    Y.applyUpdate(live, second);
    expect(initProseMirrorDoc(live.getXmlFragment(DOCUMENT_FRAGMENT), schema).doc.textContent).toContain("Hello again The end.");
  });

  it("forgets a refused update, so nothing can build on it, and knows changes the server made itself", () => {
    const live = liveDocument();
    const mallory = copyOf(live);
    const refused = mallory.raw((fragment) => {
      fragment.delete(4, 1);
      fragment.insert(0, [new Y.XmlElement("script")]);
    });
    expect(send(live, refused)).toMatchObject({ ok: false });
    const onTop = mallory.raw((fragment) => firstText(fragment.get(1) as Y.XmlElement).insert(0, "x"));
    expect(send(live, onTop)).toMatchObject({ ok: false, reason: expect.stringMatching(/does not have/) });

    // A restored version reaches the live copy without a check; edits on top of it are fine.
    const server = copyOf(live);
    Y.applyUpdate(live, server.edit((tr) => tr.insert(tr.doc.content.size, schema.nodeFromJSON(paragraph("Restored.")))));
    const ana = copyOf(live);
    expect(send(live, ana.edit((tr, pm) => tr.insertText("Truly ", posOf(pm, "Restored."))))).toMatchObject({ ok: true });
    expect(initProseMirrorDoc(live.getXmlFragment(DOCUMENT_FRAGMENT), schema).doc.lastChild?.textContent).toBe("Truly Restored.");
  });

  it("still takes empty and unreadable updates the way it did", () => {
    const live = liveDocument();
    expect(checkUpdate(Y.encodeStateAsUpdate(live, Y.encodeStateVector(live)), MAX_UPDATE_BYTES, live)).toMatchObject({ ok: true, empty: true });
    expect(checkUpdate(new Uint8Array([1, 200, 255, 3, 9]), MAX_UPDATE_BYTES, live)).toMatchObject({ ok: false });
  });
});

describe("a document room", () => {
  it("refuses a crafted update with a clear reason and stores nothing, while others keep editing", async () => {
    const url = await startSocketServer();
    const group = await makeGroup();
    const [ana, mallory] = [await makeUser(), await makeUser()];
    await addMember(group.id, ana.id);
    await addMember(group.id, mallory.id);
    const document = await makeDocument({ groupId: group.id, createdById: ana.id });
    const emit = (socket: Socket, event: string, ...args: unknown[]) =>
      new Promise<DocumentSyncAnswer>((resolve) => socket.emit(event, ...args, resolve));
    const [a, m] = [await connectAs(url, ana.id), await connectAs(url, mallory.id)];
    expect(await emit(a, "document.join", document.id)).toMatchObject({ ok: true });
    expect(await emit(m, "document.join", document.id)).toMatchObject({ ok: true });

    const crafted = new Y.Doc();
    crafted.getText(DOCUMENT_FRAGMENT).insert(0, "boom");
    expect(await emit(m, "document.update", document.id, Y.encodeStateAsUpdate(crafted))).toEqual({ ok: false, reason: UNFIT.notShowable });

    const typed = new Y.Doc();
    typeInto(typed, 0, "Still fine");
    expect(await emit(a, "document.update", document.id, Y.encodeStateAsUpdate(typed))).toEqual({ ok: true, replies: [] });
    const stored = new Y.Doc();
    Y.applyUpdate(stored, await loadDocumentState(getDb(), document.id));
    expect(textIn(stored)).toBe("Still fine");
    expect(stored.getXmlFragment(DOCUMENT_FRAGMENT).length).toBe(1);
  });
});
