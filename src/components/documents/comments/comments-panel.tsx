"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import type { Editor } from "@tiptap/react";
import { BubbleMenu } from "@tiptap/react/menus";
import { MessageSquarePlus } from "lucide-react";
import { useCallback, useEffect, useId, useMemo, useState, useSyncExternalStore } from "react";
import { CommentThread, type DocCommentThread } from "@/components/documents/comments/comment-thread";
import { HighlightStyle } from "@/components/documents/comments/highlight-style";
import { NewCommentForm } from "@/components/documents/comments/new-comment-form";
import { anchorComment, rememberSelection, type RememberedRange } from "@/components/documents/comments/remembered-range";
import { useEditorComments, type EditorComments } from "@/components/documents/comments/use-editor-comments";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { useRealtime } from "@/lib/realtime/socket-provider";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";

/** Open threads in the order their text appears, those whose text is gone after them, resolved ones last. */
function inReadingOrder(threads: DocCommentThread[], anchors: EditorComments["anchors"]): DocCommentThread[] {
  const rank = (thread: DocCommentThread) =>
    thread.resolvedAt ? Number.MAX_SAFE_INTEGER : (anchors.get(thread.id)?.from ?? Number.MAX_SAFE_INTEGER - 1);
  return threads
    .map((thread, index) => ({ thread, index, rank: rank(thread) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ thread }) => thread);
}

/** The address does not change while the panel is open (links to comments open the page afresh). */
const subscribeToNothing = () => () => undefined;

/** The Comment bubble by the selection; a transaction with this meta set to "hide" hides it. */
const BUBBLE = "docCommentBubble";

function isShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.altKey && event.code === "KeyM";
}

/**
 * The side panel of a document's inline comments. Lists open comments (and resolved ones on
 * request) next to the editor, highlights their text, and lets people who may edit comment on
 * the selected text (button, bubble by the selection, or Ctrl/Cmd+Alt+M), reply, resolve and reopen.
 */
