"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Pencil } from "lucide-react";
import { useState, type FormEvent } from "react";
import { MeetingSelect } from "@/components/resources/meeting-select";
import { formatTags, parseTags } from "@/components/threads/tags";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { TitleField } from "@/components/ui/title-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";
import { errorMessage, fieldErrors } from "@/lib/trpc/error-message";

type Resource = RouterOutputs["resource"]["byId"];

/** Title, description, tags, web address (links), folder and meeting of a resource. */
export function EditResourceDialog({ resource }: { resource: Resource }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(resource.title);
  const [description, setDescription] = useState(resource.description);
  const [url, setUrl] = useState(resource.url ?? "");
  const [tags, setTags] = useState(formatTags(resource.tags));
  const [folderId, setFolderId] = useState(resource.folder?.id ?? "");
  const [meetingId, setMeetingId] = useState(resource.meeting?.id ?? "");
  const folders = useQuery({ ...trpc.folder.list.queryOptions({ groupId: resource.groupId }), enabled: open });
  const update = useMutation(
    trpc.resource.update.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        await queryClient.invalidateQueries(trpc.resource.pathFilter());
      },
    }),
  );
  const fields = fieldErrors(update.error);

  // Opening starts from the resource as it is now (someone may have changed it live); after a
  // refused save it keeps what the user typed.
  function resetFrom(current: Resource) {
    setTitle(current.title);
    setDescription(current.description);
    setUrl(current.url ?? "");
    setTags(formatTags(current.tags));
    setFolderId(current.folder?.id ?? "");
    setMeetingId(current.meeting?.id ?? "");
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    update.mutate({
      id: resource.id,
      title,
      description,
      tags: parseTags(tags),
      folderId: folderId || null,
      meetingId: meetingId || null,
      ...(resource.kind === "link" && { url }),
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next && !update.error) resetFrom(resource);
      }}
      title="Edit details"
      trigger={
        <Button variant="secondary">
          <Pencil aria-hidden="true" className="size-5" /> Edit details
        </Button>
      }
    >
      <form className="flex flex-col gap-4" onSubmit={onSubmit} noValidate>
        {update.error && !fields && <Alert>{errorMessage(update.error)}</Alert>}
        <TitleField value={title} onChange={(event) => setTitle(event.target.value)} error={fields?.title?.[0]} />
        {resource.kind === "link" && (
          <TextField label="Web address" type="url" value={url} onChange={(event) => setUrl(event.target.value)} error={fields?.url?.[0]} />
        )}
        <TextareaField label="Description" value={description} onChange={(event) => setDescription(event.target.value)} rows={4} error={fields?.description?.[0]} />
        <TextField label="Tags" hint="Separate tags with spaces" value={tags} onChange={(event) => setTags(event.target.value)} error={fields?.tags?.[0]} />
        <SelectField
          label="Folder"
          value={folderId}
          onChange={(event) => setFolderId(event.target.value)}
          options={[{ value: "", label: "Top level" }, ...(folders.data ?? []).map((folder) => ({ value: folder.id, label: folder.name }))]}
        />
        {open && <MeetingSelect groupId={resource.groupId} value={meetingId} onChange={setMeetingId} />}
        <Button type="submit" disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save details"}
        </Button>
      </form>
    </Dialog>
  );
}
