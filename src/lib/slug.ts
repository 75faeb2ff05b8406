export const HANDLE_MIN = 2;
export const HANDLE_MAX = 40;

/** Lowercase letters, digits and single hyphens inside: safe in a URL and easy to read aloud. */
export const HANDLE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A handle made from a name: accents dropped, anything else that is not a letter or digit
 * becomes one hyphen. May be shorter than HANDLE_MIN (a name in another script), so callers
 * need a fallback.
 */
export function slugify(name: string, maxLength = HANDLE_MAX): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, maxLength)
    .replace(/^-+|-+$/g, "");
}

/**
 * The first of `base`, `base-2`, `base-3`… not in `taken`, trimmed so the suffix fits in
 * HANDLE_MAX characters.
 */
export function firstFreeHandle(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, HANDLE_MAX - suffix.length).replace(/-+$/, "")}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
