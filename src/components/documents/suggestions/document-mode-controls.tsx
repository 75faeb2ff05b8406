"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { useRealtime } from "@/lib/realtime/socket-provider";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";

/** Reloads the page's data when the document's mode or suggestion setting changes, from here or elsewhere. */
export function useDocumentSettingsLive(documentId: string) {
  const router = useRouter();
  const { socket } = useRealtime();
  useEffect(() => {
    if (!socket) return;
    const onSettings = (change: { documentId: string }) => {
      if (change.documentId === documentId) router.refresh();
    };
    socket.on("document.settings", onSettings);
    return () => {
      socket.off("document.settings", onSettings);
    };
  }, [socket, documentId, router]);
}

/**
 * For the group's editors: whether the document is in editing or suggesting mode (in suggesting
 * mode everyone's typing becomes suggestions), and whether invited guests may suggest.
 */
export function DocumentModeControls({
  documentId,
  mode,
  guestsMaySuggest,
}: {
  documentId: string;
  mode: "editing" | "suggesting";
  guestsMaySuggest: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  // Shown as chosen at once; the page's data catches up after the refresh (or goes back on an error).
  const [shown, setShown] = useState({ mode, guestsMaySuggest });
  const [saved, setSaved] = useState({ mode, guestsMaySuggest });
  if (saved.mode !== mode || saved.guestsMaySuggest !== guestsMaySuggest) {
    setSaved({ mode, guestsMaySuggest });
    setShown({ mode, guestsMaySuggest });
  }
  const goBack = () => setShown(saved);
  const setMode = useMutation(trpc.document.setMode.mutationOptions({ onSuccess: () => router.refresh(), onError: goBack }));
  const setGuests = useMutation(
    trpc.document.setGuestsMaySuggest.mutationOptions({ onSuccess: () => router.refresh(), onError: goBack }),
  );
  const error = setMode.error ?? setGuests.error;

  return (
    <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
      <fieldset className="flex flex-wrap items-center gap-3">
        <legend className="float-left mr-1 font-semibold">Mode</legend>
        {(["editing", "suggesting"] as const).map((value) => (
          <label key={value} className="inline-flex items-center gap-2">
            <input
              type="radio"
              name={`mode-${documentId}`}
              value={value}
              checked={shown.mode === value}
              disabled={setMode.isPending}
              onChange={() => {
                setShown({ ...shown, mode: value });
                setMode.mutate({ id: documentId, mode: value });
              }}
              className="size-4 accent-ember-700"
            />
            {value === "editing" ? "Editing" : "Suggesting"}
          </label>
        ))}
      </fieldset>
      <CheckboxField
        label="Guests invited to read may suggest"
        checked={shown.guestsMaySuggest}
        disabled={setGuests.isPending}
        onChange={(event) => {
          setShown({ ...shown, guestsMaySuggest: event.target.checked });
          setGuests.mutate({ id: documentId, allowed: event.target.checked });
        }}
      />
      {error && <Alert>{errorMessage(error)}</Alert>}
    </div>
  );
}
