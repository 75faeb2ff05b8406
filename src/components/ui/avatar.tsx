"use client";

import { Avatar as Primitive } from "radix-ui";
import { cn } from "@/components/ui/cn";

/** Dark enough for white initials to pass AA contrast; a person keeps the same one everywhere. */
const COLOURS = [
  "bg-red-800",
  "bg-orange-800",
  "bg-amber-800",
  "bg-green-800",
  "bg-teal-800",
  "bg-sky-800",
  "bg-blue-800",
  "bg-indigo-800",
  "bg-violet-800",
  "bg-fuchsia-800",
  "bg-rose-800",
  "bg-stone-700",
] as const;

const SIZES = { sm: "size-8 text-xs", md: "size-10 text-sm", lg: "size-12 text-base" } as const;

/** Up to two letters: the first of the first and of the last word of the name. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return "?";
  const first = (word: string) => Array.from(word)[0]!.toLocaleUpperCase();
  return words.length === 1 ? first(words[0]!) : first(words[0]!) + first(words.at(-1)!);
}

/** A colour from the user id (not the name), so people who share a name still look different. */
export function colourFor(userId: string): (typeof COLOURS)[number] {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return COLOURS[hash % COLOURS.length]!;
}

/**
 * A person's uploaded picture, or their initials on a colour of their own. Decorative: the name
 * is always written beside it, so it is hidden from screen readers rather than read twice.
 */
export function Avatar({
  userId,
  name,
  imageUrl,
  size = "md",
  className,
}: {
  userId: string;
  name: string;
  imageUrl: string | null;
  size?: keyof typeof SIZES;
  className?: string;
}) {
  return (
    <Primitive.Root
      aria-hidden="true"
      data-testid="avatar"
      className={cn("inline-flex shrink-0 select-none items-center justify-center overflow-hidden rounded-full", SIZES[size], className)}
    >
      {imageUrl && <Primitive.Image src={imageUrl} alt="" className="size-full object-cover" />}
      <Primitive.Fallback className={cn("flex size-full items-center justify-center font-semibold text-white", colourFor(userId))}>
        {initialsOf(name)}
      </Primitive.Fallback>
    </Primitive.Root>
  );
}
