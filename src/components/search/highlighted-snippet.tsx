import { snippetParts } from "@/components/search/snippet";

/** The snippet with its matched words in <mark>: text nodes only, so nothing in it runs as HTML. */
export function HighlightedSnippet({ snippet }: { snippet: string }) {
  return (
    <p className="break-words text-ink">
      {snippetParts(snippet).map((part, index) =>
        part.match ? (
          <mark key={index} className="rounded bg-ember-100 px-0.5 font-semibold text-ink">
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </p>
  );
}
