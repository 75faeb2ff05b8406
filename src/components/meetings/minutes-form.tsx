"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { MarkdownEditor } from "@/components/threads/markdown-editor";
import { Alert } from "@/components/ui/alert";
import { FormButtons } from "@/components/ui/form-buttons";
import { errorMessage, fieldErrors } from "@/lib/trpc/error-message";
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
    <form
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <MarkdownEditor
        label="Minutes"
        value={text}
        onChange={setText}
        onSubmitShortcut={submit}
        error={fieldErrors(save.error)?.minutes?.[0]}
        rows={10}
        maxLength={MAX_MEETING_MARKDOWN}
        autoFocus
      />
      {save.error && !fieldErrors(save.error)?.minutes && <Alert>{errorMessage(save.error)}</Alert>}
      <FormButtons label="Save minutes" pending={save.isPending} onCancel={onDone} />
    </form>
  );
}
