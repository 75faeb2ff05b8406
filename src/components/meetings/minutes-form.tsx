"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { MarkdownTextForm } from "@/components/threads/markdown-text-form";
import { useTRPC } from "@/lib/trpc/client";
import { MAX_MEETING_MARKDOWN } from "@/server/meetings/schemas";

/** Admins write or correct the minutes; the first time, attendees are told. */
export function MinutesForm({ meetingId, minutes, onDone }: { meetingId: string; minutes: string; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [text, setText] = useState(minutes);
  const save = useMutation(
    trpc.meeting.update.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.meeting.byId.queryKey({ id: meetingId }) });
        void queryClient.invalidateQueries(trpc.meeting.list.pathFilter());
        onDone();
      },
    }),
  );
  const submit = () => save.mutate({ id: meetingId, minutes: text });

  return (
    <MarkdownTextForm
      label="Minutes"
      field="minutes"
      value={text}
      onChange={setText}
      onSubmit={submit}
      error={save.error}
      pending={save.isPending}
      rows={10}
      maxLength={MAX_MEETING_MARKDOWN}
      saveLabel="Save minutes"
      onCancel={onDone}
    />
  );
}
