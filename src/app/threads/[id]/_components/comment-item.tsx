"use client";

import { useEffect, useRef, useState } from "react";
import { CommentEditForm } from "@/app/threads/[id]/_components/comment-edit-form";
import { DeleteCommentDialog } from "@/app/threads/[id]/_components/delete-comment-dialog";
import { CookedMarkdown } from "@/components/cooked-markdown";
import { mayHaveChecklist, TaskMarkdown } from "@/components/tasks/task-markdown";
import type { CommentDto } from "@/components/threads/comment-cache";
import { ReactionsBar } from "@/components/threads/reactions-bar";
import { RevisionsDialog } from "@/components/threads/revisions-dialog";
import { TimeAgo } from "@/components/threads/time-ago";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { RouterOutputs } from "@/lib/trpc/client";

type ThreadDetail = RouterOutputs["thread"]["byId"];

/**
 * The comment's cooked text. Only a text with a checklist needs TaskMarkdown's task query, live
 * updates and mutation; most comments have none, and those hooks were a tenth of the thread page's
 * server render (50 comments; docs/benchmarks.md, bench:http).
 */
function CommentBody({ comment, threadId }: { comment: CommentDto; threadId: string }) {
  const className = "min-w-0 break-words";
  return mayHaveChecklist(comment.bodyHtml) ? (
    <TaskMarkdown html={comment.bodyHtml} className={className} source={{ kind: "comment", id: comment.id }} scope={{ threadId }} />
  ) : (
    <CookedMarkdown html={comment.bodyHtml} className={className} />
  );
}

/**
 * One comment. A deleted one keeps its place, so the replies under it still make sense. It takes
 * focus when it was just sent (`autoFocus`) or saved, so keyboard and screen reader users are not
 * left at the top of the page when the form they were in goes away. The comment a link opened
 * the thread at (`linked`) is outlined, scrolled to the top and focused, like a `#comment-` target.
 */
/**
 * Whether focus is still where sending left it (the form, or nowhere). A comment can show, live,
 * before its sender's request returns; someone already at work on it by then (a reaction menu
 * opened) keeps their place.
 */
function focusStayedInForm(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || active.closest("form") !== null;
}

export function CommentItem({
  comment,
  thread,
  onReply,
  autoFocus = false,
  linked = false,
}: {
  comment: CommentDto;
  thread: ThreadDetail;
  onReply?: () => void;
  autoFocus?: boolean;
  linked?: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const article = useRef<HTMLElement>(null);
  useEffect(() => {
    if (autoFocus && focusStayedInForm()) article.current?.focus();
  }, [autoFocus]);
  useEffect(() => {
    if (!linked) return;
    article.current?.scrollIntoView({ block: "start" });
    article.current?.focus({ preventScroll: true });
  }, [linked]);
  const stopEditing = () => {
    article.current?.focus();
    setEditing(false);
  };
  const viewerId = thread.viewer.id;
  const isMine = comment.author.id === viewerId;
  const headingId = `comment-${comment.id}-by`;

  return (
    <article
      ref={article}
      tabIndex={-1}
      id={`comment-${comment.id}`}
      aria-labelledby={headingId}
      className={cn(
        "scroll-mt-4 rounded-xl border bg-card p-4 shadow-sm target:border-ember-600 target:ring-2 target:ring-ember-600",
        linked ? "border-ember-600 ring-2 ring-ember-600" : "border-line",
      )}
    >
      <header className="mb-2 flex flex-wrap items-center gap-x-2">
        <h3 id={headingId} className="flex items-center gap-2 font-semibold">
          {comment.deleted ? (
            <span className="sr-only">Deleted comment</span>
          ) : (
            <>
              <Avatar userId={comment.author.id} name={comment.author.name} imageUrl={comment.author.avatarUrl} size="sm" />
              {comment.author.name}
            </>
          )}
        </h3>
        <a href={`#comment-${comment.id}`} className="text-sm text-muted hover:underline">
          <TimeAgo date={comment.createdAt} />
          <span className="sr-only"> (link to this comment)</span>
        </a>
        {comment.editedAt && !comment.deleted && <RevisionsDialog subject="comment" id={comment.id} editedAt={comment.editedAt} />}
      </header>

      {comment.deleted ? (
        <p className="italic text-muted">Comment deleted</p>
      ) : editing ? (
        <CommentEditForm comment={comment} onDone={stopEditing} />
      ) : (
        <CommentBody comment={comment} threadId={thread.id} />
      )}

      {!comment.deleted && !editing && (
        <footer className="mt-3 flex flex-wrap items-center gap-2">
          <ReactionsBar threadId={thread.id} subject="comment" subjectId={comment.id} reactions={comment.reactions} viewerId={viewerId} />
          <div className="flex flex-wrap gap-1">
            {onReply && (
              <Button variant="ghost" onClick={onReply}>
                Reply<span className="sr-only"> to {comment.author.name}</span>
              </Button>
            )}
            {isMine && (
              <Button variant="ghost" onClick={() => setEditing(true)}>
                Edit<span className="sr-only"> your comment</span>
              </Button>
            )}
            {(isMine || thread.viewer.canModerate) && <DeleteCommentDialog comment={comment} isMine={isMine} />}
          </div>
        </footer>
      )}
    </article>
  );
}
