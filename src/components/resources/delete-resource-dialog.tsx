"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useTRPC } from "@/lib/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";

/** Asks before deleting a resource with all its versions, then returns to the library. */
export function DeleteResourceDialog({ resource, libraryHref }: { resource: { id: string; title: string; versionCount: number }; libraryHref: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const remove = useMutation(
    trpc.resource.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.resource.pathFilter());
        router.push(libraryHref);
      },
    }),
  );
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={`Delete “${resource.title}”?`}
      description={
        resource.versionCount > 1
          ? `All ${resource.versionCount} versions are deleted with it. This cannot be undone.`
          : "This cannot be undone."
      }
      trigger={
        <Button variant="ghost">
          <Trash2 aria-hidden="true" className="size-5" /> Delete
        </Button>
      }
    >
      <div className="flex flex-col gap-4">
        {remove.error && <Alert>{errorMessage(remove.error)}</Alert>}
        <Button onClick={() => remove.mutate({ id: resource.id })} disabled={remove.isPending}>
          {remove.isPending ? "Deleting…" : "Delete resource"}
        </Button>
      </div>
    </Dialog>
  );
}
