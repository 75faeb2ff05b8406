"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Upload } from "lucide-react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import { UploadDropZone } from "@/components/uploads/upload-drop-zone";
import { UploadRow } from "@/components/uploads/upload-row";
import { useUploads } from "@/components/uploads/use-uploads";
import { useTRPC } from "@/lib/trpc/client";
import { errorMessage, fieldErrors } from "@/lib/trpc/error-message";
import { ACCEPTED_EXTENSIONS } from "@/server/files/file-types";

/** Uploads a file as the next version; the earlier versions stay listed and downloadable. */
export function NewVersionDialog({ resourceId }: { resourceId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const { uploads, add, retry, cancel, remove, clear, busy } = useUploads();
  const upload = uploads[0];
  const addVersion = useMutation(
    trpc.resource.addVersion.mutationOptions({
      onSuccess: async () => {
        clear();
        setNote("");
        setOpen(false);
        await queryClient.invalidateQueries(trpc.resource.pathFilter());
      },
    }),
  );
  const fields = fieldErrors(addVersion.error);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="Upload a new version"
      trigger={
        <Button variant="secondary">
          <Upload aria-hidden="true" className="size-5" /> Upload new version
        </Button>
      }
    >
      <div className="flex flex-col gap-4">
        {!upload && <UploadDropZone label="New version" multiple={false} accept={ACCEPTED_EXTENSIONS} onFiles={add} />}
        {upload && (
          <ul aria-label="Uploads" className="flex flex-col gap-2">
            <UploadRow upload={upload} onCancel={() => cancel(upload.key)} onRetry={() => retry(upload)} onRemove={() => remove(upload.key)} />
          </ul>
        )}
        <TextField
          label="What changed? (optional)"
          value={note}
          onChange={(event) => setNote(event.target.value)}
          maxLength={500}
          error={fields?.note?.[0]}
        />
        {addVersion.error && !fields?.note && <Alert>{errorMessage(addVersion.error)}</Alert>}
        <Button
          onClick={() => upload?.fileId && addVersion.mutate({ id: resourceId, fileId: upload.fileId, note })}
          disabled={busy || !upload?.fileId || addVersion.isPending}
        >
          {busy ? "Waiting for the upload…" : addVersion.isPending ? "Saving…" : "Add version"}
        </Button>
      </div>
    </Dialog>
  );
}
