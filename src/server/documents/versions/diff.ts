import { diffArrays, diffWordsWithSpace } from "diff";
import type { Block, BlockKind } from "@/server/documents/versions/content";

export type PartChange = "same" | "inserted" | "deleted";
export type BlockChange = PartChange | "changed";

export type DiffPart = { text: string; change: PartChange };

/** One block of the diff, shaped like the newer block (or the older one when it was deleted). */
export type DiffBlock = {
  kind: BlockKind;
  level: number;
  quote: boolean;
  change: BlockChange;
  /** For a changed block whose kind or level changed too (e.g. a paragraph made a heading). */
  previous: { kind: BlockKind; level: number } | null;
  parts: DiffPart[];
};

export type DocumentDiff = { blocks: DiffBlock[]; insertedWords: number; deletedWords: number };

const key = (block: Block) => `${block.kind}:${block.level}:${block.quote ? 1 : 0}:${block.text}`;

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * A deleted block and the inserted one in its place count as the same block changed when most of
 * their words survive; otherwise they show as one deletion and one insertion.
 */
function wordDiff(before: Block, after: Block): DiffPart[] | null {
  const changes = diffWordsWithSpace(before.text, after.text);
  const kept = changes.filter((c) => !c.added && !c.removed).reduce((sum, c) => sum + c.value.trim().length, 0);
  const longest = Math.max(before.text.trim().length, after.text.trim().length);
  if (longest > 0 && kept / longest < 0.4) return null;
  return changes.map((c) => ({ text: c.value, change: c.added ? "inserted" : c.removed ? "deleted" : "same" }));
}

function whole(block: Block, change: BlockChange & PartChange): DiffBlock {
  return { ...block, change, previous: null, parts: block.text ? [{ text: block.text, change }] : [] };
}

function pairUp(deleted: Block[], inserted: Block[]): DiffBlock[] {
  const out: DiffBlock[] = [];
  const pairs = Math.min(deleted.length, inserted.length);
  for (let i = 0; i < pairs; i += 1) {
    const before = deleted[i]!;
    const after = inserted[i]!;
    const parts = wordDiff(before, after);
    if (!parts) {
      out.push(whole(before, "deleted"), whole(after, "inserted"));
      continue;
    }
    const reshaped = before.kind !== after.kind || before.level !== after.level;
    out.push({ ...after, change: "changed", previous: reshaped ? { kind: before.kind, level: before.level } : null, parts });
  }
  for (const block of deleted.slice(pairs)) out.push(whole(block, "deleted"));
  for (const block of inserted.slice(pairs)) out.push(whole(block, "inserted"));
  return out;
}

/** What changed between two renderings of a document, block by block and, inside blocks, word by word. */
export function diffBlocks(before: Block[], after: Block[]): DocumentDiff {
  const changes = diffArrays(before, after, { comparator: (a, b) => key(a) === key(b) });
  const blocks: DiffBlock[] = [];
  let deleted: Block[] = [];
  let inserted: Block[] = [];
  const flush = () => {
    blocks.push(...pairUp(deleted, inserted));
    deleted = [];
    inserted = [];
  };
  for (const change of changes) {
    if (change.removed) deleted.push(...change.value);
    else if (change.added) inserted.push(...change.value);
    else {
      flush();
      blocks.push(...change.value.map((block) => whole(block, "same")));
    }
  }
  flush();
  let insertedWords = 0;
  let deletedWords = 0;
  for (const part of blocks.flatMap((block) => block.parts)) {
    if (part.change === "inserted") insertedWords += wordCount(part.text);
    if (part.change === "deleted") deletedWords += wordCount(part.text);
  }
  return { blocks, insertedWords, deletedWords };
}
