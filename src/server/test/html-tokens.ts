export type HtmlToken =
  | { type: "text"; text: string }
  | { type: "tag"; source: string; name: string; attributes: [name: string, value: string][] };

const TAG = /<\/?([a-z][a-z0-9]*)((?:\s+[a-z][a-z0-9-]*(?:="[^"]*")?)*)\s*\/?>/y;
const ATTRIBUTE = /\s+([a-z][a-z0-9-]*)(?:="([^"]*)")?/g;

/**
 * Splits HTML as React and hast-util-to-html print it (attribute values in double quotes, every
 * < of text escaped) into tags and text, for tests that look at markup without a DOM. Anything
 * else throws, so a test never passes over markup it could not read. Attribute values and text
 * keep their character references.
 */
export function htmlTokens(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  let index = 0;
  while (index < html.length) {
    if (html[index] === "<") {
      TAG.lastIndex = index;
      const match = TAG.exec(html);
      if (!match) throw new Error(`Not a tag at ${index}: ${html.slice(index, index + 40)}`);
      const attributes = [...match[2]!.matchAll(ATTRIBUTE)].map(([, name, value]): [string, string] => [name!, value ?? ""]);
      tokens.push({ type: "tag", source: match[0], name: match[1]!, attributes });
      index = TAG.lastIndex;
    } else {
      const end = html.indexOf("<", index);
      const stop = end === -1 ? html.length : end;
      tokens.push({ type: "text", text: html.slice(index, stop) });
      index = stop;
    }
  }
  return tokens;
}
