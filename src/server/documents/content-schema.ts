import { getSchema } from "@tiptap/core";
import { Fragment, Mark, type MarkType, type Node, type NodeType } from "@tiptap/pm/model";
import * as Y from "yjs";
import { documentExtensions } from "@/lib/documents/extensions";
import { SUGGESTION_ID, SUGGESTION_MARKS } from "@/lib/documents/suggestion-marks";

/**
 * The editor's ProseMirror schema, built from the same extension list the browser's editor uses
 * (without React or collaboration), so the server judges content exactly as the editor reads it.
 */
export const documentSchema = getSchema(documentExtensions);

/**
 * How deeply blocks may nest (a top-level block is level 1). Twelve list levels inside a quote
 * fit easily; the limit keeps every recursive reader, here and in the browser, far from the stack's end.
 */
export const MAX_NESTING = 32;

/** Why a piece of content cannot be part of a document; each is a sentence people may read. */
export const UNFIT = {
  outside: "That change writes outside the document's text.",
  notShowable: "That change holds content the editor cannot show.",
  unknownBlock: "That change uses a kind of block the editor does not know.",
  misplaced: "That change puts a block where it cannot go.",
  tooDeep: `That change nests blocks more than ${MAX_NESTING} levels deep.`,
  unknownFormat: "That change uses formatting the editor does not know.",
  misplacedFormat: "That change uses formatting where it is not allowed.",
  badSettings: "That change gives a block or its formatting settings the editor does not know.",
  structure: "That change does not fit the document's structure.",
} as const;
export type UnfitReason = (typeof UNFIT)[keyof typeof UNFIT];

export class Unfit extends Error {
  constructor(readonly reason: UnfitReason) {
    super(reason);
  }
}

