import Markdown from "react-markdown";
import { canRenderMarkdown } from "@/lib/markdown-limits";
import { rehypeHearth, safeUrl, TOO_COMPLEX_NOTE } from "@/lib/markdown-rules";

const REHYPE_PLUGINS = [rehypeHearth];

/**
 * Renders markdown in the browser, for the editor's live preview. Everything already saved is
 * shown from the HTML the server cooked once (CookedMarkdown), by the same rules
 * (src/lib/markdown-rules.ts). Text beyond the limits of src/lib/markdown-limits.ts (stored before
 * they were checked) is shown as plain text, since parsing it could keep the page busy for seconds.
 */
export function MarkdownText({ source, className }: { source: string; className?: string }) {
  if (!canRenderMarkdown(source)) {
    return (
      <div className={`markdown ${className ?? ""}`}>
        <p className="whitespace-pre-wrap break-words">{source}</p>
        <p className="text-sm text-muted">{TOO_COMPLEX_NOTE}</p>
      </div>
    );
  }
  return (
    <div className={`markdown ${className ?? ""}`}>
      {/* react-markdown transforms addresses again after the rules: safeUrl leaves the ones they kept as they are. */}
      <Markdown urlTransform={safeUrl} rehypePlugins={REHYPE_PLUGINS}>
        {source}
      </Markdown>
    </div>
  );
}
