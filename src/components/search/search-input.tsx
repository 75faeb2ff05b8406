import { Search } from "lucide-react";
import type { ReactNode, Ref } from "react";
import { cn } from "@/components/ui/cn";

/**
 * The search field of the header and of the search page: a search box with its icon, named
 * "Search Hearth" for screen readers, which "/" focuses (the forms around it say where it goes).
 * `children` sit inside the field's frame, e.g. the header's "/" hint.
 */
export function SearchInput({
  ref,
  value,
  onChange,
  placeholder,
  compact = false,
  className,
  children,
}: {
  ref?: Ref<HTMLInputElement>;
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  /** The header's: a little tighter, on the header's paper colour. */
  compact?: boolean;
  /** Classes for the field's frame, e.g. its width. */
  className?: string;
  children?: ReactNode;
}) {
  return (
    <div className={cn("relative min-w-0 flex-1", className)}>
      <Search
        aria-hidden="true"
        className={cn("pointer-events-none absolute top-1/2 size-5 -translate-y-1/2 text-muted", compact ? "left-2.5" : "left-3")}
      />
      <input
        ref={ref}
        type="search"
        name="q"
        aria-label="Search Hearth"
        aria-keyshortcuts="/"
        placeholder={placeholder}
        enterKeyHint="search"
        autoComplete="off"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className={cn("min-h-11 w-full rounded-lg border border-line py-2 pr-3 text-ink", compact ? "bg-paper pl-9" : "bg-card pl-10")}
      />
      {children}
    </div>
  );
}
