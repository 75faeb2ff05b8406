import { numberAttr, type PmNode } from "@/server/documents/versions/content";
import { safeHref } from "@/server/documents/versions/markdown";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Suggestions appear only in a "with suggestions" export, as <ins> and <del>. */
const MARK_TAGS: Record<string, string> = {
  bold: "strong",
  italic: "em",
  strike: "s",
  underline: "u",
  code: "code",
  insertion: "ins",
  deletion: "del",
};

function inline(node: PmNode): string {
  if (node.type === "hardBreak") return "<br>";
  if (node.type !== "text") return (node.content ?? []).map(inline).join("");
  let html = escapeHtml(node.text ?? "");
  for (const mark of node.marks ?? []) {
    const tag = MARK_TAGS[mark.type];
    if (tag) html = `<${tag}>${html}</${tag}>`;
    const href = mark.type === "link" ? safeHref(mark) : null;
    if (href) html = `<a href="${escapeHtml(href)}">${html}</a>`;
  }
  return html;
}

function cellAttrs(node: PmNode): string {
  const span = (name: string) => {
    const value = numberAttr(node, name, 1);
    return value > 1 ? ` ${name}="${Math.floor(value)}"` : "";
  };
  return span("colspan") + span("rowspan");
}

function block(node: PmNode): string {
  const children = () => (node.content ?? []).map(block).join("");
  switch (node.type) {
    case "heading": {
      // The document's title is the page's h1, so its headings start one level down.
      const level = Math.min(6, Math.max(1, numberAttr(node, "level", 1)) + 1);
      return `<h${level}>${(node.content ?? []).map(inline).join("")}</h${level}>`;
    }
    case "paragraph":
      return `<p>${(node.content ?? []).map(inline).join("")}</p>`;
    case "blockquote":
      return `<blockquote>${children()}</blockquote>`;
    case "codeBlock":
      return `<pre><code>${escapeHtml((node.content ?? []).map((child) => child.text ?? "").join(""))}</code></pre>`;
    case "horizontalRule":
      return "<hr>";
    case "bulletList":
      return `<ul>${children()}</ul>`;
    case "orderedList": {
      const start = numberAttr(node, "start", 1);
      return `<ol${start !== 1 ? ` start="${Math.floor(start)}"` : ""}>${children()}</ol>`;
    }
    case "listItem":
      return `<li>${children()}</li>`;
    case "table":
      return `<table><tbody>${children()}</tbody></table>`;
    case "tableRow":
      return `<tr>${children()}</tr>`;
    case "tableHeader":
      return `<th${cellAttrs(node)}>${children()}</th>`;
    case "tableCell":
      return `<td${cellAttrs(node)}>${children()}</td>`;
    case "text":
    case "hardBreak":
      return inline(node);
    default:
      return children();
  }
}

/** The body of a document as HTML; every piece of user text is escaped. */
export function toHtmlBody(doc: PmNode): string {
  return (doc.content ?? []).map(block).join("\n");
}

const STYLES = `
  :root { color-scheme: light; }
  body { font: 17px/1.6 Georgia, "Times New Roman", serif; color: #1c1917; max-width: 44rem; margin: 2.5rem auto; padding: 0 1.25rem; }
  h1, h2, h3, h4 { font-family: system-ui, sans-serif; line-height: 1.25; }
  .meta { color: #57534e; font: 14px system-ui, sans-serif; margin-top: -0.5rem; }
  blockquote { border-left: 4px solid #d6d3d1; margin-left: 0; padding-left: 1rem; color: #44403c; }
  pre { background: #f5f5f4; padding: 0.75rem; overflow-x: auto; white-space: pre-wrap; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border: 1px solid #a8a29e; padding: 0.35rem 0.6rem; text-align: left; vertical-align: top; }
  th { background: #f5f5f4; }
  a { color: #9a3412; }
  @media print {
    @page { margin: 2cm; }
    body { margin: 0; max-width: none; padding: 0; font-size: 11pt; }
    a { color: inherit; }
    a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; }
    h1, h2, h3, h4 { break-after: avoid; }
    tr, blockquote, pre { break-inside: avoid; }
  }
`;

/** A standalone page with a print stylesheet: what the HTML export downloads and the PDF export prints. */
export function toHtmlDocument(doc: PmNode, meta: { title: string; subtitle: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(meta.title)}</title>
<style>${STYLES}</style>
</head>
<body>
<main>
<h1>${escapeHtml(meta.title)}</h1>
<p class="meta">${escapeHtml(meta.subtitle)}</p>
${toHtmlBody(doc)}
</main>
</body>
</html>
`;
}
