"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { Alert } from "@/components/ui/alert";
import { cn } from "@/components/ui/cn";
import { distinctColors } from "@/lib/documents/colors";
import { useRealtime } from "@/lib/realtime/socket-provider";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type Authorship = RouterOutputs["document"]["authorship"];
type Block = Authorship["blocks"][number];

const EARLIER = "Earlier edits";
const HEADING_SIZES = ["", "text-2xl", "text-xl", "text-lg"];

/**
 * A light wash of the author's colour behind their words, underlined in the colour itself: their
 * cursor's colour, unless another author in the legend has it (distinctColors).
 */
function runStyle(color: string | undefined): React.CSSProperties | undefined {
  if (!color) return undefined;
  return { backgroundColor: `${color}1f`, boxShadow: `inset 0 -2px 0 ${color}` };
}

/** Numbers consecutive numbered items per list depth, as the rendered list would. */
function markers(blocks: Block[]): (string | null)[] {
  const counters: number[] = [];
  return blocks.map((block) => {
    if (block.kind !== "ordered" && block.kind !== "bullet") {
      counters.length = 0;
      return null;
    }
    counters.length = block.level;
    if (block.kind === "bullet") {
      counters[block.level - 1] = 0;
      return "•";
    }
    counters[block.level - 1] = (counters[block.level - 1] ?? 0) + 1;
    return `${counters[block.level - 1]}.`;
  });
}

function Legend({ authorship, colors }: { authorship: Authorship; colors: Map<string, string> }) {
  return (
    <div className="flex flex-col gap-1">
      <h3 className="font-semibold">Who wrote this</h3>
      <ul aria-label="Authors and their colours" className="flex flex-wrap gap-x-4 gap-y-1">
        {authorship.authors.map((author) => (
          <li key={author.id} className="inline-flex items-center gap-2" data-testid="authorship-author">
            <span aria-hidden="true" className="size-3 shrink-0 rounded-full" style={{ backgroundColor: colors.get(author.id) }} />
            {author.name}
          </li>
        ))}
        {authorship.hasEarlierEdits && (
          <li className="inline-flex items-center gap-2 text-muted">
            <span aria-hidden="true" className="size-3 shrink-0 rounded-full border border-line bg-card" />
            {EARLIER} <span className="text-sm">(written before authorship was recorded)</span>
          </li>
        )}
      </ul>
      <p className="text-sm text-muted">Open suggestions are left out; hover over a passage to see who wrote it.</p>
    </div>
  );
}

/** How long the current text's authorship waits after an edit before it is asked for again (one query per burst of typing). */
const FOLLOW_EDITS_MS = 2000;

/** While the current text is shown, edits by anyone (heard on the document's room) refresh it shortly after. */
function useFollowEdits(documentId: string, follow: boolean, refetch: () => unknown) {
  const { socket } = useRealtime();
  useEffect(() => {
    if (!socket || !follow) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onUpdate = (event: { documentId: string }) => {
      if (event.documentId !== documentId || timer) return;
      timer = setTimeout(() => {
        timer = null;
        void refetch();
      }, FOLLOW_EDITS_MS);
    };
    socket.on("document.update", onUpdate);
    return () => {
      socket.off("document.update", onUpdate);
      if (timer) clearTimeout(timer);
    };
  }, [socket, documentId, follow, refetch]);
}

/**
 * "Who wrote this": the agreed text of the document (or of one version) read-only, each passage
 * tinted in its author's colour (the colour of their cursor and suggestions) with a legend of names.
 * The current text follows edits as they arrive; a version stays as it was.
 */
export function AuthorshipView({ documentId, versionId }: { documentId: string; versionId?: string }) {
  const trpc = useTRPC();
  const authorship = useQuery({ ...trpc.document.authorship.queryOptions({ id: documentId, versionId }), refetchOnMount: "always" });
  useFollowEdits(documentId, versionId === undefined, authorship.refetch);
  if (authorship.error) return <Alert>{errorMessage(authorship.error)}</Alert>;
  if (!authorship.data) return <p className="text-muted">Finding out who wrote what…</p>;
  const { blocks, authors } = authorship.data;
  const names = new Map(authors.map((author) => [author.id, author.name]));
  const colors = distinctColors(authors.map(({ id }) => id));
  const marks = markers(blocks);
  return (
    <div className="flex flex-col gap-4" data-testid="authorship-view">
      <Legend authorship={authorship.data} colors={colors} />
      <div className="flex flex-col gap-1 rounded-xl border border-line bg-card p-5 text-lg leading-relaxed">
        {blocks.length === 0 && <p className="text-muted">There is no text yet.</p>}
        {blocks.map((block, index) => (
          <div
            key={index}
            className={cn("flex gap-2 py-1", block.quote && "ml-2 border-l-4 border-line pl-3 italic")}
            style={marks[index] ? { paddingLeft: `${block.level * 1.25}rem` } : undefined}
          >
            {marks[index] && (
              <span aria-hidden="true" className="shrink-0 font-semibold text-muted">
                {marks[index]}
              </span>
            )}
            {block.kind === "rule" ? (
              <hr className="my-3 w-full border-line" />
            ) : (
              <p
                className={cn(
                  "min-w-0 flex-1 whitespace-pre-wrap break-words",
                  block.kind === "heading" && `font-bold ${HEADING_SIZES[block.level] ?? "text-lg"}`,
                  block.kind === "code" && "font-mono text-sm",
                )}
              >
                {block.runs.map((run, at) => {
                  const name = run.authorId ? (names.get(run.authorId) ?? EARLIER) : EARLIER;
                  return (
                    <span key={at} title={name} data-author={name} style={runStyle(run.authorId ? colors.get(run.authorId) : undefined)}>
                      {run.text}
                    </span>
                  );
                })}
              </p>
            )}
          </div>
        ))}
      </div>
    </div>
  );
}

/** The "Who wrote this" switch: pressed, the page shows the authorship view in place of the text. */
export function AuthorshipToggle({ shown, onChange }: { shown: boolean; onChange: (shown: boolean) => void }) {
  return (
    <button
      type="button"
      aria-pressed={shown}
      onClick={() => onChange(!shown)}
      className={cn(
        // No colour transition: half way between the two states the text would be briefly unreadable.
        "inline-flex min-h-11 items-center gap-2 self-start rounded-lg border px-4 py-2 font-semibold",
        shown ? "border-ember-700 bg-ember-700 text-white hover:bg-ember-800" : "border-line bg-card text-ink hover:bg-ember-50",
      )}
    >
      Who wrote this
    </button>
  );
}
