import type { Metadata } from "next";
import { titleOrNotFound } from "@/app/_lib/page-title";
import { redirect } from "next/navigation";
import { cache } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { getSessionUserId } from "@/server/api/context";
import { getServerCaller, orNotFound } from "@/server/api/server-caller";
import { ThreadView } from "@/app/threads/[id]/_components/thread-view";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** `?comment=<id>`: a link to one comment (from search), which the thread opens at. */
async function linkedCommentOf(searchParams: Props["searchParams"]): Promise<string | undefined> {
  const comment = (await searchParams).comment;
  return typeof comment === "string" && comment !== "" ? comment : undefined;
}

/**
 * Loads the thread and its first page of comments, starting at the linked comment or else at the
 * viewer's first unread one, before anything marks it read. Threads the viewer cannot see are
 * simply not found.
 */
const loadThread = cache(async (id: string, commentId: string | undefined) => {
  const caller = await getServerCaller();
  return orNotFound(async () => {
    const [thread, comments, me] = await Promise.all([
      caller.thread.byId({ id }),
      caller.comment.list({ threadId: id, anchor: "firstUnread", ...(commentId && { commentId }) }),
      caller.user.me(),
    ]);
    return { thread, comments, me };
  });
});

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { id } = await params;
  if (!(await getSessionUserId())) return { title: "Thread" };
  return titleOrNotFound(async () => {
    const { thread } = await loadThread(id, await linkedCommentOf(searchParams));
    return `${thread.title} · ${thread.group.name}`;
  });
}

export default async function ThreadPage({ params, searchParams }: Props) {
  const { id } = await params;
  const commentId = await linkedCommentOf(searchParams);
  if (!(await getSessionUserId())) {
    const back = `/threads/${id}${commentId ? `?comment=${encodeURIComponent(commentId)}` : ""}`;
    redirect(`/signin?next=${encodeURIComponent(back)}`);
  }
  const { thread, comments, me } = await loadThread(id, commentId);
  return (
    <AppShell me={me} searchScope={{ groupId: thread.group.id, groupName: thread.group.name }}>
      <ThreadView initialThread={thread} initialComments={comments} linkedCommentId={commentId ?? null} />
    </AppShell>
  );
}
