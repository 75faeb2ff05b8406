/** Marks a resource only its author and the admins can see yet. */
export function DraftBadge() {
  return <span className="rounded-full border border-ember-700 bg-ember-50 px-2 py-0.5 text-xs font-semibold text-ember-800">Draft</span>;
}
