"use client";

import { selectSuggestion } from "@handlewithcare/prosemirror-suggest-changes";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Editor } from "@tiptap/react";
import { useCallback, useEffect, useId, useMemo, useState } from "react";
import { AmendmentsPanel } from "@/components/documents/amendments/amendments-panel";
import { useAmendments, type AmendmentItem } from "@/components/documents/amendments/use-amendments";
import { SuggestionCard } from "@/components/documents/suggestions/suggestion-card";
import { SuggestionStyle } from "@/components/documents/suggestions/suggestion-style";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SUGGESTION_MARKS } from "@/lib/documents/suggestion-marks";
import { useRealtime } from "@/lib/realtime/socket-provider";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";

const MARKS = new Set<string>(SUGGESTION_MARKS);
/** How long the text must rest before the list is fetched again after someone suggested something. */
const SETTLE_MS = 600;

/** A fingerprint of the suggestions in the editor's text: it changes when one is made, grows or goes. */
function suggestionsFingerprint(editor: Editor): string {
  const parts: string[] = [];
  editor.state.doc.descendants((node) => {
    for (const mark of node.marks) if (MARKS.has(mark.type.name)) parts.push(`${String(mark.attrs.id)}:${mark.type.name}:${node.nodeSize}`);
    return true;
  });
  return parts.join(",");
}

/**
 * The side panel of a document's open suggestions, in text order, each in its author's colour:
 * the group's editors accept or reject each (or all of one person's at once), and everyone who
 * may suggest replies. The list is fetched again when anyone's suggestions change in the text or
 * when one is decided or replied to.
 */
export function SuggestionsPanel({ documentId, editor }: { documentId: string; editor: Editor | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { socket } = useRealtime();
  const headingId = useId();
  const [activeId, setActiveId] = useState<string | null>(null);
  const list = useQuery(trpc.suggestion.list.queryOptions({ documentId }));
  const refresh = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: trpc.suggestion.list.queryKey({ documentId }) }),
    [queryClient, trpc, documentId],
  );
  const decideAll = useMutation(trpc.suggestion.decideByAuthor.mutationOptions({ onSettled: refresh }));
  const amendments = useAmendments(documentId);
  const amendmentOf = useMemo(() => {
    const bySuggestion = new Map<string, AmendmentItem>();
    for (const amendment of amendments.list.data?.items ?? []) for (const id of amendment.suggestionIds) bySuggestion.set(id, amendment);
    return bySuggestion;
  }, [amendments.list.data]);

  useEffect(() => {
    if (!socket) return;
    const onChanged = (change: { documentId: string }) => {
      if (change.documentId === documentId) refresh();
    };
    socket.on("suggestion.changed", onChanged);
    socket.io.on("reconnect", refresh);
    return () => {
      socket.off("suggestion.changed", onChanged);
      socket.io.off("reconnect", refresh);
    };
  }, [socket, documentId, refresh]);

  useEffect(() => {
    if (!editor) return;
    let seen = suggestionsFingerprint(editor);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = () => {
      const now = suggestionsFingerprint(editor);
      if (now === seen) return;
      seen = now;
      clearTimeout(timer);
      timer = setTimeout(refresh, SETTLE_MS);
    };
    editor.on("update", onUpdate);
    return () => {
      clearTimeout(timer);
      editor.off("update", onUpdate);
    };
  }, [editor, refresh]);

  const items = useMemo(() => list.data?.items ?? [], [list.data]);
  const authors = useMemo(() => {
    const counts = new Map<string, { id: string; name: string; count: number }>();
    // Suggestions put to a vote are left to it.
    for (const { id, author } of items) {
      if (amendmentOf.has(id)) continue;
      const entry = counts.get(author.id) ?? { ...author, count: 0 };
      entry.count += 1;
      counts.set(author.id, entry);
    }
    return [...counts.values()].filter(({ count }) => count > 1);
  }, [items, amendmentOf]);

  const show = (id: string) => {
    setActiveId(id);
    if (editor && selectSuggestion(id)(editor.state, editor.view.dispatch)) editor.commands.scrollIntoView();
  };

  return (
    <>
      <section aria-labelledby={headingId} className="flex flex-col gap-3">
        <h2 id={headingId} className="text-lg font-semibold">
          Suggestions{items.length > 0 ? ` (${items.length})` : ""}
        </h2>
        <SuggestionStyle items={items} activeId={activeId} />
        {list.error && <Alert>{errorMessage(list.error)}</Alert>}
        {list.data && items.length === 0 && (
          <p className="text-muted">No open suggestions. In suggesting mode, what people type appears here for the group to accept or reject.</p>
        )}
        {list.data?.canDecide && authors.length > 0 && (
          <div className="space-y-2 rounded-lg border border-line p-3">
            {authors.map((author) => (
              <div key={author.id} className="flex flex-wrap items-center gap-2">
                <span className="grow text-sm">
                  All {author.count} by <strong>{author.name}</strong>
                </span>
                <Button
                  variant="secondary"
                  disabled={decideAll.isPending}
                  onClick={() => decideAll.mutate({ documentId, authorId: author.id, accept: true })}
                >
                  Accept all
                </Button>
                <Button
                  variant="secondary"
                  disabled={decideAll.isPending}
                  onClick={() => decideAll.mutate({ documentId, authorId: author.id, accept: false })}
                >
                  Reject all
                </Button>
              </div>
            ))}
            {decideAll.error && <Alert>{errorMessage(decideAll.error)}</Alert>}
          </div>
        )}
        <ol className="flex flex-col gap-3">
          {items.map((suggestion) => (
            <li key={suggestion.id}>
              <SuggestionCard
                suggestion={suggestion}
                active={suggestion.id === activeId}
                canDecide={list.data?.canDecide ?? false}
                canReply={list.data?.canSuggest ?? false}
                amendment={amendmentOf.get(suggestion.id) ?? null}
                canPropose={amendments.list.data?.canPropose ?? false}
                documentId={documentId}
                onChanged={() => {
                  refresh();
                  amendments.refresh();
                }}
                onShow={() => show(suggestion.id)}
              />
            </li>
          ))}
        </ol>
      </section>
      <AmendmentsPanel documentId={documentId} editor={editor} amendments={amendments} />
    </>
  );
}
