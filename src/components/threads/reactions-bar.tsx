"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { SmilePlus } from "lucide-react";
import { Tooltip } from "radix-ui";
import { applyReactions } from "@/components/threads/comments-query";
import { cn } from "@/components/ui/cn";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";
import { REACTION_EMOJI } from "@/server/threads/schemas";

type Emoji = (typeof REACTION_EMOJI)[number];
type Reaction = { emoji: string; count: number; people: { id: string; name: string }[] };

const EMOJI_NAMES: Record<Emoji, string> = {
  "👍": "Thumbs up",
  "❤️": "Heart",
  "😄": "Smile",
  "🎉": "Celebrate",
  "🙏": "Thank you",
  "🤔": "Thinking",
  "👀": "Looking",
};

const nameOf = (emoji: string) => EMOJI_NAMES[emoji as Emoji] ?? emoji;

function listNames(people: { name: string }[]): string {
  const names = people.map(({ name }) => name);
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/**
 * Reactions on a thread or a comment: one toggle per emoji used (pressed when it is yours),
 * who reacted shown on hover and keyboard focus, and a menu to add another.
 */
export function ReactionsBar({
  threadId,
  subject,
  subjectId,
  reactions,
  viewerId,
}: {
  threadId: string;
  subject: "thread" | "comment";
  subjectId: string;
  reactions: Reaction[];
  viewerId: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toggle = useMutation(
    trpc.reaction.toggle.mutationOptions({
      onSuccess: ({ reactions: next }) =>
        applyReactions(queryClient, trpc.thread.byId.queryKey({ id: threadId }), { threadId, subject, subjectId, reactions: next }),
    }),
  );
  const react = (emoji: Emoji) => toggle.mutate({ subject, id: subjectId, emoji });

  return (
    <Tooltip.Provider delayDuration={200}>
      <div className="flex flex-wrap items-center gap-2">
        {reactions.map((reaction) => {
          const mine = reaction.people.some(({ id }) => id === viewerId);
          return (
            <Tooltip.Root key={reaction.emoji}>
              <Tooltip.Trigger asChild>
                <button
                  type="button"
                  aria-pressed={mine}
                  aria-label={`${nameOf(reaction.emoji)}: ${reaction.count}`}
                  onClick={() => react(reaction.emoji as Emoji)}
                  disabled={toggle.isPending}
                  className={cn(
                    "inline-flex min-h-11 items-center gap-1 rounded-full border px-3 font-semibold",
                    mine ? "border-ember-700 bg-ember-100 text-ember-800" : "border-line bg-card hover:bg-ember-50",
                  )}
                >
                  <span aria-hidden="true">{reaction.emoji}</span>
                  <span aria-hidden="true">{reaction.count}</span>
                </button>
              </Tooltip.Trigger>
              <Tooltip.Portal>
                <Tooltip.Content sideOffset={4} className="z-50 max-w-xs rounded-lg bg-ink px-3 py-2 text-sm text-white shadow-lg">
                  {nameOf(reaction.emoji)}: {listNames(reaction.people)}
                  <Tooltip.Arrow className="fill-ink" />
                </Tooltip.Content>
              </Tooltip.Portal>
            </Tooltip.Root>
          );
        })}
        <DropdownMenu>
          <DropdownMenuTrigger
            aria-label={`Add a reaction to this ${subject}`}
            className="inline-flex size-11 items-center justify-center rounded-full border border-line bg-card text-muted hover:bg-ember-50"
          >
            <SmilePlus aria-hidden="true" className="size-5" />
          </DropdownMenuTrigger>
          <DropdownMenuContent align="start" className="min-w-48">
            {REACTION_EMOJI.map((emoji) => (
              <DropdownMenuItem key={emoji} onSelect={() => react(emoji)}>
                <span aria-hidden="true" className="text-xl">
                  {emoji}
                </span>
                {EMOJI_NAMES[emoji]}
              </DropdownMenuItem>
            ))}
          </DropdownMenuContent>
        </DropdownMenu>
        {toggle.error && (
          <p role="alert" className="text-sm font-medium text-danger">
            {errorMessage(toggle.error)}
          </p>
        )}
      </div>
    </Tooltip.Provider>
  );
}