/** The node types each node type can ever hold, whatever their order. */
const childTypes = new Map<NodeType, Set<NodeType>>();
for (const type of Object.values(documentSchema.nodes)) {
  const found = new Set<NodeType>();
  const seen = new Set([type.contentMatch]);
  const queue = [type.contentMatch];
  for (let match = queue.pop(); match; match = queue.pop()) {
    for (let i = 0; i < match.edgeCount; i++) {
      const { type: child, next } = match.edge(i);
      found.add(child);
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  childTypes.set(type, found);
}

/** The node type an XML element stands for; text and the document itself are never elements. */
export function elementType(element: Y.XmlElement): NodeType | null {
  const type = Object.hasOwn(documentSchema.nodes, element.nodeName) ? documentSchema.nodes[element.nodeName]! : null;
  return type && !type.isText && type !== documentSchema.topNodeType ? type : null;
}

export const mayHold = (parent: NodeType, child: NodeType): boolean => childTypes.get(parent)?.has(child) ?? false;

/** Attribute values the editor writes: text (a link at most a few kB), numbers, flags, and lists of numbers (column widths). */
export function isPlainValue(value: unknown): boolean {
  if (typeof value === "string") return value.length <= 8192;
  if (value === null || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  return Array.isArray(value) && value.length <= 64 && value.every((entry) => typeof entry === "number" && Number.isFinite(entry));
}

export const isKnownAttribute = (type: NodeType | MarkType, name: string): boolean => Object.hasOwn(type.spec.attrs ?? {}, name);

/** y-tiptap stores marks that may overlap themselves (comments) under their name plus an 8-character hash. */
const HASHED_MARK = /^(.*)--[a-zA-Z0-9+/=]{8}$/;

export function markTypeOf(key: string): MarkType | null {
  const name = HASHED_MARK.exec(key)?.[1] ?? key;
  return Object.hasOwn(documentSchema.marks, name) ? documentSchema.marks[name]! : null;
}

const suggestionMarkNames = new Set<string>(SUGGESTION_MARKS);
const isSuggestionMark = (type: MarkType): boolean => suggestionMarkNames.has(type.name);

/** What is wrong with one formatting run (a Yjs format attribute) inside a node of type `parent`. */
export function formatProblem(key: string, value: unknown, parent: NodeType): UnfitReason | null {
  const type = markTypeOf(key);
  if (!type) return UNFIT.unknownFormat;
  if (!parent.allowsMarkType(type)) return UNFIT.misplacedFormat;
  // null ends a formatting run.
  if (value === null) return null;
  if (typeof value !== "object" || Array.isArray(value)) return UNFIT.badSettings;
  const entries = Object.entries(value as Record<string, unknown>);
  if (!entries.every(([name, attr]) => isKnownAttribute(type, name) && isPlainValue(attr))) return UNFIT.badSettings;
  // A suggestion mark names its Suggestion row, so its id must be one the editor makes.
  const id = (value as { id?: unknown }).id;
  if (isSuggestionMark(type) && !(typeof id === "string" && SUGGESTION_ID.test(id))) return UNFIT.badSettings;
  return null;
}

/** The visible items of a Yjs list (a fragment's, an element's or a text's), formatting items included. */
export function* visibleItems(type: Pick<Y.AbstractType<never>, "_start">): Generator<Y.Item> {
  for (let item = type._start; item; item = item.right) if (!item.deleted) yield item;
}

/**
 * Reads Yjs XML into ProseMirror nodes. Strict, it throws Unfit at the first thing the schema
 * does not allow. Lenient, it skips such things and lists the Yjs items that hold them in
 * `junk` (so they can be deleted), and mends what merely breaks a content rule, as the editor would.
 */
export class ContentReader {
  readonly junk: Y.Item[] = [];

  constructor(private readonly strict: boolean) {}

  private reject(item: Y.Item, reason: UnfitReason): null {
    if (this.strict) throw new Unfit(reason);
    this.junk.push(item);
    return null;
  }

  /** The children of a fragment (depth 0) or element, as nodes of a `parent`. */
  children(list: Y.XmlFragment | Y.XmlElement, parent: NodeType, depth: number): Node[] {
    const nodes: Node[] = [];
    for (const item of visibleItems(list)) {
      const content = item.content;
      if (content instanceof Y.ContentType && content.type instanceof Y.XmlElement) {
        const node = this.element(content.type, parent, depth + 1);
        if (node) nodes.push(node);
      } else if (content instanceof Y.ContentType && content.type instanceof Y.XmlText && parent.inlineContent) {
        nodes.push(...this.text(content.type, parent));
      } else {
        this.reject(item, UNFIT.notShowable);
      }
    }
    return nodes;
  }

  element(element: Y.XmlElement, parent: NodeType, depth: number): Node | null {
    const item = element._item!;
    if (depth > MAX_NESTING) return this.reject(item, UNFIT.tooDeep);
    const type = elementType(element);
    if (!type) return this.reject(item, UNFIT.unknownBlock);
    if (!mayHold(parent, type)) return this.reject(item, UNFIT.misplaced);
    const attrs: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(element.getAttributes() as Record<string, unknown>)) {
      if (isKnownAttribute(type, name) && isPlainValue(value)) attrs[name] = value;
      else if (this.strict) throw new Unfit(UNFIT.badSettings);
    }
    const children = this.children(element, type, depth);
    if (this.strict || type.validContent(Fragment.from(children))) return type.create(attrs, children);
    // Mend like the editor: add what is missing at either end, else keep the children that fit in order.
    return type.createAndFill(attrs, children) ?? type.createAndFill(attrs, fitting(type, children));
  }

  text(text: Y.XmlText, parent: NodeType): Node[] {
    for (const item of visibleItems(text)) {
      const content = item.content;
      if (content instanceof Y.ContentString) continue;
      if (content instanceof Y.ContentFormat) {
        const problem = formatProblem(content.key, content.value, parent);
        if (problem) this.reject(item, problem);
      } else {
        this.reject(item, UNFIT.notShowable);
      }
    }
    if (this.strict && text._map.size > 0) throw new Unfit(UNFIT.badSettings);
    const nodes: Node[] = [];
    for (const { insert, attributes } of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
      if (typeof insert !== "string" || !insert) continue;
      let marks: readonly Mark[] = Mark.none;
      for (const [key, value] of Object.entries(attributes ?? {})) {
        if (formatProblem(key, value, parent)) continue;
        const mark = markTypeOf(key)!.create(value as Record<string, unknown>);
        // Strict keeps every mark so `check()` can refuse clashing ones; lenient lets later ones win.
        marks = this.strict ? [...marks, mark] : mark.addToSet(marks);
      }
      nodes.push(documentSchema.text(insert, this.strict ? Mark.setFrom(marks) : marks));
    }
    return nodes;
  }
}

function fitting(type: NodeType, children: Node[]): Node[] {
  const kept: Node[] = [];
  let match = type.contentMatch;
  for (const child of children) {
    const next = match.matchType(child.type);
    if (!next) continue;
    kept.push(child);
    match = next;
  }
  return kept;
}
