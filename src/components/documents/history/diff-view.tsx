import type { RouterOutputs } from "@/lib/trpc/client";
import { cn } from "@/components/ui/cn";

type Diff = RouterOutputs["document"]["diff"];
type Block = Diff["blocks"][number];

const KIND_NAMES: Record<Block["kind"], string> = {
  heading: "Heading",
  paragraph: "Paragraph",
  bullet: "List item",
  ordered: "Numbered item",
  code: "Code",
  row: "Table row",
  rule: "Divider",
};

const describe = ({ kind, level }: { kind: Block["kind"]; level: number }) =>
  kind === "heading" ? `Heading ${level}` : KIND_NAMES[kind];

function Parts({ parts }: { parts: Block["parts"] }) {
  return parts.map((part, index) => {
    if (part.change === "inserted") {
      return (
        <ins key={index} className="rounded-sm bg-green-50 text-green-900 underline decoration-green-700 decoration-2 underline-offset-4">
          <span className="sr-only">Inserted: </span>
          {part.text}
        </ins>
      );
    }
    if (part.change === "deleted") {
      return (
        <del key={index} className="rounded-sm bg-red-50 text-red-900 line-through decoration-red-800 decoration-2">
          <span className="sr-only">Deleted: </span>
          {part.text}
        </del>
      );
    }
    return <span key={index}>{part.text}</span>;
  });
}

const HEADING_SIZES = ["", "text-2xl", "text-xl", "text-lg"];

/** Numbers consecutive numbered items per nesting level, as the rendered list would. */
function numbering(blocks: Block[]): (number | null)[] {
  const counters: number[] = [];
  return blocks.map((block) => {
    if (block.kind !== "ordered" && block.kind !== "bullet") {
      counters.length = 0;
      return null;
    }
    counters.length = block.level;
    if (block.kind === "bullet") {
      counters[block.level - 1] = 0;
      return null;
    }
    counters[block.level - 1] = (counters[block.level - 1] ?? 0) + 1;
    return counters[block.level - 1]!;
  });
}

function BlockView({ block, number }: { block: Block; number: number | null }) {
  const marker = block.kind === "bullet" ? "•" : block.kind === "ordered" ? `${number}.` : null;
  const whole = block.change === "inserted" || block.change === "deleted";
  return (
    <div
      className={cn(
        "flex gap-2 border-l-4 py-1 pl-3",
        block.change === "same" && "border-transparent",
        block.change === "changed" && "border-ember-600",
        block.change === "inserted" && "border-green-700",
        block.change === "deleted" && "border-red-800",
        block.quote && "ml-2 italic text-muted",
      )}
      style={marker ? { paddingLeft: `${block.level * 1.25}rem` } : undefined}
    >
      {marker && (
        <span aria-hidden="true" className="shrink-0 font-semibold text-muted">
          {marker}
        </span>
      )}
      <div className={cn("min-w-0 flex-1 whitespace-pre-wrap break-words", block.kind === "code" && "font-mono text-sm", block.kind === "row" && "rounded border border-line px-2")}>
        {block.kind === "heading" && <span className="sr-only">{describe(block)}: </span>}
        {block.kind === "rule" ? (
          <hr className={cn("my-3 border-line", whole && "border-2")} aria-label={whole ? `Divider ${block.change}` : "Divider"} />
        ) : (
          <span className={cn(block.kind === "heading" && `font-bold ${HEADING_SIZES[block.level] ?? "text-lg"}`)}>
            <Parts parts={block.parts} />
          </span>
        )}
        {block.previous && (
          <span className="ml-2 text-sm not-italic text-muted">(was {describe(block.previous).toLowerCase()})</span>
        )}
      </div>
    </div>
  );
}

/** The rendered text with insertions underlined in green and deletions struck through in red; screen readers hear which is which. */
export function DiffView({ blocks }: { blocks: Block[] }) {
  const numbers = numbering(blocks);
  if (blocks.length === 0) return <p className="text-muted">This version is empty.</p>;
  return (
    <div className="flex flex-col gap-1 text-lg leading-relaxed">
      {blocks.map((block, index) => (
        <BlockView key={index} block={block} number={numbers[index] ?? null} />
      ))}
    </div>
  );
}
