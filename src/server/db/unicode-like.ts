import type { Database } from "better-sqlite3";

/** Compiled patterns, so a search compiles its pattern once rather than once per row. */
const MAX_CACHED_PATTERNS = 500;
const compiled = new Map<string, RegExp>();

const escapeForRegExp = (character: string) => character.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");

/** SQLite's LIKE pattern (`%` any run, `_` one character, an optional escape character) as a regular expression. */
function likePattern(pattern: string, escape: string | null): RegExp {
  const key = `${escape ?? ""}\u0000${pattern}`;
  let regExp = compiled.get(key);
  if (!regExp) {
    let source = "";
    const characters = Array.from(pattern);
    for (let index = 0; index < characters.length; index += 1) {
      const character = characters[index]!;
      if (escape !== null && character === escape && index + 1 < characters.length) source += escapeForRegExp(characters[++index]!);
      else if (character === "%") source += "[\\s\\S]*";
      else if (character === "_") source += "[\\s\\S]";
      else source += escapeForRegExp(character);
    }
    // `iu`: case-insensitive with Unicode case folding, so É matches é and Σ matches σ and ς.
    regExp = new RegExp(`^${source}$`, "iu");
    if (compiled.size >= MAX_CACHED_PATTERNS) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, regExp);
  }
  return regExp;
}

function like(pattern: unknown, value: unknown, escape: unknown = null): 0 | 1 | null {
  if (pattern === null || value === null) return null;
  const escapeCharacter = typeof escape === "string" && Array.from(escape).length === 1 ? escape : null;
  return likePattern(String(pattern), escapeCharacter).test(String(value)) ? 1 : 0;
}

/**
 * SQLite's own LIKE ignores the case of ASCII letters only, so "élodie" would not find "Élodie".
 * SQLite lets an application replace LIKE (https://sqlite.org/lang_expr.html#like); this one
 * ignores case for every script, as PostgreSQL's ILIKE does, and like PostgreSQL's LIKE takes a
 * backslash as its escape character when no ESCAPE clause names one (Prisma writes none).
 */
export function foldCaseInLike(database: Database): void {
  database.function("like", { deterministic: true }, (pattern: unknown, value: unknown) => like(pattern, value, "\\"));
  database.function("like", { deterministic: true }, (pattern: unknown, value: unknown, escape: unknown) => like(pattern, value, escape));
}
