"use client";

import { Lock, Pin } from "lucide-react";
import { useState } from "react";
import { FollowButtons } from "@/app/threads/[id]/_components/follow-buttons";
import { InviteToThreadDialog } from "@/app/threads/[id]/_components/invite-to-thread-dialog";
import { MissingAttachments } from "@/app/threads/[id]/_components/missing-attachments";
import { ThreadActions } from "@/app/threads/[id]/_components/thread-actions";
import { ThreadEditForm } from "@/app/threads/[id]/_components/thread-edit-form";
import { TaskMarkdown } from "@/components/tasks/task-markdown";
import { MeetingRef } from "@/components/meetings/meeting-ref";
import { AttachmentList } from "@/components/threads/attachment-list";
import { Breadcrumb } from "@/components/shell/breadcrumb";
import { ReactionsBar } from "@/components/threads/reactions-bar";
import { RevisionsDialog } from "@/components/threads/revisions-dialog";
import { TimeAgo } from "@/components/threads/time-ago";
import { Avatar } from "@/components/ui/avatar";
import type { RouterOutputs } from "@/lib/trpc/client";

type ThreadDetail = RouterOutputs["thread"]["byId"];

export function ThreadHeader({ thread }: { thread: ThreadDetail }) {
  const [editing, setEditing] = useState(false);

  return (
    <article className="flex flex-col gap-4" aria-labelledby="thread-title">
      <Breadcrumb trail={[{ href: `/groups/${thread.group.handle}`, label: thread.group.name }]} />

      {/* The title keeps at least half the row; the actions wrap within the other half. */}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <h1 id="thread-title" className="min-w-0 flex-1 break-words text-3xl font-bold">
          {thread.title}
        </h1>
        <div className="flex flex-wrap items-start gap-2 sm:max-w-[50%] sm:justify-end">
          <FollowButtons thread={thread} />
          {thread.viewer.canInviteGuests && <InviteToThreadDialog groupId={thread.group.id} threadId={thread.id} />}
          <ThreadActions thread={thread} onEdit={() => setEditing(true)} />
        </div>
      </div>

      <div className="flex flex-wrap items-center gap-2 text-sm">
        {thread.pinned && (
          <span className="inline-flex items-center gap-1 rounded-full bg-ember-100 px-3 py-0.5 font-semibold text-ember-800">
            <Pin aria-hidden="true" className="size-4" /> Pinned
          </span>
        )}
        {thread.closedAt && (
          <span className="inline-flex items-center gap-1 rounded-full border border-line px-3 py-0.5 font-semibold">
            <Lock aria-hidden="true" className="size-4" /> Closed
          </span>
        )}
        {thread.tags.length > 0 && (
          <ul aria-label="Tags" className="flex flex-wrap gap-2">
            {thread.tags.map((tag) => (
              <li key={tag} className="rounded-full bg-ember-50 px-3 py-0.5 font-medium text-ember-800">
                #{tag}
              </li>
            ))}
          </ul>
        )}
      </div>

      <p className="flex flex-wrap items-baseline gap-x-2 text-muted">
        <span className="inline-flex items-center gap-2 self-center">
          Started by
          <Avatar userId={thread.author.id} name={thread.author.name} imageUrl={thread.author.avatarUrl} size="sm" />
          <span className="font-semibold text-ink">{thread.author.name}</span>
        </span>
        <TimeAgo date={thread.createdAt} />
        {thread.editedAt && <RevisionsDialog subject="thread" id={thread.id} editedAt={thread.editedAt} />}
      </p>

      <MeetingRef meeting={thread.meeting} />

      {editing ? (
        <ThreadEditForm thread={thread} onDone={() => setEditing(false)} />
      ) : (
        <TaskMarkdown html={thread.bodyHtml} className="min-w-0 break-words text-lg" source={{ kind: "thread", id: thread.id }} scope={{ threadId: thread.id }} />
      )}

      <AttachmentList attachments={thread.attachments} />
      <MissingAttachments thread={thread} />

      <ReactionsBar threadId={thread.id} subject="thread" subjectId={thread.id} reactions={thread.reactions} viewerId={thread.viewer.id} />
    </article>
  );
}
