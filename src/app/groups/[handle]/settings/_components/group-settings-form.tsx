"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { TextField } from "@/components/ui/text-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { ImageUploadField } from "@/app/_components/image-upload-field";
import { useTRPC } from "@/lib/trpc/client";
import { errorMessage, fieldErrors } from "@/lib/trpc/error-message";

type Settings = {
  id: string;
  name: string;
  handle: string;
  description: string;
  logoUrl: string | null;
  membersCanInvite: boolean;
  membersCanPropose: boolean;
  membersCanAddResources: boolean;
};

export function GroupSettingsForm({ group }: { group: Settings }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.group.update.mutationOptions());
  const errors = fieldErrors(update.error);
  /** undefined: the logo was not touched; null: removed; a string: a new upload. */
  const [logoId, setLogoId] = useState<string | null | undefined>(undefined);
  const [saved, setSaved] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const form = new FormData(event.currentTarget);
    try {
      const result = await update.mutateAsync({
        id: group.id,
        name: String(form.get("name") ?? ""),
        handle: String(form.get("handle") ?? ""),
        description: String(form.get("description") ?? ""),
        logoId,
        membersCanInvite: form.get("membersCanInvite") === "on",
        membersCanPropose: form.get("membersCanPropose") === "on",
        membersCanAddResources: form.get("membersCanAddResources") === "on",
      });
      setSaved(true);
      setLogoId(undefined);
      await queryClient.invalidateQueries({ queryKey: trpc.group.list.queryKey() });
      if (result.handle !== group.handle) router.replace(`/groups/${result.handle}/settings`);
      router.refresh();
    } catch {
      // shown from update.error; the form keeps what was typed
    }
  }

  return (
    <section aria-labelledby="settings-heading" className="max-w-2xl">
      <h2 id="settings-heading" className="mb-4 text-2xl font-bold">
        Settings
      </h2>
      <form onSubmit={onSubmit} className="flex flex-col gap-5" noValidate onChange={() => setSaved(false)}>
        {update.error && !errors && <Alert>{errorMessage(update.error)}</Alert>}
        {saved && <Alert tone="info">Settings saved.</Alert>}
        <TextField label="Name" name="name" defaultValue={group.name} required maxLength={80} error={errors?.name?.[0]} />
        <TextField
          label="Handle"
          name="handle"
          defaultValue={group.handle}
          hint="The group's web address: lowercase letters, digits and hyphens. Old links stop working when it changes."
          autoCapitalize="none"
          spellCheck={false}
          required
          error={errors?.handle?.[0]}
        />
        <TextareaField
          label="Description"
          name="description"
          defaultValue={group.description}
          rows={8}
          hint="Markdown: **bold**, *italic*, lists and links."
          error={errors?.description?.[0]}
        />
        <ImageUploadField label="Logo" initialUrl={group.logoUrl} onChange={setLogoId} />
        <fieldset className="flex flex-col gap-4">
          <legend className="mb-2 font-semibold">What members may do</legend>
          <CheckboxField
            label="Members can invite people"
            name="membersCanInvite"
            defaultChecked={group.membersCanInvite}
            hint="As members or guests. Admins can always invite."
          />
          <CheckboxField
            label="Members can start polls and proposals"
            name="membersCanPropose"
            defaultChecked={group.membersCanPropose}
            hint="Otherwise only admins can."
          />
          <CheckboxField
            label="Members can add to the library"
            name="membersCanAddResources"
            defaultChecked={group.membersCanAddResources}
            hint="Files and links they add wait as drafts until an admin publishes them. Admins can always add."
          />
        </fieldset>
        <Button type="submit" disabled={update.isPending} className="self-start">
          {update.isPending ? "Saving…" : "Save settings"}
        </Button>
      </form>
    </section>
  );
}
