"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Bell, BellOff } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { cn } from "@/components/ui/cn";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type ThreadDetail = RouterOutputs["thread"]["byId"];

const toggle = "inline-flex min-h-11 items-center gap-2 px-3 font-semibold hover:bg-ember-50 aria-pressed:bg-ember-100 aria-pressed:text-ember-800";

/** Follow or mute this thread: muting stops all email about it; the bell still shows what happens. */
export function FollowButtons({ thread }: { thread: ThreadDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const follow = useMutation(
    trpc.thread.follow.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.thread.byId.queryKey({ id: thread.id }) }),
    }),
  );
  const following = follow.isPending ? follow.variables.following : thread.viewer.following;
  return (
    <div className="flex flex-col items-end gap-2">
      <div role="group" aria-label="Email about this thread" className="inline-flex overflow-hidden rounded-lg border border-line bg-card">
        <button
          type="button"
          aria-pressed={following === true}
          title="Keep me posted about this thread"
          className={toggle}
          onClick={() => follow.mutate({ id: thread.id, following: true })}
        >
          <Bell aria-hidden="true" className="size-4" /> Follow
        </button>
        <button
          type="button"
          aria-pressed={following === false}
          title="No email about this thread; it still shows under the bell"
          className={cn(toggle, "border-l border-line")}
          onClick={() => follow.mutate({ id: thread.id, following: false })}
        >
          <BellOff aria-hidden="true" className="size-4" /> Mute
        </button>
      </div>
      {follow.error && <Alert>{errorMessage(follow.error)}</Alert>}
    </div>
  );
}
