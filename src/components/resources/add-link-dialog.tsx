"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link2 } from "lucide-react";
import { useState, type FormEvent } from "react";
import { SharedFields, type SharedValues } from "@/components/resources/shared-fields";
import { parseTags } from "@/components/threads/tags";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import { TitleField } from "@/components/ui/title-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { useTRPC } from "@/lib/trpc/client";
import { errorMessage, fieldErrors } from "@/lib/trpc/error-message";

/** Adds a web link to the library; the server refuses anything but http(s) and says why. */
export function AddLinkDialog({
  groupId,
  folderId,
  initialMeetingId,
  canPublish,
}: {
  groupId: string;
  folderId: string | null;
  initialMeetingId: string;
  canPublish: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState("");
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [shared, setShared] = useState<SharedValues>({ tags: "", meetingId: initialMeetingId, draft: false });
  const create = useMutation(
    trpc.resource.create.mutationOptions({
      onSuccess: async () => {
        setTitle("");
        setUrl("");
        setDescription("");
        setShared((current) => ({ ...current, tags: "" }));
        setOpen(false);
        await queryClient.invalidateQueries(trpc.resource.pathFilter());
        await queryClient.invalidateQueries(trpc.folder.pathFilter());
      },
    }),
  );
  const fields = fieldErrors(create.error);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    create.mutate({
      groupId,
      kind: "link",
      title,
      url,
      description,
      folderId,
      tags: parseTags(shared.tags),
      meetingId: shared.meetingId || null,
      draft: shared.draft,
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="Add a link"
      trigger={
        <Button variant="secondary">
          <Link2 aria-hidden="true" className="size-5" /> Add link
        </Button>
      }
    >
      <form className="flex flex-col gap-4" onSubmit={onSubmit} noValidate>
        {create.error && !(fields?.title || fields?.url || fields?.description || fields?.tags) && <Alert>{errorMessage(create.error)}</Alert>}
        <TitleField value={title} onChange={(event) => setTitle(event.target.value)} error={fields?.title?.[0]} />
        <TextField
          label="Web address"
          type="url"
          inputMode="url"
          placeholder="https://"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          error={fields?.url?.[0]}
        />
        <TextareaField
          label="Description (optional)"
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          rows={3}
          error={fields?.description?.[0]}
        />
        <SharedFields groupId={groupId} values={shared} onChange={setShared} canPublish={canPublish} tagsError={fields?.tags?.[0]} />
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Adding…" : "Add link"}
        </Button>
      </form>
    </Dialog>
  );
}
