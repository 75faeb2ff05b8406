"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useTRPC } from "@/lib/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";

/** Asks before deleting an initiative; its discussions stay. */
export function DeleteInitiativeDialog({ initiative }: { initiative: { id: string; name: string } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const remove = useMutation(
    trpc.initiative.delete.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        await queryClient.invalidateQueries(trpc.initiative.pathFilter());
      },
    }),
  );
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={`Delete “${initiative.name}”?`}
      description="It leaves the directory; the discussions linked to it stay. This cannot be undone."
      trigger={
        <Button variant="ghost" aria-label={`Delete ${initiative.name}`}>
          <Trash2 aria-hidden="true" className="size-5" /> Delete
        </Button>
      }
    >
      <div className="flex flex-col gap-4">
        {remove.error && <Alert>{errorMessage(remove.error)}</Alert>}
        <Button onClick={() => remove.mutate({ id: initiative.id })} disabled={remove.isPending}>
          {remove.isPending ? "Deleting…" : "Delete initiative"}
        </Button>
      </div>
    </Dialog>
  );
}
