"use client";

import { useQuery } from "@tanstack/react-query";
import { CalendarArrowDown, ExternalLink, FileText, Link2, MapPin, Video } from "lucide-react";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { AckBlock } from "@/components/acks/ack-block";
import { EditMeetingDialog } from "@/components/meetings/edit-meeting-dialog";
import { MeetingTime } from "@/components/meetings/meeting-time";
import { MinutesForm } from "@/components/meetings/minutes-form";
import { useMeetingsLive } from "@/components/meetings/use-meetings-live";
import { NewPollDialog } from "@/components/polls/new-poll-dialog";
import { Breadcrumb } from "@/components/shell/breadcrumb";
import { TaskList } from "@/components/tasks/task-list";
import { TaskMarkdown } from "@/components/tasks/task-markdown";
import { NewThreadDialog } from "@/components/threads/new-thread-dialog";
import { Button } from "@/components/ui/button";
import { formatFileSize } from "@/lib/file-size";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type Meeting = RouterOutputs["meeting"]["byId"];

function Section({ id, title, children, action }: { id: string; title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} id={id} className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={`${id}-heading`} className="text-2xl font-bold">
          {title}
        </h2>
        {action}
      </div>
      {children}
    </section>
  );
}

/** A meeting's page: when and where, agenda, attendees, minutes, resources and what links to it; kept live. */
export function MeetingView({ initial }: { initial: Meeting }) {
  const trpc = useTRPC();
  const { data } = useQuery({ ...trpc.meeting.byId.queryOptions({ id: initial.id }), initialData: initial });
  const meeting = data ?? initial;
  const [writingMinutes, setWritingMinutes] = useState(false);
  useMeetingsLive(meeting.group.id, meeting.id);
  const { viewer } = meeting;

  return (
    <article className="flex flex-col gap-8" aria-labelledby="meeting-title">
      <div className="flex flex-col gap-4">
        <Breadcrumb
          trail={[
            { href: `/groups/${meeting.group.handle}`, label: meeting.group.name },
            { href: `/groups/${meeting.group.handle}/meetings`, label: "Meetings" },
          ]}
        />
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
          <h1 id="meeting-title" className="min-w-0 break-words text-3xl font-bold">
            {meeting.title}
          </h1>
          <div className="flex shrink-0 flex-wrap gap-2">
            <a href={`/api/meetings/${meeting.id}/ics`} download className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-line bg-card px-4 py-2 font-semibold hover:bg-ember-50">
              <CalendarArrowDown aria-hidden="true" className="size-5" /> Add to calendar (.ics)
            </a>
            {viewer.canManage && <EditMeetingDialog key={meeting.revision} meeting={meeting} />}
          </div>
        </div>
        <dl className="grid gap-2 text-lg sm:grid-cols-[auto_1fr] sm:gap-x-6">
          <dt className="font-semibold">When</dt>
          <dd>
            <MeetingTime startsAt={meeting.startsAt} endsAt={meeting.endsAt} />
          </dd>
          {meeting.location && (
            <>
              <dt className="font-semibold">
                <MapPin aria-hidden="true" className="mr-1 inline size-5" />
                Where
              </dt>
              <dd className="break-words">{meeting.location}</dd>
            </>
          )}
          {meeting.onlineUrl && (
            <>
              <dt className="font-semibold">
                <Video aria-hidden="true" className="mr-1 inline size-5" />
                Online
              </dt>
              <dd className="break-all">
                <a href={meeting.onlineUrl} rel="noopener nofollow" target="_blank" className="text-ember-700 underline">
                  {meeting.onlineUrl}
                </a>
              </dd>
            </>
          )}
        </dl>
      </div>

      <Section id="agenda" title="Agenda">
        {meeting.agenda.trim() ? <TaskMarkdown html={meeting.agendaHtml} className="max-w-prose break-words" source={{ kind: "agenda", id: meeting.id }} scope={{ meetingId: meeting.id }} /> : <p className="text-muted">No agenda yet.</p>}
      </Section>

      <Section id="attendees" title="Attendees">
        {meeting.attendees.length === 0 ? (
          <p className="text-muted">Open to everyone in the group.</p>
        ) : (
          <ul className="flex flex-wrap gap-2">
            {meeting.attendees.map((person) => (
              <li key={person.id} className="rounded-full bg-ember-50 px-3 py-1 font-medium">
                {person.name}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section
        id="minutes"
        title="Minutes"
        action={
          viewer.canManage && !writingMinutes ? (
            <Button variant="secondary" onClick={() => setWritingMinutes(true)}>
              {meeting.hasMinutes ? "Edit minutes" : "Add minutes"}
            </Button>
          ) : undefined
        }
      >
        {writingMinutes ? (
          <MinutesForm meetingId={meeting.id} minutes={meeting.minutes} onDone={() => setWritingMinutes(false)} />
        ) : meeting.hasMinutes ? (
          <TaskMarkdown html={meeting.minutesHtml} className="max-w-prose break-words" source={{ kind: "minutes", id: meeting.id }} scope={{ meetingId: meeting.id }} />
        ) : (
          <p className="text-muted">No minutes yet.</p>
        )}
        {meeting.hasMinutes && !writingMinutes && <AckBlock kind="minutes" id={meeting.id} itemVersion={meeting.minutes} />}
      </Section>

      {/* Only the group's members and admins see meetings, and they may all add tasks. */}
      <TaskList scope={{ meetingId: meeting.id, groupId: meeting.group.id }} canAdd />

      <Section
        id="resources"
        title="Resources"
        action={
          viewer.canAddResource ? (
            <Link href={`/groups/${meeting.group.handle}/resources?meeting=${meeting.id}`} className="font-semibold text-ember-700 underline">
              Add a resource
            </Link>
          ) : undefined
        }
      >
        {meeting.resources.length === 0 ? (
          <p className="text-muted">Nothing attached yet.</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {meeting.resources.map((resource) => {
              const href = resource.file?.url ?? resource.url;
              return (
                <li key={resource.id} className="flex flex-wrap items-center gap-3 rounded-lg border border-line bg-card px-4 py-3">
                  {resource.kind === "file" ? <FileText aria-hidden="true" className="size-5" /> : <Link2 aria-hidden="true" className="size-5" />}
                  {href ? (
                    <a href={href} className="break-words font-semibold text-ember-700 underline" {...(resource.kind === "link" && { rel: "noopener nofollow", target: "_blank" })}>
                      {resource.title}
                      {resource.kind === "link" && <ExternalLink aria-hidden="true" className="ml-1 inline size-4" />}
                    </a>
                  ) : (
                    <span className="font-semibold">{resource.title}</span>
                  )}
                  {resource.file && (
                    <span className="text-sm text-muted">
                      {resource.file.name} · {formatFileSize(resource.file.size)}
                    </span>
                  )}
                  {resource.draft && <span className="rounded-full border border-line px-2 py-0.5 text-sm font-semibold">Draft</span>}
                </li>
              );
            })}
          </ul>
        )}
      </Section>

      <Section id="linked" title="Discussions and decisions">
        {meeting.threads.length === 0 && meeting.polls.length === 0 && <p className="text-muted">No threads or decisions link to this meeting yet.</p>}
        {(meeting.threads.length > 0 || meeting.polls.length > 0) && (
          <ul className="flex flex-col gap-2">
            {meeting.threads.map((thread) => (
              <li key={thread.id}>
                <span className="text-muted">Thread: </span>
                <Link href={`/threads/${thread.id}`} className="font-semibold text-ember-700 underline">
                  {thread.title}
                </Link>
              </li>
            ))}
            {meeting.polls.map((poll) => (
              <li key={poll.id}>
                <span className="text-muted">Decision{poll.closed ? " (closed)" : ""}: </span>
                <Link href={`/polls/${poll.id}`} className="font-semibold text-ember-700 underline">
                  {poll.title}
                </Link>
              </li>
            ))}
          </ul>
        )}
        <div className="flex flex-wrap gap-3">
          {viewer.canStartThread && <NewThreadDialog groupId={meeting.group.id} meetingId={meeting.id} label="Start a thread about this meeting" />}
          {viewer.canStartPoll && <NewPollDialog groupId={meeting.group.id} meetingId={meeting.id} label="New proposal for this meeting" />}
        </div>
      </Section>
    </article>
  );
}
