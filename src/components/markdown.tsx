import type { ComponentProps } from "react";
import Markdown, { defaultUrlTransform } from "react-markdown";

/**
 * Renders what people write. react-markdown never renders raw HTML, so script and style
 * injection stay text; links leave with rel="noopener nofollow ugc", and `mention:` links
 * (see src/lib/mentions.ts) show as highlighted names.
 */
function safeUrl(url: string): string {
  return url.startsWith("mention:") ? url : defaultUrlTransform(url);
}

function MarkdownLink({ href, children }: ComponentProps<"a">) {
  if (href?.startsWith("mention:")) {
    return <span className="rounded bg-ember-50 px-1 font-semibold text-ember-800">{children}</span>;
  }
  if (!href) return <>{children}</>;
  return (
    <a href={href} rel="noopener nofollow ugc" target="_blank">
      {children}
    </a>
  );
}

export function MarkdownText({ source, className }: { source: string; className?: string }) {
  return (
    <div className={`markdown ${className ?? ""}`}>
      <Markdown urlTransform={safeUrl} components={{ a: MarkdownLink }}>
        {source}
      </Markdown>
    </div>
  );
}
