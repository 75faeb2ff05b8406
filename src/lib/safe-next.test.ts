import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/safe-next";

describe("safeNextPath", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    expect(safeNextPath("/invitations/abc")).toBe("/invitations/abc");
    expect(safeNextPath("/")).toBe("/");
    expect(safeNextPath("/threads/t1?focus=c2#c2")).toBe("/threads/t1?focus=c2#c2");
    expect(safeNextPath("/search?q=%2F%2Fevil")).toBe("/search?q=%2F%2Fevil");
  });

  it("refuses other sites however they are written", () => {
    const payloads = [
      "//evil.example",
      "///evil.example",
      "/\\evil.example",
      "\\/evil.example",
      "/\\/evil.example",
      "https://evil.example",
      "http:evil.example",
      "https:/evil.example",
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "evil.example",
      " /\t/evil.example",
    ];
    for (const value of payloads) expect(safeNextPath(value), value).toBe("/");
  });

  it("refuses control characters, which browsers drop from addresses (so /<tab>/host is //host)", () => {
    // What `?next=/%09/evil.example` or `?next=/%0a/evil.example` decodes to.
    for (const value of ["/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "/\u0000/evil.example", "/a\u007fb", "/\u0085x"]) {
      expect(safeNextPath(value), JSON.stringify(value)).toBe("/");
    }
  });

  it("keeps escaped slashes as a path on this site, never another host", () => {
    // `?next=/%252F/evil.example` decodes once, to this; it stays a path here.
    expect(safeNextPath("/%2F/evil.example")).toBe("/%2F/evil.example");
    expect(safeNextPath("/%5C/evil.example")).toBe("/%5C/evil.example");
    expect(new URL(safeNextPath("/%2F/evil.example"), "https://hearth.example").host).toBe("hearth.example");
  });

  it("refuses anything that is not a single path", () => {
    for (const value of ["", undefined, ["/a", "/b"]]) expect(safeNextPath(value)).toBe("/");
  });
});
