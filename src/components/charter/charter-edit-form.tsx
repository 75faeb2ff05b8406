"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { MarkdownTextForm } from "@/components/threads/markdown-text-form";
import { useTRPC } from "@/lib/trpc/client";
import { MAX_CHARTER_LENGTH } from "@/server/charter/schemas";

/** Admins write the charter; each saved change becomes its next version. */
export function CharterEditForm({ groupId, body, onDone }: { groupId: string; body: string; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [text, setText] = useState(body);
  const save = useMutation(
    trpc.charter.update.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries(trpc.charter.get.pathFilter());
        onDone();
      },
    }),
  );
  const submit = () => save.mutate({ groupId, body: text });

  return (
    <MarkdownTextForm
      label="Charter text"
      field="body"
      value={text}
      onChange={setText}
      onSubmit={submit}
      error={save.error}
      pending={save.isPending}
      rows={16}
      maxLength={MAX_CHARTER_LENGTH}
      saveLabel="Save charter"
      onCancel={onDone}
    />
  );
}
