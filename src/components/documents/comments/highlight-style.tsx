/** Comment ids are cuids; anything else is left out rather than put into a stylesheet. */
const SAFE_ID = /^[A-Za-z0-9_-]+$/;

function selectorFor(ids: string[]): string {
  return ids
    .filter((id) => SAFE_ID.test(id))
    .map((id) => `.doc-comment[data-comment-id="${id}"]`)
    .join(",");
}

/**
 * Which commented text is highlighted. The marks in the document carry only ids; whether a
 * comment is open or resolved lives in the database, so the panel writes the highlight rules
 * for what it lists: open comments in ember-100, the active one stronger, resolved ones plain.
 */
export function HighlightStyle({ openIds, activeId }: { openIds: string[]; activeId: string | null }) {
  const open = selectorFor(openIds);
  const active = activeId ? selectorFor([activeId]) : "";
  const css = [
    open && `${open}{background-color:var(--color-ember-100);border-bottom:2px solid var(--color-ember-600);}`,
    active &&
      `${active}{background-color:color-mix(in srgb,var(--color-ember-600) 35%,var(--color-card));border-bottom:2px solid var(--color-ember-800);}`,
  ]
    .filter(Boolean)
    .join("\n");
  return css ? <style>{css}</style> : null;
}
