import { numberAttr, type PmMark, type PmNode } from "@/server/documents/versions/content";

/** Characters Markdown would read as syntax inside running text. */
const escapeText = (text: string) => text.replace(/([\\`*_[\]<>~|#])/g, "\\$1");

/** Only links people can follow safely survive an export. */
export function safeHref(mark: PmMark): string | null {
  const href = mark.attrs?.href;
  return typeof href === "string" && /^(https?:|mailto:)/i.test(href.trim()) ? href.trim() : null;
}

const has = (node: PmNode, type: string) => node.marks?.some((mark) => mark.type === type) ?? false;

/** Emphasis must hug its text: spaces at either end go outside the markers. */
function wrap(text: string, marker: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return match[2] ? `${match[1]}${marker}${match[2]}${marker}${match[3]}` : text;
}

function inline(nodes: PmNode[] | undefined): string {
  return (nodes ?? [])
    .map((node) => {
      if (node.type === "hardBreak") return "\\\n";
      if (node.type !== "text") return inline(node.content);
      const raw = node.text ?? "";
      if (has(node, "code")) return tracked(node, `\`${raw.replaceAll("`", "'")}\``);
      let text = escapeText(raw);
      if (has(node, "bold")) text = wrap(text, "**");
      if (has(node, "italic")) text = wrap(text, "_");
      if (has(node, "strike")) text = wrap(text, "~~");
      const link = node.marks?.find((mark) => mark.type === "link");
      const href = link ? safeHref(link) : null;
      const linked = href ? `[${text}](<${href.replace(/[<>]/g, encodeURIComponent)}>)` : text;
      return tracked(node, linked);
    })
    .join("");
}

/**
 * Suggestions as CriticMarkup (`{++added++}`, `{--removed--}`), in a "with suggestions" export;
 * the zero-width characters that mark a suggested paragraph break are left out.
 */
function tracked(node: PmNode, text: string): string {
  const plain = text.replaceAll("\u200b", "");
  if (has(node, "insertion")) return plain ? `{++${plain}++}` : "";
  if (has(node, "deletion")) return plain ? `{--${plain}--}` : "";
  return text;
}

/** A block that would otherwise start like a list item or a heading keeps its text as text. */
const guardStart = (text: string) => text.replace(/^(\d+)\. /, "$1\\. ").replace(/^([-+]) /, "\\$1 ");

const indent = (text: string, prefix: string, first = prefix) =>
  text
    .split("\n")
    .map((line, index) => (index === 0 ? first : line ? prefix : prefix.trimEnd()) + line)
    .join("\n");

function tableCell(cell: PmNode): string {
  return (cell.content ?? []).map((child) => inline(child.content)).join(" ").replaceAll("\n", " ");
}

function table(node: PmNode): string {
  const rows = (node.content ?? []).map((row) => (row.content ?? []).map(tableCell));
  const width = Math.max(1, ...rows.map((row) => row.length));
  const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? "").join(" | ")} |`;
  const [head = [], ...body] = rows;
  return [line(head), line(Array.from({ length: width }, () => "---")), ...body.map(line)].join("\n");
}

function block(node: PmNode): string {
  switch (node.type) {
    case "heading":
      return `${"#".repeat(Math.min(6, Math.max(1, numberAttr(node, "level", 1))))} ${inline(node.content)}`;
    case "paragraph":
      return guardStart(inline(node.content));
    case "blockquote":
      return indent(blocks(node.content), "> ");
    case "codeBlock": {
      const text = (node.content ?? []).map((child) => child.text ?? "").join("");
      const fence = text.includes("```") ? "~~~~" : "```";
      const language = typeof node.attrs?.language === "string" ? node.attrs.language.replace(/[^\w+-]/g, "") : "";
      return `${fence}${language}\n${text}\n${fence}`;
    }
    case "horizontalRule":
      return "---";
    case "bulletList":
    case "orderedList": {
      const start = numberAttr(node, "start", 1);
      return (node.content ?? [])
        .map((item, index) => {
          const marker = node.type === "bulletList" ? "- " : `${start + index}. `;
          // Tight lists: an item's paragraph and its nested list sit on consecutive lines.
          const body = (item.content ?? []).map(block).join("\n");
          return indent(body, " ".repeat(marker.length), marker);
        })
        .join("\n");
    }
    case "table":
      return table(node);
    default:
      return blocks(node.content);
  }
}

function blocks(nodes: PmNode[] | undefined): string {
  return (nodes ?? []).map(block).join("\n\n");
}

/** The document as CommonMark with GitHub tables; marks Markdown cannot express (underline, comments) are dropped. */
export function toMarkdown(doc: PmNode, title: string): string {
  const body = blocks(doc.content).trim();
  return `# ${escapeText(title)}\n\n${body}${body ? "\n" : ""}`;
}
