export type SnippetPart = { text: string; match: boolean };

/**
 * The server's snippet is plain text in which « and » wrap the matched words. Split into plain
 * and matched parts, it renders as text nodes and <mark>s: nothing in it is ever read as HTML.
 * A « without a closing » (or a lone ») is kept as the character it is.
 */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (text: string, match: boolean) => {
    if (text === "") return;
    const last = parts.at(-1);
    if (last && !last.match && !match) last.text += text;
    else parts.push({ text, match });
  };
  let at = 0;
  while (at < snippet.length) {
    const open = snippet.indexOf("«", at);
    const close = open < 0 ? -1 : snippet.indexOf("»", open + 1);
    if (open < 0 || close < 0) {
      push(snippet.slice(at), false);
      break;
    }
    push(snippet.slice(at, open), false);
    push(snippet.slice(open + 1, close), true);
    at = close + 1;
  }
  return parts;
}
