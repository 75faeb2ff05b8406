"use client";

import type { Editor } from "@tiptap/react";
import { useId, useState } from "react";
import { AmendmentCard } from "@/components/documents/amendments/amendment-card";
import { CompetingActions } from "@/components/documents/amendments/competing-actions";
import { ProposeAmendmentForm, type AmendmentSubject } from "@/components/documents/amendments/propose-amendment-form";
import type { AmendmentItem, useAmendments } from "@/components/documents/amendments/use-amendments";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/trpc/error-message";

/** The passage selected in the editor, as the server finds it again: positions and the text they hold. */
function selectedPassage(editor: Editor | null): AmendmentSubject | null {
  if (!editor) return null;
  const { from, to } = editor.state.selection;
  const quote = editor.state.doc.textBetween(from, to);
  return from < to && quote.trim() ? { range: { from, to, quote } } : null;
}

/** Alternatives under the amendment they compete with (oldest first), the rest newest first. */
function grouped(items: AmendmentItem[]) {
  const listed = new Set(items.map(({ id }) => id));
  const alternativesOf = new Map<string, AmendmentItem[]>();
  for (const item of [...items].reverse()) {
    if (!item.competesWith || !listed.has(item.competesWith.id)) continue;
    alternativesOf.set(item.competesWith.id, [...(alternativesOf.get(item.competesWith.id) ?? []), item]);
  }
  return { top: items.filter((item) => !item.competesWith || !listed.has(item.competesWith.id)), alternativesOf };
}

/**
 * A document's amendments, newest first: changes put to the group's vote, applied as a named
 * version when the vote passes. Everyone who reads the document sees them; whoever may suggest
 * and start polls proposes one from a selection in the text with its rewrite.
 */
export function AmendmentsPanel({
  documentId,
  editor,
  amendments: { list, refresh },
}: {
  documentId: string;
  editor: Editor | null;
  /** The document's amendments, shared with the suggestions panel that badges their suggestions. */
  amendments: ReturnType<typeof useAmendments>;
}) {
  const headingId = useId();
  const [subject, setSubject] = useState<AmendmentSubject | null>(null);
  const [hint, setHint] = useState(false);
  const items = list.data?.items ?? [];
  const { top, alternativesOf } = grouped(items);

  function startProposal() {
    const passage = selectedPassage(editor);
    setHint(!passage);
    setSubject(passage);
  }

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3">
      <h2 id={headingId} className="text-lg font-semibold">
        Amendments{items.length > 0 ? ` (${items.length})` : ""}
      </h2>
      {list.error && <Alert>{errorMessage(list.error)}</Alert>}
      {list.data && items.length === 0 && (
        <p className="text-muted">No amendments yet. An amendment puts a change to the text to the group&apos;s vote; when it passes, the text changes.</p>
      )}
      {list.data?.canPropose &&
        (subject ? (
          <ProposeAmendmentForm
            documentId={documentId}
            subject={subject}
            onDone={() => {
              setSubject(null);
              refresh();
            }}
            onCancel={() => setSubject(null)}
          />
        ) : (
          <div className="space-y-2">
            <Button variant="secondary" onClick={startProposal}>
              Propose an amendment to the selection
            </Button>
            {hint && <p role="alert" className="text-sm">Select the passage to rewrite in the text first (within one paragraph).</p>}
          </div>
        ))}
      <ol className="flex flex-col gap-3">
        {top.map((amendment) => {
          const alternatives = alternativesOf.get(amendment.id) ?? [];
          return (
            <li key={amendment.id} className="space-y-2">
              <AmendmentCard amendment={amendment}>
                <CompetingActions documentId={documentId} amendment={amendment} alternatives={alternatives.filter(({ status }) => status === "open")} onDone={refresh} />
              </AmendmentCard>
              {alternatives.length > 0 && (
                <ol aria-label={`Alternatives to Amendment ${amendment.number}`} className="ml-4 flex flex-col gap-2 border-l-2 border-line pl-3">
                  {alternatives.map((alternative) => (
                    <li key={alternative.id}>
                      <AmendmentCard amendment={alternative} />
                    </li>
                  ))}
                </ol>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
