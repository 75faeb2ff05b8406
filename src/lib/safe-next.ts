/**
 * Where to send someone after signing in, taken from the address bar: only a path on this site.
 * `//host` and `/\host` are refused because browsers treat them as other sites.
 */
export function safeNextPath(value: string | string[] | undefined): string {
  return typeof value === "string" && /^\/(?![/\\])/.test(value) ? value : "/";
}