export function CommentsPanel({ documentId, editor, canComment }: { documentId: string; editor: Editor | null; canComment: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { socket } = useRealtime();
  const headingId = useId();
  const [showResolved, setShowResolved] = useState(false);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [draft, setDraft] = useState<RememberedRange | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { anchors, hasSelection, atCursor, hasText } = useEditorComments(editor);

  const list = useInfiniteQuery(
    trpc.docComment.list.infiniteQueryOptions(
      { documentId, includeResolved: showResolved },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const threads = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const ordered = useMemo(() => inReadingOrder(threads, anchors), [threads, anchors]);
  const openIds = useMemo(() => threads.filter((thread) => !thread.resolvedAt).map((thread) => thread.id), [threads]);
  const refreshList = useCallback(
    () => queryClient.invalidateQueries({ queryKey: trpc.docComment.list.infiniteQueryKey({ documentId }) }),
    [queryClient, trpc, documentId],
  );

  const create = useMutation(trpc.docComment.create.mutationOptions());
  const resetCreate = create.reset;

  useEffect(() => {
    if (!socket) return;
    const onChanged = (change: { documentId: string }) => {
      if (change.documentId === documentId) void refreshList();
    };
    // Whatever changed while the connection was down is fetched again after it comes back.
    const onReconnect = () => void refreshList();
    socket.on("docComment.changed", onChanged);
    socket.io.on("reconnect", onReconnect);
    return () => {
      socket.off("docComment.changed", onChanged);
      socket.io.off("reconnect", onReconnect);
    };
  }, [socket, documentId, refreshList]);

  // Clicking into commented text makes its comment the active one.
  const [seenCursor, setSeenCursor] = useState(atCursor);
  if (seenCursor !== atCursor) {
    setSeenCursor(atCursor);
    const inner = atCursor.at(-1);
    if (inner) setActiveId(inner);
  }

  // A notification links to /documents/<id>?comment=<threadId>: that comment starts active.
  const search = useSyncExternalStore(subscribeToNothing, () => window.location.search, () => "");
  const currentId = activeId ?? new URLSearchParams(search).get("comment");
  // A comment resolved while active (and so no longer listed) is highlighted no more.
  const activeListed = threads.some(({ id }) => id === currentId);

  const startComment = useCallback(() => {
    if (!editor || !canComment) return;
    const range = rememberSelection(editor);
    if (!range) {
      setNotice("Select some text in the document first, then add your comment.");
      return;
    }
    setNotice(null);
    resetCreate();
    setDraft(range);
    // The bubble has done its job; it would otherwise hover over the text while the comment is written.
    editor.commands.setMeta(BUBBLE, "hide");
  }, [editor, canComment, resetCreate]);

  useEffect(() => {
    if (!canComment) return;
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcut(event)) return;
      event.preventDefault();
      startComment();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [canComment, startComment]);

  /**
   * Back to the text with the cursor after the commented words: left selected, they would bring
   * the Comment bubble straight back.
   */
  function returnToText() {
    if (!editor || editor.isDestroyed) return;
    editor.commands.focus(editor.state.selection.to);
  }

  function cancelDraft() {
    setDraft(null);
    returnToText();
  }

  function submitDraft(body: string) {
    if (!draft) return;
    create.mutate(
      { documentId, body, quote: draft.quote },
      {
        onSuccess: ({ id }) => {
          const attached = editor ? anchorComment(editor, draft, id) : false;
          setNotice(attached ? null : "Your comment was saved, but the text it was on has just been removed.");
          setDraft(null);
          setActiveId(id);
          returnToText();
          void refreshList();
        },
      },
    );
  }

  function show(threadId: string) {
    setActiveId(threadId);
    const anchor = anchors.get(threadId);
    if (!editor || !anchor) return;
    editor.commands.setTextSelection({ from: anchor.from, to: anchor.to });
    const { node } = editor.view.domAtPos(anchor.from);
    const element = node instanceof Element ? node : node.parentElement;
    element?.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <HighlightStyle openIds={openIds} activeId={activeListed ? currentId : null} />
      {editor && canComment && (
        <BubbleMenu editor={editor} pluginKey={BUBBLE} options={{ placement: "top" }}>
          <Button onClick={startComment} className="shadow-md" aria-keyshortcuts="Control+Alt+M Meta+Alt+M">
            <MessageSquarePlus aria-hidden className="size-5" />
            Comment
          </Button>
        </BubbleMenu>
      )}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="text-xl font-semibold">
          Comments
        </h2>
        {canComment && (
          <Button variant="secondary" onClick={startComment} disabled={!hasSelection} aria-keyshortcuts="Control+Alt+M Meta+Alt+M">
            <MessageSquarePlus aria-hidden className="size-5" />
            Comment on selection
          </Button>
        )}
      </div>
      {canComment ? (
        !draft && (
          <p className="text-sm text-muted">
            Select text in the document, then choose Comment
            <span className="touch:hidden"> or press Ctrl+Alt+M (⌘+Option+M on a Mac)</span>.
          </p>
        )
      ) : (
        <p className="text-sm text-muted">You can read the comments on this document, but not add or answer them.</p>
      )}
      {notice && <Alert tone="info">{notice}</Alert>}
      {draft && (
        <NewCommentForm
          quote={draft.quote}
          pending={create.isPending}
          error={create.error ? errorMessage(create.error) : null}
          onSubmit={submitDraft}
          onCancel={cancelDraft}
        />
      )}
      <CheckboxField label="Show resolved comments" checked={showResolved} onChange={(event) => setShowResolved(event.target.checked)} />
      {list.error && <Alert>{errorMessage(list.error)}</Alert>}
      {list.isPending ? (
        <p className="text-muted">Loading comments…</p>
      ) : ordered.length === 0 ? (
        <p className="text-muted">{showResolved ? "No comments yet." : "No open comments."}</p>
      ) : (
        <ol className="space-y-3">
          {ordered.map((thread) => (
            <li key={thread.id}>
              <CommentThread
                thread={thread}
                anchored={hasText ? anchors.has(thread.id) : null}
                active={thread.id === currentId}
                canComment={canComment}
                onShow={() => show(thread.id)}
              />
            </li>
          ))}
        </ol>
      )}
      {list.hasNextPage && (
        <Button variant="secondary" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          Show more comments
        </Button>
      )}
    </section>
  );
}
