"use client";

import { X } from "lucide-react";
import { Dialog as Primitive } from "radix-ui";
import { useRef, type ReactNode } from "react";

/**
 * What a form dialog opens on: its first visible, enabled, tabbable field. A control that stands
 * for a field (a "Choose files" button over a hidden file input) says so with data-dialog-field.
 */
const FIELD_SELECTOR = [
  "input:not([type=hidden]):not([disabled]):not([tabindex='-1'])",
  "select:not([disabled])",
  "textarea:not([disabled])",
  "[contenteditable=true]",
  "[data-dialog-field]:not([disabled])",
].join(",");

/**
 * Focuses the element a form in `container` should start on; false when there is none. For
 * dialogs whose form appears after a first step (a process to pick), as well as on opening.
 */
export function focusFirstField(container: HTMLElement | null): boolean {
  if (!container) return false;
  // display:none leaves no boxes; visually hidden (sr-only) inputs still count, as keyboards reach them.
  const field = [...container.querySelectorAll<HTMLElement>(FIELD_SELECTOR)].find((element) => element.getClientRects().length > 0);
  field?.focus();
  return field !== undefined;
}

/**
 * A modal dialog with a title and an optional description, both announced to screen readers.
 * Pass `trigger` for a self-contained dialog, or control it with `open`/`onOpenChange`.
 */
export function Dialog({
  trigger,
  title,
  description,
  children,
  open,
  onOpenChange,
}: {
  trigger?: ReactNode;
  title: string;
  description?: string;
  children: ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
}) {
  const content = useRef<HTMLDivElement>(null);
  return (
    <Primitive.Root open={open} onOpenChange={onOpenChange}>
      {trigger && <Primitive.Trigger asChild>{trigger}</Primitive.Trigger>}
      <Primitive.Portal>
        <Primitive.Overlay className="fixed inset-0 z-40 bg-ink/40" />
        <Primitive.Content
          ref={content}
          // Radix focuses the first tabbable element, the close button; a form opens on its first field
          // instead. Dialogs without fields (confirmations) keep Radix's choice.
          onOpenAutoFocus={(event) => {
            if (focusFirstField(content.current)) event.preventDefault();
          }}
          className="fixed left-1/2 top-1/2 z-50 max-h-[90vh] w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-xl border border-line bg-card p-6 shadow-xl"
          {...(description ? {} : { "aria-describedby": undefined })}
        >
          <div className="mb-4 flex items-start justify-between gap-4">
            <Primitive.Title className="text-xl font-bold">{title}</Primitive.Title>
            <Primitive.Close className="rounded-lg p-2 hover:bg-ember-50" aria-label="Close">
              <X aria-hidden="true" className="size-5" />
            </Primitive.Close>
          </div>
          {description && <Primitive.Description className="mb-4 text-muted">{description}</Primitive.Description>}
          {children}
        </Primitive.Content>
      </Primitive.Portal>
    </Primitive.Root>
  );
}

export const DialogClose = Primitive.Close;
