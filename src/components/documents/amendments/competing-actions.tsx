"use client";

import { useState } from "react";
import { DecideTogetherForm } from "@/components/documents/amendments/decide-together-form";
import { ProposeAmendmentForm } from "@/components/documents/amendments/propose-amendment-form";
import type { AmendmentItem } from "@/components/documents/amendments/use-amendments";
import { Button } from "@/components/ui/button";

/**
 * On an open amendment's card: another rewrite of its passage ("Propose an alternative"), and,
 * once there are alternatives, putting them all to one ranked vote.
 */
export function CompetingActions({
  documentId,
  amendment,
  alternatives,
  onDone,
}: {
  documentId: string;
  amendment: AmendmentItem;
  /** Its open alternatives. */
  alternatives: AmendmentItem[];
  onDone: () => void;
}) {
  const [open, setOpen] = useState<"alternative" | "together" | null>(null);
  const done = () => {
    setOpen(null);
    onDone();
  };
  if (open === "alternative") {
    return (
      <ProposeAmendmentForm
        documentId={documentId}
        subject={{ competesWith: { id: amendment.id, number: amendment.number, passage: amendment.passage } }}
        onDone={done}
        onCancel={() => setOpen(null)}
      />
    );
  }
  if (open === "together") {
    return <DecideTogetherForm original={amendment} alternatives={alternatives} onDone={done} onCancel={() => setOpen(null)} />;
  }
  const canDecide = amendment.canDecideTogether && alternatives.length > 0;
  if (!amendment.canProposeAlternative && !canDecide) return null;
  return (
    <div className="flex flex-wrap gap-2">
      {amendment.canProposeAlternative && (
        <Button variant="secondary" onClick={() => setOpen("alternative")}>
          Propose an alternative
        </Button>
      )}
      {canDecide && (
        <Button variant="secondary" onClick={() => setOpen("together")}>
          Decide together in one ranked vote
        </Button>
      )}
    </div>
  );
}
