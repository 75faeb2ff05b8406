"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId, useState, type KeyboardEvent } from "react";
import { applyMention, findMentionQuery, type TextEdit } from "@/components/threads/editor-text";
import { mentionToken } from "@/lib/mentions";
import { useTRPC } from "@/lib/trpc/client";

type Person = { id: string; name: string };

/**
 * The @mention suggestions for the text at the caret: people who can see the thread (or, before
 * it exists, who will see a new thread of `groupId`), searched by name. Arrow keys move, Enter or
 * Tab inserts, Escape closes until another @ is typed.
 */
export function useMentionAutocomplete({
  threadId,
  groupId,
  value,
  caret,
  onEdit,
}: {
  threadId: string | undefined;
  groupId: string | undefined;
  value: string;
  caret: number;
  onEdit: (edit: TextEdit) => void;
}) {
  const trpc = useTRPC();
  const listboxId = useId();
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [active, setActive] = useState<{ query: string; index: number }>({ query: "", index: 0 });

  const mention = (threadId || groupId) && caret >= 0 ? findMentionQuery(value, caret) : null;
  const wanted = mention !== null && mention.start !== dismissedAt;
  const search = mention?.query ?? "";
  const { data: people = [] } = useQuery({
    ...trpc.thread.mentionable.queryOptions(threadId ? { id: threadId, search } : { groupId: groupId ?? "", search }),
    enabled: wanted,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const open = wanted && people.length > 0;
  const queryKey = `${mention?.start}:${mention?.query}`;
  const activeIndex = active.query === queryKey ? Math.min(active.index, people.length - 1) : 0;

  function choose(person: Person) {
    if (!mention) return;
    onEdit(applyMention(value, mention.start, caret, mentionToken(person)));
  }

  /** Handles the keys the suggestions own; returns true when the key was used. */
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
    if (!open || !mention) return false;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive({ query: queryKey, index: (activeIndex + step + people.length) % people.length });
    } else if (event.key === "Enter" || event.key === "Tab") {
      const person = people[activeIndex];
      if (person) choose(person);
    } else if (event.key === "Escape") {
      setDismissedAt(mention.start);
    } else {
      return false;
    }
    event.preventDefault();
    event.stopPropagation();
    return true;
  }

  const optionId = (index: number) => `${listboxId}-option-${index}`;
  return {
    open,
    people,
    activeIndex,
    listboxId,
    optionId,
    choose,
    onKeyDown,
    /** For the textarea: points assistive technology at the list and its active option. */
    inputProps: open
      ? { "aria-autocomplete": "list" as const, "aria-controls": listboxId, "aria-activedescendant": optionId(activeIndex) }
      : { "aria-autocomplete": "list" as const },
  };
}
