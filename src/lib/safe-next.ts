/** Any base works: only whether `next` stays on it matters, and the base never reaches the answer. */
const BASE = "http://hearth.invalid";

/**
 * Where to send someone after signing in, taken from the address bar: only a path on this site.
 * `next` is resolved the way a browser would resolve it against this site, and kept only when it
 * stays on the same origin. That refuses `//host`, `/\host`, `https://host` and `javascript:`,
 * and also `/<tab>/host`, which browsers read as `//host` because they drop tabs and newlines
 * from addresses: any control character or backslash refuses `next` outright.
 */
export function safeNextPath(value: string | string[] | undefined): string {
  if (typeof value !== "string" || !value.startsWith("/")) return "/";
  if (/[\u0000-\u001f\u007f-\u009f\\]/.test(value)) return "/";
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
