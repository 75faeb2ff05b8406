import { describe, expect, it } from "vitest";
import { parseByteRange } from "@/server/files/byte-range";

describe("parseByteRange", () => {
  it.each([
    ["bytes=0-99", { start: 0, end: 99 }],
    ["bytes=900-", { start: 900, end: 999 }],
    ["bytes=-100", { start: 900, end: 999 }],
    ["bytes=-5000", { start: 0, end: 999 }],
    ["bytes=500-5000", { start: 500, end: 999 }],
  ])("reads %s of a 1,000-byte file", (header, range) => {
    expect(parseByteRange(header, 1000)).toEqual(range);
  });

  it.each([null, "", "bytes=-", "bytes=0-9,20-29", "items=0-9", "bytes=9-0"])("sends the whole file for %s", (header) => {
    expect(parseByteRange(header, 1000)).toBeNull();
  });

  it.each(["bytes=1000-", "bytes=5000-6000", "bytes=-0"])("cannot satisfy %s", (header) => {
    expect(parseByteRange(header, 1000)).toBe("unsatisfiable");
  });
});
