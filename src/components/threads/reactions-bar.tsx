"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { SmilePlus } from "lucide-react";
import { Tooltip } from "radix-ui";
import { type FocusEvent, type PointerEvent, useEffect, useLayoutEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { applyReactions } from "@/components/threads/comments-query";
import { cn } from "@/components/ui/cn";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";
import { REACTION_EMOJI } from "@/server/threads/schemas";

type Emoji = (typeof REACTION_EMOJI)[number];
type Reaction = { emoji: string; count: number; people: { id: string; name: string }[] };
type BarProps = {
  threadId: string;
  subject: "thread" | "comment";
  subjectId: string;
  reactions: Reaction[];
  viewerId: string;
};

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

const toggleClass = (mine: boolean) =>
  cn(
    "inline-flex min-h-11 items-center gap-1 rounded-full border px-3 font-semibold",
    mine ? "border-ember-700 bg-ember-100 text-ember-800" : "border-line bg-card hover:bg-ember-50",
  );
const MENU_TRIGGER_CLASS = "inline-flex size-11 items-center justify-center rounded-full border border-line bg-card text-muted hover:bg-ember-50";
/** Marks the bar's buttons in order, so that focus can move to the same button when the bar wakes. */
const BUTTON_ATTRIBUTE = "data-reaction-button";

/** What woke the bar: the button to give focus back to, the menu to open or the reaction to toggle at once. */
type Wake = { focus?: number; openMenu?: boolean; toggle?: Emoji };

/**
 * Reactions on a thread or a comment: one toggle per emoji used (pressed when it is yours),
 * who reacted shown on hover and keyboard focus, and a menu to add another.
 *
 * A thread page shows one bar per comment, and its tooltips, menu and mutation were the largest
 * part of the page's server render (#17, docs/benchmarks.md). So the bar is first drawn as plain
 * buttons with the same names, states and looks, and becomes the interactive one (Radix tooltips
 * and menu) before anything interactive can happen: when a mouse or a hovering pen comes over it,
 * or keyboard focus reaches it (focus then moves to the same button, whose tooltip shows as
 * before). A touch reaches the plain buttons first: pressing the menu button opens the menu, and
 * tapping a reaction toggles it, as they would have.
 */
export function ReactionsBar(props: BarProps) {
  const [wake, setWake] = useState<Wake | null>(null);
  const bar = useRef<HTMLDivElement>(null);
  if (wake) return <LiveReactionsBar {...props} wake={wake} />;

  // Synchronously, so that the events after this one reach the interactive buttons.
  const wakeUp = (next: Wake) => flushSync(() => setWake(next));
  const onFocus = (event: FocusEvent) => {
    // Focus from a press comes with the press's own events (below); this is keyboard focus.
    if (!(event.target instanceof HTMLElement) || !event.target.matches(":focus-visible")) return;
    const buttons = [...(bar.current?.querySelectorAll(`[${BUTTON_ATTRIBUTE}]`) ?? [])];
    wakeUp({ focus: buttons.indexOf(event.target) });
  };
  const onMenuPointerDown = (event: PointerEvent) => {
    if (event.button !== 0 || event.ctrlKey) return;
    // As Radix's menu button: a press that opens the menu does not move focus to the button.
    event.preventDefault();
    wakeUp({ openMenu: true });
  };
  return (
    <div
      ref={bar}
      className="flex flex-wrap items-center gap-2"
      onPointerEnter={(event) => event.buttons === 0 && wakeUp({})}
      onFocus={onFocus}
    >
      {props.reactions.map((reaction) => {
        const mine = reaction.people.some(({ id }) => id === props.viewerId);
        return (
          <button
            key={reaction.emoji}
            type="button"
            {...{ [BUTTON_ATTRIBUTE]: "" }}
            data-state="closed"
            aria-pressed={mine}
            aria-label={`${nameOf(reaction.emoji)}: ${reaction.count}`}
            className={toggleClass(mine)}
            onClick={() => wakeUp({ toggle: reaction.emoji as Emoji })}
          >
            <span aria-hidden="true">{reaction.emoji}</span>
            <span aria-hidden="true">{reaction.count}</span>
          </button>
        );
      })}
      <button
        type="button"
        {...{ [BUTTON_ATTRIBUTE]: "" }}
        aria-haspopup="menu"
        aria-expanded={false}
        data-state="closed"
        aria-label={`Add a reaction to this ${props.subject}`}
        className={MENU_TRIGGER_CLASS}
        onPointerDown={onMenuPointerDown}
      >
        <SmilePlus aria-hidden="true" className="size-5" />
      </button>
    </div>
  );
}

function LiveReactionsBar({ threadId, subject, subjectId, reactions, viewerId, wake }: BarProps & { wake: Wake }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const bar = useRef<HTMLDivElement>(null);
  const toggle = useMutation(
    trpc.reaction.toggle.mutationOptions({
      onSuccess: ({ reactions: next }) =>
        applyReactions(queryClient, trpc.thread.byId.queryKey({ id: threadId }), { threadId, subject, subjectId, reactions: next }),
    }),
  );
  const react = (emoji: Emoji) => toggle.mutate({ subject, id: subjectId, emoji });
  useLayoutEffect(() => {
    if (wake.focus !== undefined) bar.current?.querySelectorAll<HTMLElement>(`[${BUTTON_ATTRIBUTE}]`)[wake.focus]?.focus();
  }, [wake]);
  // Once, even where development mode runs effects twice: a second call would take it back.
  const tapped = useRef(false);
  useEffect(() => {
    if (!wake.toggle || tapped.current) return;
    tapped.current = true;
    toggle.mutate({ subject, id: subjectId, emoji: wake.toggle });
  }, [wake, toggle, subject, subjectId]);

  return (
    <Tooltip.Provider delayDuration={200}>
      <div ref={bar} className="flex flex-wrap items-center gap-2">
        {reactions.map((reaction) => {
          const mine = reaction.people.some(({ id }) => id === viewerId);
          return (
            <Tooltip.Root key={reaction.emoji}>
              <Tooltip.Trigger asChild>
                <button
                  type="button"
                  {...{ [BUTTON_ATTRIBUTE]: "" }}
                  aria-pressed={mine}
                  aria-label={`${nameOf(reaction.emoji)}: ${reaction.count}`}
                  onClick={() => react(reaction.emoji as Emoji)}
                  disabled={toggle.isPending}
                  className={toggleClass(mine)}
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
        <DropdownMenu defaultOpen={wake.openMenu ?? false}>
          <DropdownMenuTrigger {...{ [BUTTON_ATTRIBUTE]: "" }} aria-label={`Add a reaction to this ${subject}`} className={MENU_TRIGGER_CLASS}>
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
