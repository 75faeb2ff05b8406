"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FolderInput, Lock, LockOpen, MoreHorizontal, Pencil, Pin, PinOff, Trash2 } from "lucide-react";
import { useState } from "react";
import { MoveThreadDialog } from "@/app/threads/[id]/_components/move-thread-dialog";
import { DeleteThreadDialog } from "@/components/threads/delete-thread-dialog";
import { Alert } from "@/components/ui/alert";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type ThreadDetail = RouterOutputs["thread"]["byId"];

/** Edit for the author; pin, close, reopen, move and delete for the group's admins. */
export function ThreadActions({ thread, onEdit }: { thread: ThreadDetail; onEdit: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [moving, setMoving] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const refresh = {
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: trpc.thread.byId.queryKey({ id: thread.id }) });
      void queryClient.invalidateQueries(trpc.thread.list.pathFilter());
    },
  };
  const pin = useMutation(trpc.thread.pin.mutationOptions(refresh));
  const close = useMutation(trpc.thread.close.mutationOptions(refresh));
  const reopen = useMutation(trpc.thread.reopen.mutationOptions(refresh));
  const failure = pin.error ?? close.error ?? reopen.error;

  const isAuthor = thread.author.id === thread.viewer.id;
  if (!isAuthor && !thread.viewer.canModerate) return null;

  return (
    <div className="flex shrink-0 flex-col items-end gap-2">
      <DropdownMenu>
        <DropdownMenuTrigger className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-line bg-card px-3 font-semibold hover:bg-ember-50">
          <MoreHorizontal aria-hidden="true" className="size-5" />
          <span className="sr-only sm:not-sr-only">Thread options</span>
        </DropdownMenuTrigger>
        <DropdownMenuContent>
          {isAuthor && (
            <DropdownMenuItem onSelect={onEdit}>
              <Pencil aria-hidden="true" className="size-4" /> Edit thread
            </DropdownMenuItem>
          )}
          {thread.viewer.canModerate && (
            <>
              <DropdownMenuItem onSelect={() => pin.mutate({ id: thread.id, pinned: !thread.pinned })}>
                {thread.pinned ? <PinOff aria-hidden="true" className="size-4" /> : <Pin aria-hidden="true" className="size-4" />}
                {thread.pinned ? "Unpin thread" : "Pin thread"}
              </DropdownMenuItem>
              {thread.closedAt ? (
                <DropdownMenuItem onSelect={() => reopen.mutate({ id: thread.id })}>
                  <LockOpen aria-hidden="true" className="size-4" /> Reopen thread
                </DropdownMenuItem>
              ) : (
                <DropdownMenuItem onSelect={() => close.mutate({ id: thread.id })}>
                  <Lock aria-hidden="true" className="size-4" /> Close thread
                </DropdownMenuItem>
              )}
              <DropdownMenuItem onSelect={() => setMoving(true)}>
                <FolderInput aria-hidden="true" className="size-4" /> Move to another group…
              </DropdownMenuItem>
              <DropdownMenuItem onSelect={() => setDeleting(true)}>
                <Trash2 aria-hidden="true" className="size-4" /> Delete thread…
              </DropdownMenuItem>
            </>
          )}
        </DropdownMenuContent>
      </DropdownMenu>
      {failure && <Alert>{errorMessage(failure)}</Alert>}
      {thread.viewer.canModerate && <MoveThreadDialog thread={thread} open={moving} onOpenChange={setMoving} />}
      {thread.viewer.canModerate && <DeleteThreadDialog thread={thread} open={deleting} onOpenChange={setDeleting} />}
    </div>
  );
}
