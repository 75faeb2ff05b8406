/** The scheme an address starts with ("javascript" for "javascript:alert(1)"), lower-cased; null when it has none. */
export function schemeOf(value: string): string | null {
  return /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase() ?? null;
}

/** Web schemes are the only ones safe to show as links: javascript:, data: and the rest could run code. */
export function isWebScheme(scheme: string): boolean {
  return scheme === "http" || scheme === "https";
}

/** The address as a URL when it is an http(s) address with a host; null for anything else. */
export function parseWebAddress(value: string): URL | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  return isWebScheme(url.protocol.slice(0, -1)) && url.hostname !== "" ? url : null;
}
