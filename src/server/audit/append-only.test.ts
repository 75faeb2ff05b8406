import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The audit trail is append-only because no code can change it: no Prisma call that updates or
 * deletes entries, and no raw SQL that does. (Entries go only with their group, by the cascade.)
 */
const CHANGES_ENTRIES = [
  /auditEntry\s*\??\.\s*(update|updateMany|updateManyAndReturn|upsert|delete|deleteMany)\b/,
  /\b(update|delete\s+from)\s+["`]?AuditEntry["`]?/i,
];

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return full === path.join("src", "generated") ? [] : sourceFiles(full);
    return /\.(ts|tsx|mts|js|mjs)$/.test(entry.name) ? [full] : [];
  });
}

const offences = (text: string) => CHANGES_ENTRIES.filter((pattern) => pattern.test(text)).map(String);

describe("the audit trail", () => {
  it("has no update or delete path anywhere under src/ (generated code aside)", () => {
    const found = sourceFiles("src").flatMap((file) => (offences(readFileSync(file, "utf8")).length ? [file] : []));
    expect(found).toEqual([]);
  });

  it("would notice one", () => {
    // Joined here so that this file does not contain what it looks for.
    for (const call of ["update", "updateMany", "upsert", "delete", "deleteMany"]) {
      expect(offences(`await tx.${["auditEntry", call].join(".")}({ where: { id } });`)).not.toEqual([]);
    }
    expect(offences(`db.$executeRaw\`${["DELETE FROM", '"AuditEntry"'].join(" ")} WHERE 1\``)).not.toEqual([]);
    expect(offences("await tx.auditEntry.createMany({ data });")).toEqual([]);
  });
});
