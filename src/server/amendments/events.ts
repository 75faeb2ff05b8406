import type { Publish } from "@/server/events";

/**
 * Amendments live beside a document's suggestions, so their changes ride the suggestions' event:
 * open panels refetch both lists.
 */
export function publishAmendmentChange(publish: Publish, documentId: string): void {
  publish({ name: "suggestion.changed", room: `document:${documentId}`, payload: { documentId } });
}
