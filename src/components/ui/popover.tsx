"use client";

import { Popover as Primitive } from "radix-ui";
import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";

export const Popover = Primitive.Root;
export const PopoverTrigger = Primitive.Trigger;
export const PopoverClose = Primitive.Close;

/**
 * Rendered in place rather than in a portal, so its content stays inside the landmark of its
 * trigger (the header's banner) for screen readers and axe. Give it a name with `aria-label` or
 * `aria-labelledby`: it is announced as a dialog.
 */
export function PopoverContent({ className, sideOffset = 6, ...props }: ComponentProps<typeof Primitive.Content>) {
  return (
    <Primitive.Content
      sideOffset={sideOffset}
      align="end"
      collisionPadding={8}
      className={cn("z-50 rounded-xl border border-line bg-card p-2 text-ink shadow-lg", className)}
      {...props}
    />
  );
}
