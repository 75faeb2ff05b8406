/**
 * Mentions are written as markdown links with a `mention:` target, `[@Priya Shah](mention:USER_ID)`,
 * so they stay readable as plain text and survive editing. The composer inserts them; the
 * renderer shows them as names.
 */
const MENTION = /\[@([^\]\n]{1,100})\]\(mention:([a-z0-9]{10,40})\)/g;

export function mentionToken(person: { id: string; name: string }): string {
  return `[@${person.name.replace(/[[\]]/g, "")}](mention:${person.id})`;
}

/** The distinct user ids mentioned in a text, in order of first mention. */
export function mentionedUserIds(markdown: string): string[] {
  return [...new Set([...markdown.matchAll(MENTION)].map((match) => match[2]!))];
}
