/**
 * A document's content as ProseMirror JSON (what `contentOf` returns), typed loosely so the
 * renderers below cope with any attribute values they meet.
 */
export type PmMark = { type: string; attrs?: Record<string, unknown> };
export type PmNode = {
  type?: string;
  attrs?: Record<string, unknown>;
  content?: PmNode[];
  marks?: PmMark[];
  text?: string;
};

export type BlockKind = "heading" | "paragraph" | "bullet" | "ordered" | "code" | "row" | "rule";

/** One line of the rendered document: what the diff compares and the history page shows. */
export type Block = {
  kind: BlockKind;
  /** Heading level (1–3), or how deep a list item is nested (1 = top level); 0 otherwise. */
  level: number;
  /** Inside a quotation. */
  quote: boolean;
  text: string;
};

/** The plain text of inline content; a hard break becomes a new line. */
export function inlineText(node: PmNode): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return "\n";
  return (node.content ?? []).map(inlineText).join("");
}

export function numberAttr(node: PmNode, name: string, fallback: number): number {
  const value = node.attrs?.[name];
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}

type Frame = { quote: boolean; list: "bullet" | "ordered" | null; depth: number };

function collect(node: PmNode, frame: Frame, out: Block[]): void {
  const block = (kind: BlockKind, level: number, text: string) => out.push({ kind, level, quote: frame.quote, text });
  switch (node.type) {
    case "heading":
      block("heading", numberAttr(node, "level", 1), inlineText(node));
      return;
    case "paragraph":
      if (frame.list) block(frame.list, frame.depth, inlineText(node));
      else block("paragraph", 0, inlineText(node));
      return;
    case "codeBlock":
      block("code", 0, inlineText(node));
      return;
    case "horizontalRule":
      block("rule", 0, "");
      return;
    case "tableRow":
      block("row", 0, (node.content ?? []).map((cell) => blocksOf(cell).map((b) => b.text).join(" ")).join(" | "));
      return;
    case "bulletList":
    case "orderedList": {
      const list = node.type === "bulletList" ? "bullet" : "ordered";
      for (const child of node.content ?? []) collect(child, { ...frame, list, depth: frame.depth + 1 }, out);
      return;
    }
    case "blockquote":
      for (const child of node.content ?? []) collect(child, { ...frame, quote: true, list: null }, out);
      return;
    default:
      for (const child of node.content ?? []) collect(child, frame, out);
  }
}

/** The document as a flat list of blocks, top to bottom. */
export function blocksOf(doc: PmNode): Block[] {
  const out: Block[] = [];
  collect(doc, { quote: false, list: null, depth: 0 }, out);
  return out;
}
