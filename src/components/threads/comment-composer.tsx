"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CloudOff } from "lucide-react";
import { useEffect, useEffectEvent, useId, useRef, useState } from "react";
import { upsertComment, type CommentDto, type CommentPages } from "@/components/threads/comment-cache";
import { commentsQueryKey } from "@/components/threads/comments-query";
import { draftKey, readDraft, writeDraft } from "@/components/threads/drafts";
import { MarkdownEditor } from "@/components/threads/markdown-editor";
import { Button } from "@/components/ui/button";
import { useRealtime } from "@/lib/realtime/socket-provider";
import { useTypingSignal } from "@/lib/realtime/use-thread-room";
import { errorMessage, fieldErrors } from "@/lib/trpc/error-message";
import { isNetworkError } from "@/lib/trpc/network-error";
import { useTRPC } from "@/lib/trpc/client";

/** crypto.randomUUID exists only on https and localhost; getRandomValues works on plain http too. */
function randomKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** While a comment waits for the connection, try again this often (the socket may not notice a drop). */
const RETRY_MS = 5_000;

/**
 * Writes a comment or a reply. What is typed is saved as a draft on every keystroke; a comment
 * sent while offline stays here, marked "not sent yet", and goes as soon as Hearth is reachable
 * again. Refusals from the server are shown and the text is kept. Render it only in the browser
 * (it reads its draft while initialising).
 */
export function CommentComposer({
  threadId,
  parentId,
  label,
  submitLabel,
  onSent,
  onCancel,
  autoFocus,
}: {
  threadId: string;
  parentId?: string;
  label: string;
  submitLabel: string;
  onSent?: (comment: CommentDto) => void;
  onCancel?: () => void;
  autoFocus?: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { status } = useRealtime();
  const typing = useTypingSignal(threadId);
  const key = draftKey(threadId, parentId);
  const noticeId = useId();
  const [body, setBody] = useState(() => readDraft(key));
  const [queued, setQueued] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(trpc.comment.create.mutationOptions());

  function change(text: string) {
    setBody(text);
    writeDraft(key, text);
    setError(null);
    if (!text.trim()) setQueued(false);
  }

  /** One key per text: retries of the same text reuse it, so a lost answer never posts twice. */
  const sending = useRef<{ text: string; clientKey: string } | null>(null);

  function send(text: string) {
    if (sending.current?.text !== text) sending.current = { text, clientKey: randomKey() };
    create.mutate(
      { threadId, parentId, body: text, clientKey: sending.current.clientKey },
      {
        onSuccess: (comment) => {
          sending.current = null;
          queryClient.setQueryData<CommentPages>(commentsQueryKey(threadId), (data) => upsertComment(data, comment));
          // A refetch started before the comment existed (e.g. on reconnect) would overwrite it: fetch again after.
          void queryClient.invalidateQueries({ queryKey: commentsQueryKey(threadId) });
          // Keep anything typed while the comment was on its way.
          if (readDraft(key) === text) writeDraft(key, "");
          setBody((current) => (current === text ? "" : current));
          setQueued(false);
          onSent?.(comment);
        },
        onError: (failure) => {
          if (isNetworkError(failure)) {
            setQueued(true);
            return;
          }
          setQueued(false);
          setError(fieldErrors(failure)?.body?.[0] ?? errorMessage(failure));
        },
      },
    );
  }

  function submit() {
    typing.stop();
    if (!body.trim()) {
      setError("Write something first.");
      return;
    }
    if (status !== "live" || !navigator.onLine) {
      setQueued(true);
      return;
    }
    send(body);
  }

  const retry = useEffectEvent(() => {
    if (!create.isPending && body.trim()) send(body);
  });

  useEffect(() => {
    if (!queued || status !== "live") return;
    retry();
    const timer = setInterval(retry, RETRY_MS);
    return () => clearInterval(timer);
  }, [queued, status]);

  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <MarkdownEditor
        label={label}
        value={body}
        onChange={change}
        threadId={threadId}
        onSubmitShortcut={submit}
        onTyping={typing.onInput}
        error={error}
        describedBy={queued ? noticeId : undefined}
        autoFocus={autoFocus}
      />
      {queued && (
        <p id={noticeId} role="status" className="flex items-center gap-2 rounded-lg border border-line bg-ember-50 px-3 py-2 font-medium">
          <CloudOff aria-hidden="true" className="size-4 shrink-0" />
          Not sent yet — will send when you&apos;re back online.
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Sending…" : submitLabel}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
