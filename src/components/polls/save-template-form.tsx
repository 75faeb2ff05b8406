"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { templateDefaults, type PollForm } from "@/components/polls/poll-form-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { errorMessage, fieldErrors } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";

/** For the group's admins: keep this form's wording and settings as one of the group's own processes. */
export function SaveTemplateForm({ groupId, form }: { groupId: string; form: PollForm }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const save = useMutation(
    trpc.poll.saveTemplate.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.poll.templates.queryKey({ groupId }) });
        setOpen(false);
      },
    }),
  );
  const fields = fieldErrors(save.error);

  if (!open) {
    return (
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" onClick={() => setOpen(true)}>
          Save as template
        </Button>
        {save.isSuccess && <p role="status">Saved “{name}” as a template for this group.</p>}
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-3 rounded-lg border border-line p-3">
      <TextField label="Template name" value={name} onChange={(event) => setName(event.target.value)} maxLength={80} error={fields?.name?.[0]} />
      <TextField label="What it is for (optional)" value={description} onChange={(event) => setDescription(event.target.value)} maxLength={500} />
      {save.error && !fields?.name && <Alert>{errorMessage(save.error)}</Alert>}
      <div className="flex flex-wrap gap-2">
        <Button
          disabled={save.isPending}
          onClick={() => save.mutate({ groupId, name, description, kind: form.kind, defaults: templateDefaults(form) })}
        >
          {save.isPending ? "Saving…" : "Save template"}
        </Button>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
