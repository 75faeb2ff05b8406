/** Tags as typed in one field: "#budget, #CompassionateCommunity events" → ["budget", "CompassionateCommunity", "events"]. */
export function parseTags(input: string): string[] {
  return input
    .split(/[\s,]+/)
    .map((tag) => tag.replace(/^#+/, ""))
    .filter(Boolean);
}

export function formatTags(tags: string[]): string {
  return tags.map((tag) => `#${tag}`).join(" ");
}
