import * as Y from "yjs";
import { DOCUMENT_FRAGMENT } from "@/lib/documents/extensions";
import { MAX_NESTING } from "@/server/documents/content-schema";
import type { BlockKind } from "@/server/documents/versions/content";
import { withDoc } from "@/server/documents/with-doc";

/** No Yjs item: a line break or a table's cell separator, which nobody is credited with. */
export const NO_CLIENT = -1;

/**
 * One line of the agreed text (as content.ts lays blocks out), each character with the Yjs id
 * of the item holding it: `clients[i]`/`clocks[i]` for `text[i]`.
 */
export type IdentifiedBlock = { kind: BlockKind; level: number; quote: boolean; text: string; clients: number[]; clocks: number[] };

/** `depth`: of lists; `nesting`: of blocks, beyond MAX_NESTING nothing the editor shows (junk of old documents). */
type Frame = { quote: boolean; list: "bullet" | "ordered" | null; depth: number; nesting: number };

/** An open suggested insertion is not yet part of the agreed text; y-prosemirror may key a mark by name and hash. */
const isInsertionKey = (key: string) => key === "insertion" || key.startsWith("insertion--");

function* visibleChildren(type: Y.XmlElement | Y.XmlFragment): Generator<Y.XmlElement | Y.XmlText> {
  for (let item = type._start; item; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentType)) continue;
    const child = item.content.type;
    if (child instanceof Y.XmlElement || child instanceof Y.XmlText) yield child;
  }
}

class Line {
  text = "";
  clients: number[] = [];
  clocks: number[] = [];

  add(text: string, client: number, clock: number): void {
    this.text += text;
    for (let offset = 0; offset < text.length; offset++) {
      this.clients.push(client);
      this.clocks.push(client === NO_CLIENT ? 0 : clock + offset);
    }
  }

  addText(type: Y.XmlText): void {
    const insertions = new Set<string>();
    for (let item = type._start; item; item = item.right) {
      if (item.deleted) continue;
      const { content } = item;
      if (content instanceof Y.ContentFormat) {
        if (!isInsertionKey(content.key)) continue;
        if (content.value === null) insertions.delete(content.key);
        else insertions.add(content.key);
      } else if (content instanceof Y.ContentString && insertions.size === 0) {
        this.add(content.str, item.id.client, item.id.clock);
      }
    }
  }

  addInline(element: Y.XmlElement): void {
    for (const child of visibleChildren(element)) {
      if (child instanceof Y.XmlText) this.addText(child);
      else if (child.nodeName === "hardBreak") this.add("\n", NO_CLIENT, 0);
    }
  }
}

function levelOf(element: Y.XmlElement): number {
  const value = element.getAttribute("level") as unknown;
  return typeof value === "number" && Number.isFinite(value) ? value : 1;
}

function collect(element: Y.XmlElement, outer: Frame, out: IdentifiedBlock[]): void {
  if (outer.nesting >= MAX_NESTING) return;
  const frame = { ...outer, nesting: outer.nesting + 1 };
  const block = (kind: BlockKind, level: number, line: Line): void => {
    out.push({ kind, level, quote: frame.quote, text: line.text, clients: line.clients, clocks: line.clocks });
  };
  const inline = () => {
    const line = new Line();
    line.addInline(element);
    return line;
  };
  switch (element.nodeName) {
    case "heading":
      return block("heading", levelOf(element), inline());
    case "paragraph":
      return frame.list ? block(frame.list, frame.depth, inline()) : block("paragraph", 0, inline());
    case "codeBlock":
      return block("code", 0, inline());
    case "horizontalRule":
      return block("rule", 0, new Line());
    case "tableRow": {
      const line = new Line();
      let first = true;
      for (const cell of visibleChildren(element)) {
        if (!(cell instanceof Y.XmlElement)) continue;
        const inner: IdentifiedBlock[] = [];
        for (const child of visibleChildren(cell)) if (child instanceof Y.XmlElement) collect(child, { quote: false, list: null, depth: 0, nesting: frame.nesting + 1 }, inner);
        if (!first) line.add(" | ", NO_CLIENT, 0);
        first = false;
        inner.forEach((part, index) => {
          if (index > 0) line.add(" ", NO_CLIENT, 0);
          line.text += part.text;
          line.clients.push(...part.clients);
          line.clocks.push(...part.clocks);
        });
      }
      return block("row", 0, line);
    }
    case "bulletList":
    case "orderedList": {
      const list = element.nodeName === "bulletList" ? "bullet" : "ordered";
      for (const child of visibleChildren(element)) if (child instanceof Y.XmlElement) collect(child, { ...frame, list, depth: frame.depth + 1 }, out);
      return;
    }
    case "blockquote":
      for (const child of visibleChildren(element)) if (child instanceof Y.XmlElement) collect(child, { ...frame, quote: true, list: null }, out);
      return;
    default:
      for (const child of visibleChildren(element)) if (child instanceof Y.XmlElement) collect(child, frame, out);
  }
}

/**
 * The document's agreed text (open suggested insertions left out, text suggested for deletion kept,
 * as `withoutSuggestions` reads it) as blocks top to bottom, every character with its Yjs id.
 */
export function identifiedBlocks(doc: Y.Doc): IdentifiedBlock[] {
  const out: IdentifiedBlock[] = [];
  for (const child of visibleChildren(doc.getXmlFragment(DOCUMENT_FRAGMENT))) {
    if (child instanceof Y.XmlElement) collect(child, { quote: false, list: null, depth: 0, nesting: 0 }, out);
  }
  return out;
}

/** The blocks of a stored state. */
export function identifiedBlocksOf(state: Uint8Array): IdentifiedBlock[] {
  return withDoc(state, identifiedBlocks);
}

/** A word (a run of non-space characters, as the diff counts them) by the positions of its characters. */
export function* wordsOf(block: IdentifiedBlock): Generator<{ start: number; end: number }> {
  for (const match of block.text.matchAll(/\S+/g)) yield { start: match.index, end: match.index + match[0].length };
}

export const idKey = (client: number, clock: number) => `${client}:${clock}`;

/** The ids of every character of the blocks that has one. */
export function visibleIds(blocks: readonly IdentifiedBlock[]): Set<string> {
  const ids = new Set<string>();
  for (const { clients, clocks } of blocks) {
    for (let index = 0; index < clients.length; index++) if (clients[index] !== NO_CLIENT) ids.add(idKey(clients[index]!, clocks[index]!));
  }
  return ids;
}
