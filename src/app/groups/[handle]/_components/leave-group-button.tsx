"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { LogOut } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { useTRPC } from "@/lib/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";

export function LeaveGroupButton({ groupId, groupName }: { groupId: string; groupName: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const leave = useMutation(trpc.member.leave.mutationOptions());

  async function confirm() {
    try {
      await leave.mutateAsync({ groupId });
    } catch {
      return; // shown from leave.error
    }
    await queryClient.invalidateQueries({ queryKey: trpc.group.list.queryKey() });
    router.push("/");
    router.refresh();
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) leave.reset();
      }}
      title={`Leave ${groupName}?`}
      description="You will also leave its subgroups. What you wrote stays. To come back, you will need a new invitation."
      trigger={
        <Button variant="secondary">
          <LogOut aria-hidden="true" className="size-5" />
          Leave group
        </Button>
      }
    >
      <div className="flex flex-col gap-4">
        {leave.error && <Alert>{errorMessage(leave.error)}</Alert>}
        <div className="flex flex-wrap justify-end gap-2">
          <DialogClose asChild>
            <Button variant="secondary">Stay</Button>
          </DialogClose>
          <Button onClick={confirm} disabled={leave.isPending}>
            {leave.isPending ? "Leaving…" : "Leave group"}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
