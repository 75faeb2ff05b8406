import type { Metadata } from "next";
import { titleOrNotFound } from "@/app/_lib/page-title";
import { redirect } from "next/navigation";
import { cache } from "react";
import { MeetingView } from "@/components/meetings/meeting-view";
import { AppShell } from "@/components/shell/app-shell";
import { getSessionUserId } from "@/server/api/context";
import { getServerCaller, orNotFound } from "@/server/api/server-caller";

type Props = { params: Promise<{ id: string }> };

/** Meetings the viewer cannot see are simply not found. */
const loadMeeting = cache(async (id: string) => {
  const caller = await getServerCaller();
  return orNotFound(async () => {
    const [meeting, me] = await Promise.all([caller.meeting.byId({ id }), caller.user.me()]);
    return { meeting, me };
  });
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  if (!(await getSessionUserId())) return { title: "Meeting" };
  return titleOrNotFound(async () => {
    const { meeting } = await loadMeeting(id);
    return `${meeting.title} · ${meeting.group.name}`;
  });
}

export default async function MeetingPage({ params }: Props) {
  const { id } = await params;
  if (!(await getSessionUserId())) redirect(`/signin?next=${encodeURIComponent(`/meetings/${id}`)}`);
  const { meeting, me } = await loadMeeting(id);
  return (
    <AppShell me={me}>
      <MeetingView initial={meeting} />
    </AppShell>
  );
}
