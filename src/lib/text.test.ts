import { describe, expect, it } from "vitest";
import { plainExcerpt, truncate } from "@/lib/text";

describe("truncate", () => {
  it("keeps short text as it is, trimmed", () => {
    expect(truncate("  Hospice nurse  ", 280)).toBe("Hospice nurse");
  });

  it("cuts at a word boundary and marks the cut", () => {
    expect(truncate("Volunteer coordinator at the hospice", 24)).toBe("Volunteer coordinator…");
  });

  it("cuts inside a long word when there is no boundary near the end", () => {
    const result = truncate("a".repeat(50), 10);
    expect(result).toBe(`${"a".repeat(9)}…`);
  });
});

describe("plainExcerpt", () => {
  it("drops markdown markup and link targets", () => {
    expect(plainExcerpt("## Aims\n\nWe **care** for [Bath](https://example.org).", 100)).toBe("Aims We care for Bath.");
  });
});
