"use client";

import { ArrowLeft, Search } from "lucide-react";
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from "react";
import { SearchInput } from "@/components/search/search-input";
import { searchHref } from "@/components/search/search-query";
import { useSlashShortcut } from "@/components/search/slash-shortcut";
import { cn } from "@/components/ui/cn";

/** The group a page belongs to, which the header's search can be narrowed to. */
export type SearchScope = { groupId: string; groupName: string };

/**
 * The header's search box: "/" focuses it, Enter opens the results at /search. On a group's pages
 * (`scope`) it offers "Only in <group>" once focused. On a phone it folds into an icon button
 * that opens it over the header, so the header stays one row. On /search it gives way to the
 * page's own box, which then answers "/".
 */
export function HeaderSearch({ scope }: { scope?: SearchScope }) {
  const router = useRouter();
  const onSearchPage = usePathname() === "/search";
  const formId = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [onlyHere, setOnlyHere] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const opener = useRef<HTMLButtonElement>(null);

  const focusSearch = useCallback(() => {
    // Folded away on a phone (no boxes to lay out): unfold it first, and the effect below focuses it.
    if (input.current && input.current.getClientRects().length > 0) input.current.focus();
    else setOpen(true);
  }, []);
  useSlashShortcut(onSearchPage ? null : focusSearch);
  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  if (onSearchPage) return null;

  const fold = () => {
    setOpen(false);
    opener.current?.focus();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setOpen(false);
    router.push(searchHref({ q: text, groupId: scope && onlyHere ? scope.groupId : null }));
  };

  return (
    <>
      <button
        ref={opener}
        type="button"
        aria-label="Search"
        aria-expanded={open}
        aria-controls={formId}
        onClick={() => setOpen(true)}
        className="inline-flex size-11 shrink-0 items-center justify-center rounded-lg hover:bg-ember-50 sm:hidden"
      >
        <Search aria-hidden="true" className="size-6" />
      </button>
      <form
        id={formId}
        role="search"
        aria-label="Hearth"
        onSubmit={submit}
        onKeyDown={(event) => {
          if (event.key !== "Escape" || !open) return;
          event.preventDefault();
          fold();
        }}
        className={cn(
          "group/search min-w-0 items-center gap-1",
          open ? "absolute inset-0 z-20 flex bg-card px-2 sm:relative sm:inset-auto sm:z-auto sm:px-0" : "hidden sm:relative sm:flex",
        )}
      >
        <button
          type="button"
          aria-label="Hide search"
          onClick={fold}
          className="inline-flex size-11 shrink-0 items-center justify-center rounded-lg hover:bg-ember-50 sm:hidden"
        >
          <ArrowLeft aria-hidden="true" className="size-6" />
        </button>
        <SearchInput ref={input} value={text} onChange={setText} placeholder="Search" compact className="sm:w-40 sm:flex-initial md:w-56 lg:w-64">
          {text === "" && (
            <kbd
              aria-hidden="true"
              className="pointer-events-none absolute right-2.5 top-1/2 -translate-y-1/2 rounded border border-line px-1.5 font-sans text-sm leading-5 text-muted max-sm:hidden touch:hidden group-focus-within/search:hidden"
            >
              /
            </kbd>
          )}
        </SearchInput>
        {scope && (
          // Pressing here keeps focus in the box, so the panel (shown while the form has focus) stays open for the click.
          <div
            onMouseDown={(event) => event.preventDefault()}
            className="absolute right-0 top-full z-30 mt-1 hidden max-w-[calc(100vw-1rem)] rounded-lg border border-line bg-card px-3 py-2 shadow-lg group-focus-within/search:flex"
          >
            <label className="flex items-center gap-2 font-semibold">
              <input
                type="checkbox"
                checked={onlyHere}
                onChange={(event) => setOnlyHere(event.target.checked)}
                className="size-5 shrink-0 accent-ember-700"
              />
              <span className="min-w-0 break-words">Only in {scope.groupName}</span>
            </label>
          </div>
        )}
      </form>
    </>
  );
}
