"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { MeetingSelect } from "@/components/meetings/meeting-select";
import { AttachmentPicker } from "@/components/threads/attachment-picker";
import { newThreadDraftKey, useKeptDraft } from "@/components/threads/drafts";
import { MarkdownEditor } from "@/components/threads/markdown-editor";
import { parseTags } from "@/components/threads/tags";
import { useIsClient } from "@/components/threads/use-is-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import { TitleField } from "@/components/ui/title-field";
import { useUploads } from "@/components/uploads/use-uploads";
import { errorMessage, fieldErrors } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";
import { ACCEPTED_EXTENSIONS } from "@/server/files/file-types";

/**
 * Starts a thread in a group and opens it. What is typed lives here rather than in the dialog,
 * and in the browser's storage, so closing the dialog by accident, leaving the page, or a refusal
 * from the server loses nothing; closed with a draft, it says the draft is kept (as Discourse
 * keeps a closed composer's draft) rather than asking. `meetingId` preselects the meeting the
 * thread is about.
 */
export function NewThreadDialog({ groupId, meetingId: initialMeetingId = "", label = "New thread" }: { groupId: string; meetingId?: string; label?: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useKeptDraft(newThreadDraftKey(groupId, "title"));
  const [body, setBody] = useKeptDraft(newThreadDraftKey(groupId, "body"));
  const [tags, setTags] = useKeptDraft(newThreadDraftKey(groupId, "tags"));
  const isClient = useIsClient();
  const hasDraft = isClient && !open && (title.trim() !== "" || body.trim() !== "");
  const [meetingId, setMeetingId] = useState(initialMeetingId);
  const { busy, clear, ...picker } = useUploads();
  const fileIds = picker.uploads.flatMap((upload) => (upload.fileId ? [upload.fileId] : []));
  const create = useMutation(
    trpc.thread.create.mutationOptions({
      onSuccess: ({ id }) => {
        void queryClient.invalidateQueries(trpc.thread.list.pathFilter());
        setTitle("");
        setBody("");
        setTags("");
        setMeetingId(initialMeetingId);
        clear();
        setOpen(false);
        router.push(`/threads/${id}`);
      },
    }),
  );
  const fields = fieldErrors(create.error);
  const submit = () => {
    if (!busy) create.mutate({ groupId, title, body, tags: parseTags(tags), attachmentIds: fileIds, meetingId: meetingId || undefined });
  };

  return (
    <div className="flex flex-wrap items-center justify-end gap-3">
      {/* Always present so the message is announced; out of the layout while empty, so it adds no gap. */}
      <p role="status" className={hasDraft ? "text-sm text-muted" : "sr-only"}>
        {hasDraft && "Your draft is kept; it'll be here when you come back."}
      </p>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title="Start a thread"
        trigger={
          <Button>
            <Plus aria-hidden="true" className="size-5" /> {label}
          </Button>
        }
      >
        <form
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          {create.error && !(fields?.title || fields?.body || fields?.tags || fields?.meetingId) && <Alert>{errorMessage(create.error)}</Alert>}
          <TitleField value={title} onChange={(event) => setTitle(event.target.value)} error={fields?.title?.[0]} />
          <MarkdownEditor
            label="What would you like to discuss?"
            value={body}
            onChange={setBody}
            groupId={groupId}
            onSubmitShortcut={submit}
            error={fields?.body?.[0]}
            rows={6}
          />
          <TextField
            label="Tags (optional)"
            hint="Separate tags with spaces, e.g. #CompassionateCommunity #budget"
            value={tags}
            onChange={(event) => setTags(event.target.value)}
            error={fields?.tags?.[0]}
          />
          <MeetingSelect groupId={groupId} value={meetingId} onChange={setMeetingId} error={fields?.meetingId?.[0]} />
          <AttachmentPicker {...picker} accept={ACCEPTED_EXTENSIONS} />
          <Button type="submit" disabled={create.isPending || busy}>
            {busy ? "Waiting for uploads…" : create.isPending ? "Starting…" : "Start thread"}
          </Button>
        </form>
      </Dialog>
    </div>
  );
}
