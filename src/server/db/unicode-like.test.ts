import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { foldCaseInLike } from "@/server/db/unicode-like";

function database() {
  const db = new Database(":memory:");
  foldCaseInLike(db);
  return db;
}

const like = (db: Database.Database, value: string | null, pattern: string | null, escape?: string) =>
  (escape === undefined
    ? db.prepare("SELECT ? LIKE ? AS matched").get(value, pattern)
    : db.prepare("SELECT ? LIKE ? ESCAPE ? AS matched").get(value, pattern, escape)) as { matched: number | null };

describe("LIKE ignoring case in every language", () => {
  it("ignores case beyond ASCII", () => {
    const db = database();
    expect(like(db, "Élodie Durand", "%élodie%").matched).toBe(1);
    expect(like(db, "ΣΟΦΊΑ", "σοφία").matched).toBe(1);
    expect(like(db, "Ирина", "ИРИНА").matched).toBe(1);
    expect(like(db, "Elodie", "élodie").matched).toBe(0);
  });

  it("takes every other printable character literally, and % and _ as wildcards", () => {
    const db = database();
    for (let code = 0x20; code < 0x7f; code += 1) {
      const character = String.fromCharCode(code);
      if (character === "%" || character === "_" || character === "\\") continue;
      expect(like(db, `a${character}b`, `A${character}%`).matched, `"${character}"`).toBe(1);
      expect(like(db, "a\u0001b", `A${character}b`).matched, `"${character}"`).toBe(0);
    }
    expect(like(db, "anything", "%").matched).toBe(1);
    expect(like(db, "ab", "a_").matched).toBe(1);
    expect(like(db, "a😀", "a_").matched).toBe(1);
    expect(like(db, "abc", "a_").matched).toBe(0);
  });

  it("escapes with a backslash by default, as PostgreSQL does, or with the ESCAPE clause's character", () => {
    const db = database();
    expect(like(db, "100% ready", "%100\\%%").matched).toBe(1);
    expect(like(db, "100 ready", "%100\\%%").matched).toBe(0);
    expect(like(db, "a_b", "a\\_b").matched).toBe(1);
    expect(like(db, "axb", "a\\_b").matched).toBe(0);
    expect(like(db, "back\\slash", "%\\\\%").matched).toBe(1);
    expect(like(db, "100% ready", "%100!%%", "!").matched).toBe(1);
    expect(like(db, null, "%").matched).toBeNull();
    expect(like(db, "a", null).matched).toBeNull();
  });
});
