import { describe, expect, it } from "vitest";
import { firstFreeHandle, HANDLE_MAX, HANDLE_PATTERN, slugify } from "@/lib/slug";

describe("slugify", () => {
  it("turns a name into lowercase words joined by single hyphens", () => {
    expect(slugify("Bath & NE Somerset — Carers' Forum!")).toBe("bath-and-ne-somerset-carers-forum");
    expect(slugify("  Café Crème  ")).toBe("cafe-creme");
  });

  it("never ends in a hyphen after cutting to the maximum length", () => {
    const handle = slugify("word ".repeat(30));
    expect(handle.length).toBeLessThanOrEqual(HANDLE_MAX);
    expect(handle).toMatch(HANDLE_PATTERN);
  });

  it("gives an empty handle for a name with no Latin letters or digits", () => {
    expect(slugify("Группа")).toBe("");
  });
});

describe("firstFreeHandle", () => {
  it("adds the first free numeric suffix", () => {
    expect(firstFreeHandle("garden", new Set())).toBe("garden");
    expect(firstFreeHandle("garden", new Set(["garden", "garden-2"]))).toBe("garden-3");
  });

  it("keeps a suffixed handle within the maximum length", () => {
    const base = "a".repeat(HANDLE_MAX);
    const handle = firstFreeHandle(base, new Set([base]));
    expect(handle).toHaveLength(HANDLE_MAX);
    expect(handle.endsWith("-2")).toBe(true);
  });
});
