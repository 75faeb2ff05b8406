"use client";

import { useMutation } from "@tanstack/react-query";
import Image from "next/image";
import { useRouter } from "next/navigation";
import { useState, type ChangeEvent, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/text-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { errorMessage, fieldErrors } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type Me = RouterOutputs["user"]["me"];

/** Uploads to /api/images and answers the new image's id, or throws with the server's message. */
async function uploadImage(file: File): Promise<string> {
  const body = new FormData();
  body.append("file", file);
  const response = await fetch("/api/images", { method: "POST", body });
  const json = (await response.json().catch(() => null)) as { id?: string; error?: { message?: string } } | null;
  if (!response.ok || !json?.id) throw new Error(json?.error?.message ?? "The picture could not be uploaded. Please try again.");
  return json.id;
}

export function ProfileForm({ me }: { me: Me }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState(me.name);
  const [bio, setBio] = useState(me.bio);
  /** undefined: unchanged; null: removed; a string: a newly uploaded image. */
  const [avatarId, setAvatarId] = useState<string | null | undefined>(undefined);
  const [preview, setPreview] = useState<string | null>(me.avatarUrl);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const update = useMutation(
    trpc.user.updateProfile.mutationOptions({
      onSuccess: () => {
        setAvatarId(undefined);
        router.refresh();
      },
    }),
  );
  const errors = fieldErrors(update.error);

  async function onPicture(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    setUploadError(null);
    setUploading(true);
    try {
      const id = await uploadImage(file);
      setAvatarId(id);
      setPreview(`/api/images/${id}`);
    } catch (error) {
      setUploadError(errorMessage(error));
    }
    setUploading(false);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update.mutate({ name, bio, ...(avatarId !== undefined ? { avatarId } : {}) });
  }

  return (
    <Card>
      <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate aria-labelledby="profile-heading">
        <h2 id="profile-heading" className="text-2xl font-bold">
          Profile
        </h2>
        {update.error && !errors && <Alert>{errorMessage(update.error)}</Alert>}
        {update.isSuccess && <Alert tone="info">Your profile is saved.</Alert>}
        <div className="flex flex-wrap items-center gap-4">
          {preview ? (
            <Image
              src={preview}
              alt="Your picture"
              width={80}
              height={80}
              unoptimized
              className="size-20 rounded-full border border-line object-cover"
            />
          ) : (
            <span aria-hidden="true" className="flex size-20 items-center justify-center rounded-full bg-ember-100 text-2xl font-bold text-ember-800">
              {name.trim().charAt(0).toUpperCase() || "?"}
            </span>
          )}
          <div className="flex flex-col gap-2">
            <label className="inline-flex min-h-11 cursor-pointer items-center justify-center rounded-lg border border-line bg-card px-4 py-2 font-semibold hover:bg-ember-50 focus-within:outline-3 focus-within:outline-ember-600">
              {uploading ? "Uploading…" : preview ? "Change picture" : "Add a picture"}
              <input type="file" accept="image/png,image/jpeg,image/gif,image/webp" className="sr-only" onChange={onPicture} disabled={uploading} />
            </label>
            {preview && (
              <Button
                variant="ghost"
                onClick={() => {
                  setAvatarId(null);
                  setPreview(null);
                }}
              >
                Remove picture
              </Button>
            )}
          </div>
        </div>
        {uploadError && <Alert>{uploadError}</Alert>}
        <p className="text-sm text-muted">PNG, JPEG, GIF or WebP, up to 1 MB. Saved when you save your profile.</p>
        <TextField label="Name" name="name" autoComplete="name" value={name} onChange={(event) => setName(event.target.value)} required error={errors?.name?.[0]} />
        <TextareaField
          label="About you"
          name="bio"
          rows={4}
          value={bio}
          onChange={(event) => setBio(event.target.value)}
          hint="A few words for the people in your groups: what you do, which organisation you are with. Up to 1,000 characters."
          error={errors?.bio?.[0]}
        />
        <Button type="submit" disabled={update.isPending || uploading} className="self-start">
          {update.isPending ? "Saving…" : "Save profile"}
        </Button>
      </form>
    </Card>
  );
}
