"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField } from "@/components/ui/select-field";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type ThreadDetail = RouterOutputs["thread"]["byId"];

/** Moves the thread to another group the admin also runs. */
export function MoveThreadDialog({
  thread,
  open,
  onOpenChange,
}: {
  thread: ThreadDetail;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: groups, error: loadError } = useQuery({ ...trpc.group.list.queryOptions(), enabled: open });
  const targets = (groups ?? []).filter((group) => group.role === "admin" && group.id !== thread.group.id);
  const [chosen, setChosen] = useState("");
  const target = targets.some(({ id }) => id === chosen) ? chosen : (targets[0]?.id ?? "");
  const move = useMutation(
    trpc.thread.move.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.thread.byId.queryKey({ id: thread.id }) });
        void queryClient.invalidateQueries(trpc.thread.list.pathFilter());
        onOpenChange(false);
      },
    }),
  );

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Move this thread"
      description={`It is in ${thread.group.name} now. Its comments move with it; people invited to just this thread lose access.`}
    >
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (target) move.mutate({ id: thread.id, groupId: target });
        }}
      >
        {loadError && <Alert>{errorMessage(loadError)}</Alert>}
        {move.error && <Alert>{errorMessage(move.error)}</Alert>}
        {groups && targets.length === 0 ? (
          <p>You are not an admin of any other group, so there is nowhere to move it.</p>
        ) : (
          <SelectField
            label="Move to"
            value={target}
            onChange={(event) => setChosen(event.target.value)}
            options={targets.map((group) => ({ value: group.id, label: group.name }))}
          />
        )}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={!target || move.isPending}>
            {move.isPending ? "Moving…" : "Move thread"}
          </Button>
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
