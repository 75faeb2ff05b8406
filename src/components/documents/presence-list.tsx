import type { PresentEditor } from "@/components/documents/use-collaboration";
import { colorFor } from "@/lib/documents/colors";

/** Who has the document open right now, each with the colour of their cursor. */
export function PresenceList({ editors, meId }: { editors: PresentEditor[]; meId: string }) {
  const sorted = [...editors].sort((a, b) => Number(b.id === meId) - Number(a.id === meId) || a.name.localeCompare(b.name));
  return (
    <section aria-labelledby="document-presence" className="flex flex-col gap-2">
      <h2 id="document-presence" className="text-lg font-bold">
        In this document
      </h2>
      {sorted.length === 0 ? (
        <p className="text-muted">Nobody else is here right now.</p>
      ) : (
        <ul data-testid="document-presence" className="flex flex-col gap-1">
          {sorted.map((editor) => (
            <li key={editor.id} className="flex items-center gap-2">
              <span aria-hidden="true" className="size-3 shrink-0 rounded-full" style={{ backgroundColor: colorFor(editor.id) }} />
              <span className="font-medium">{editor.id === meId ? `${editor.name} (you)` : editor.name}</span>
              {!editor.canEdit && <span className="text-sm text-muted">reading</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
