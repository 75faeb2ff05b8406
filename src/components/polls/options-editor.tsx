"use client";

import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import { useId } from "react";
import { moveItem } from "@/components/polls/ranking";
import { TimeZoneNote } from "@/components/polls/time-zone-note";
import { Button } from "@/components/ui/button";
import type { PollKind } from "@/server/polls/ballot-rules";

const iconButton = "grid size-11 shrink-0 place-items-center rounded-lg border border-line hover:bg-ember-50 disabled:opacity-40";

/** Keys for added rows; a counter, because crypto.randomUUID is missing outside secure contexts (plain http on a LAN). */
let added = 0;

/** One option as typed; `key` keeps its row stable while rows move. */
export type OptionRow = { key: string; value: string };

/**
 * Add, remove and reorder options; meeting polls take dates and times in the author's zone.
 * Rows keep whatever else they carry (such as the id of a saved option); added rows have only a key and a value.
 */
export function OptionsEditor<Row extends OptionRow>({
  kind,
  rows,
  onChange,
  error,
}: {
  kind: PollKind;
  rows: Row[];
  onChange: (rows: (Row | OptionRow)[]) => void;
  error?: string | null;
}) {
  const isMeeting = kind === "meeting";
  const noun = isMeeting ? "time" : "option";
  const errorId = useId();
  const set = (index: number, value: string) => onChange(rows.map((row, at) => (at === index ? { ...row, value } : row)));

  return (
    <fieldset className="flex min-w-0 flex-col gap-2" aria-describedby={error ? errorId : undefined}>
      <legend className="mb-1 font-semibold">{isMeeting ? "Proposed times" : "Options"}</legend>
      {isMeeting && <TimeZoneNote />}
      <ol className="flex flex-col gap-2">
        {rows.map((row, index) => (
          <li key={row.key} className="flex items-center gap-2">
            <input
              type={isMeeting ? "datetime-local" : "text"}
              aria-label={`${isMeeting ? "Time" : "Option"} ${index + 1}`}
              value={row.value}
              onChange={(event) => set(index, event.target.value)}
              maxLength={200}
              className="min-h-11 min-w-0 flex-1 rounded-lg border border-line bg-card px-3 py-2 text-ink"
            />
            {!isMeeting && (
              <>
                <button
                  type="button"
                  className={iconButton}
                  onClick={() => onChange(moveItem(rows, index, -1))}
                  disabled={index === 0}
                  aria-label={`Move ${noun} ${index + 1} up`}
                >
                  <ArrowUp aria-hidden="true" className="size-5" />
                </button>
                <button
                  type="button"
                  className={iconButton}
                  onClick={() => onChange(moveItem(rows, index, 1))}
                  disabled={index === rows.length - 1}
                  aria-label={`Move ${noun} ${index + 1} down`}
                >
                  <ArrowDown aria-hidden="true" className="size-5" />
                </button>
              </>
            )}
            <button type="button" className={iconButton} onClick={() => onChange(rows.filter((_, at) => at !== index))} aria-label={`Remove ${noun} ${index + 1}`}>
              <Trash2 aria-hidden="true" className="size-5" />
            </button>
          </li>
        ))}
      </ol>
      {error && (
        <p id={errorId} className="text-sm font-medium text-danger">
          {error}
        </p>
      )}
      <div>
        <Button variant="secondary" onClick={() => onChange([...rows, { key: `added-${++added}`, value: "" }])} disabled={rows.length >= 50}>
          <Plus aria-hidden="true" className="size-5" /> Add {isMeeting ? "a time" : "an option"}
        </Button>
      </div>
    </fieldset>
  );
}
