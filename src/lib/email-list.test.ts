import { describe, expect, it } from "vitest";
import { normaliseEmails, parseEmailList } from "@/lib/email-list";

describe("parseEmailList", () => {
  it("splits on commas, semicolons, spaces and new lines, lower-cases and removes repeats", () => {
    const pasted = " Ana@Example.org, ben@example.org;carla@example.org\n\n dev@example.org\tana@example.org ;; ";
    expect(parseEmailList(pasted)).toEqual(["ana@example.org", "ben@example.org", "carla@example.org", "dev@example.org"]);
  });

  it("keeps only the address of a copied 'Name <address>'", () => {
    expect(parseEmailList("Ana Lima <ana@example.org>, Ben Ruiz <BEN@example.org>")).toEqual([
      "ana@example.org",
      "ben@example.org",
    ]);
  });

  it("keeps a mistyped address so it can be reported", () => {
    expect(parseEmailList("ana.example.org ben@example.org")).toEqual(["ana.example.org", "ben@example.org"]);
  });

  it("gives nothing for blank input", () => {
    expect(parseEmailList("  \n , ; ")).toEqual([]);
  });
});

describe("normaliseEmails", () => {
  it("trims, lower-cases and keeps the first of each address", () => {
    expect(normaliseEmails([" B@x.org ", "a@x.org", "b@X.org", ""])).toEqual(["b@x.org", "a@x.org"]);
  });
});
