import type { ComponentProps } from "react";
import Markdown, { defaultUrlTransform } from "react-markdown";
import { canRenderMarkdown } from "@/lib/markdown-limits";

/**
 * Renders what people write. react-markdown never renders raw HTML, so script and style
 * injection stay text; links leave with rel="noopener nofollow ugc", and `mention:` links
 * (see src/lib/mentions.ts) show as highlighted names. Text beyond the limits of
 * src/lib/markdown-limits.ts (stored before they were checked) is shown as plain text, since
 * parsing it could keep the server busy for seconds.
 */
function safeUrl(url: string): string {
  return url.startsWith("mention:") ? url : defaultUrlTransform(url);
}

/** Files and images uploaded to Hearth itself: the only images a page loads, so none can track readers. */
const HEARTH_IMAGE = /^\/api\/(?:files|images)\/[A-Za-z0-9_-]{1,100}(?:\?[A-Za-z0-9_=&.-]*)?$/;

export function isHearthImageUrl(src: string): boolean {
  return HEARTH_IMAGE.test(src);
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

function MarkdownImage({ src, alt }: ComponentProps<"img">) {
  const label = `[image${alt ? `: ${alt}` : ""}]`;
  if (typeof src !== "string" || !src) return <>{label}</>;
  if (isHearthImageUrl(src)) {
    // eslint-disable-next-line @next/next/no-img-element -- an authorised download, not a static asset next/image could optimise
    return <img src={src} alt={alt ?? ""} loading="lazy" className="max-w-full" />;
  }
  return (
    <a href={src} rel="noopener nofollow ugc noreferrer" target="_blank">
      {label}
    </a>
  );
}

export function MarkdownText({ source, className }: { source: string; className?: string }) {
  if (!canRenderMarkdown(source)) {
    return (
      <div className={`markdown ${className ?? ""}`}>
        <p className="whitespace-pre-wrap break-words">{source}</p>
        <p className="text-sm text-muted">Shown as plain text: its formatting is too complex for Hearth to display.</p>
      </div>
    );
  }
  return (
    <div className={`markdown ${className ?? ""}`}>
      <Markdown urlTransform={safeUrl} components={{ a: MarkdownLink, img: MarkdownImage }}>
        {source}
      </Markdown>
    </div>
  );
}
