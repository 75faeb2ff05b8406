"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { MeetingSelect } from "@/components/meetings/meeting-select";
import { MarkdownEditor } from "@/components/threads/markdown-editor";
import { formatTags, parseTags } from "@/components/threads/tags";
import { Alert } from "@/components/ui/alert";
import { FormButtons } from "@/components/ui/form-buttons";
import { TextField } from "@/components/ui/text-field";
import { TitleField } from "@/components/ui/title-field";
import { errorMessage, fieldErrors } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type ThreadDetail = RouterOutputs["thread"]["byId"];

/** The author's edit of title, text, tags and meeting; the previous text is kept as history. */
export function ThreadEditForm({ thread, onDone }: { thread: ThreadDetail; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(thread.title);
  const [body, setBody] = useState(thread.body);
  const [tags, setTags] = useState(formatTags(thread.tags));
  const initialMeetingId = thread.meeting?.id ?? "";
  const [meetingId, setMeetingId] = useState(initialMeetingId);
  const update = useMutation(
    trpc.thread.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.thread.byId.queryKey({ id: thread.id }) });
        onDone();
      },
    }),
  );
  const fields = fieldErrors(update.error);

  return (
    <form
      className="flex flex-col gap-4 rounded-xl border border-line bg-card p-4"
      onSubmit={(event) => {
        event.preventDefault();
        // Sent only when changed: an author who cannot see the group's meetings must not unlink one.
        const meeting = meetingId === initialMeetingId ? undefined : meetingId || null;
        update.mutate({ id: thread.id, title, body, tags: parseTags(tags), meetingId: meeting });
      }}
    >
      {update.error && !(fields?.title || fields?.body || fields?.tags || fields?.meetingId) && <Alert>{errorMessage(update.error)}</Alert>}
      <TitleField value={title} onChange={(event) => setTitle(event.target.value)} error={fields?.title?.[0]} />
      <MarkdownEditor label="Text" value={body} onChange={setBody} threadId={thread.id} error={fields?.body?.[0]} rows={8} />
      <TextField
        label="Tags"
        hint="Separate tags with spaces, e.g. #CompassionateCommunity #budget"
        value={tags}
        onChange={(event) => setTags(event.target.value)}
        error={fields?.tags?.[0]}
      />
      <MeetingSelect groupId={thread.group.id} value={meetingId} onChange={setMeetingId} error={fields?.meetingId?.[0]} current={thread.meeting} />
      <FormButtons label="Save changes" pending={update.isPending} onCancel={onDone} />
    </form>
  );
}
