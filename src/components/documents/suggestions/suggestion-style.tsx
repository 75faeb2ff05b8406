import { colorFor } from "@/lib/documents/colors";
import { SUGGESTION_ID } from "@/lib/documents/suggestion-marks";

/**
 * Each listed suggestion's text in its author's colour: insertions underlined, deletions struck
 * through. The marks carry only ids; who wrote them lives in the database, so the panel writes
 * the rules for what it lists (ids are checked against the editor's id pattern first).
 */
export function SuggestionStyle({ items, activeId }: { items: { id: string; author: { id: string } }[]; activeId: string | null }) {
  const css = items
    .filter(({ id }) => SUGGESTION_ID.test(id))
    .map(({ id, author }) => {
      const color = colorFor(author.id);
      const wash = id === activeId ? "33" : "14";
      return `ins[data-suggestion="${id}"]{text-decoration-color:${color};color:${color};background-color:${color}${wash};}del[data-suggestion="${id}"]{text-decoration-color:${color};background-color:${color}${wash};}`;
    })
    .join("\n");
  return css ? <style>{css}</style> : null;
}
