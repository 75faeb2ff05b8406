"use client";

import { Tooltip as Primitive } from "radix-ui";
import type { ReactElement, ReactNode } from "react";

/**
 * A short explanation shown on hover and on keyboard focus (so the trigger must be focusable),
 * and read out as the trigger's description. Rendered in place rather than in a portal, so it
 * stays inside the landmark of its trigger, like the popover.
 */
export function Tooltip({ content, children }: { content: ReactNode; children: ReactElement }) {
  return (
    <Primitive.Provider delayDuration={300}>
      <Primitive.Root>
        <Primitive.Trigger asChild>{children}</Primitive.Trigger>
        <Primitive.Content
          sideOffset={6}
          collisionPadding={8}
          className="z-50 max-w-64 rounded-lg bg-ink px-3 py-1.5 text-sm text-white shadow-lg"
        >
          {content}
        </Primitive.Content>
      </Primitive.Root>
    </Primitive.Provider>
  );
}
