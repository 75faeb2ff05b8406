import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { cache } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { getSessionUserId } from "@/server/api/context";
import { getServerCaller, orNotFound } from "@/server/api/server-caller";
import { ThreadView } from "@/app/threads/[id]/_components/thread-view";

type Props = { params: Promise<{ id: string }> };

/**
 * Loads the thread and its first page of comments, starting at the viewer's first unread one,
 * before anything marks it read. Threads the viewer cannot see are simply not found.
 */
const loadThread = cache(async (id: string) => {
  const caller = await getServerCaller();
  return orNotFound(async () => {
    const [thread, comments, me] = await Promise.all([
      caller.thread.byId({ id }),
      caller.comment.list({ threadId: id, anchor: "firstUnread" }),
      caller.user.me(),
    ]);
    return { thread, comments, me };
  });
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  if (!(await getSessionUserId())) return { title: "Thread" };
  const { thread } = await loadThread(id);
  return { title: `${thread.title} · ${thread.group.name}` };
}

export default async function ThreadPage({ params }: Props) {
  const { id } = await params;
  if (!(await getSessionUserId())) redirect(`/signin?next=${encodeURIComponent(`/threads/${id}`)}`);
  const { thread, comments, me } = await loadThread(id);
  return (
    <AppShell me={me}>
      <ThreadView initialThread={thread} initialComments={comments} />
    </AppShell>
  );
}
