import type { Metadata } from "next";
import { titleOrNotFound } from "@/app/_lib/page-title";
import { redirect } from "next/navigation";
import { cache } from "react";
import { MeetingRef } from "@/components/meetings/meeting-ref";
import { NewPollDialog } from "@/components/polls/new-poll-dialog";
import { PollCard } from "@/components/polls/poll-card";
import { AppShell } from "@/components/shell/app-shell";
import { Breadcrumb } from "@/components/shell/breadcrumb";
import { getSessionUserId } from "@/server/api/context";
import { getServerCaller, orNotFound } from "@/server/api/server-caller";

type Props = { params: Promise<{ id: string }> };

/** Polls the viewer cannot see are simply not found; the thread, when there is one, names the breadcrumb. */
const loadPoll = cache(async (id: string) => {
  const caller = await getServerCaller();
  return orNotFound(async () => {
    const [poll, me] = await Promise.all([caller.poll.byId({ id }), caller.user.me()]);
    const [thread, group] = await Promise.all([
      poll.threadId ? caller.thread.byId({ id: poll.threadId }).catch(() => null) : null,
      caller.group.byId({ id: poll.groupId }),
    ]);
    return { poll, me, thread, canStartDecisions: group.permissions.canCreatePoll };
  });
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  if (!(await getSessionUserId())) return { title: "Decision" };
  return titleOrNotFound(async () => {
    const { poll } = await loadPoll(id);
    return `${poll.title} · ${poll.group.name}`;
  });
}

export default async function PollPage({ params }: Props) {
  const { id } = await params;
  if (!(await getSessionUserId())) redirect(`/signin?next=${encodeURIComponent(`/polls/${id}`)}`);
  const { poll, me, thread, canStartDecisions } = await loadPoll(id);

  return (
    <AppShell me={me}>
      <div className="flex flex-col gap-6">
        <Breadcrumb
          trail={[
            { href: `/groups/${poll.group.handle}`, label: poll.group.name },
            ...(thread ? [{ href: `/threads/${thread.id}`, label: thread.title }] : []),
          ]}
        />
        <MeetingRef meeting={poll.meeting} />
        <PollCard pollId={poll.id} initial={poll} headingLevel={1} />
        {canStartDecisions && (
          <div className="flex flex-wrap items-center gap-4">
            <NewPollDialog groupId={poll.groupId} label="New decision in this group" />
          </div>
        )}
      </div>
    </AppShell>
  );
}
