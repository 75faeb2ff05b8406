/**
 * Shows markdown the server already cooked to HTML (src/server/markdown/cook.ts), in the same
 * `div.markdown` as MarkdownText, so neither the server render nor the browser parses it again.
 * `html` must come from a DTO's `…Html` field: the cooker made it safe (raw HTML as text, links
 * checked, no images from elsewhere), which is what makes setting it as HTML acceptable.
 */
export function CookedMarkdown({ html, className }: { html: string; className?: string }) {
  return <div className={`markdown ${className ?? ""}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
