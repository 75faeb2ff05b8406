import { describe, expect, it } from "vitest";
import { countPhrase, isAtWork, type ImportStatus } from "@/app/admin/import/_components/import-status";

describe("the import report's words", () => {
  it("counts each kind as people say it, naming unknown kinds from their key", () => {
    expect(countPhrase("comments", 2, "loomio")).toBe("2 comments");
    expect(countPhrase("users", 1, "loomio")).toBe("1 person");
    expect(countPhrase("users", 1200, "hearth")).toBe("1,200 people");
    expect(countPhrase("stanceChoices", 1, "loomio")).toBe("1 stance choice");
    expect(countPhrase("stanceChoices", 3, "loomio")).toBe("3 stance choices");
  });

  it("says that a Loomio attachment is a name only, and a Hearth one a file", () => {
    expect(countPhrase("attachments", 2, "loomio")).toBe("2 attachments not migrated (names only)");
    expect(countPhrase("attachments", 2, "hearth")).toBe("2 attached files");
  });

  it("asks again only while the server is at work on a run", () => {
    const all: ImportStatus[] = ["uploaded", "checking", "checked", "importing", "imported", "failed"];
    expect(all.filter(isAtWork)).toEqual([
      "uploaded",
      "checking",
      "importing",
    ]);
  });
});
