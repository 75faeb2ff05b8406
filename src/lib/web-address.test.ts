import { describe, expect, it } from "vitest";
import { isWebScheme, parseWebAddress, schemeOf } from "@/lib/web-address";

describe("web addresses", () => {
  it("reads the scheme people typed, whatever its case", () => {
    expect(schemeOf("JavaScript:alert(1)")).toBe("javascript");
    expect(schemeOf("https://example.org")).toBe("https");
    expect(schemeOf("example.org/page")).toBeNull();
  });

  it("accepts only http and https", () => {
    expect(isWebScheme("https")).toBe(true);
    expect(isWebScheme("http")).toBe(true);
    expect(isWebScheme("data")).toBe(false);
  });

  it("parses http(s) addresses with a host and nothing else", () => {
    expect(parseWebAddress("https://meet.example.org/room")?.hostname).toBe("meet.example.org");
    expect(parseWebAddress("javascript:alert(1)")).toBeNull();
    expect(parseWebAddress("file:///etc/passwd")).toBeNull();
    expect(parseWebAddress("not a url")).toBeNull();
  });
});
