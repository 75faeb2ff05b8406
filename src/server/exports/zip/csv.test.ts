import { describe, expect, it } from "vitest";
import { csvRow, toCsvCell } from "@/server/exports/zip/csv";

describe("CSV cells", () => {
  it("quote only what needs quoting, doubling quotes, as RFC 4180 says", () => {
    expect(toCsvCell("plain words")).toBe("plain words");
    expect(toCsvCell("tea, cake")).toBe('"tea, cake"');
    expect(toCsvCell('she said "yes"')).toBe('"she said ""yes"""');
    expect(toCsvCell("two\nlines")).toBe('"two\nlines"');
    expect(toCsvCell("carriage\r\nreturn")).toBe('"carriage\r\nreturn"');
  });

  it("defuse anything a spreadsheet would run as a formula", () => {
    expect(toCsvCell("=HYPERLINK(\"http://evil.example\",\"click\")")).toBe(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(toCsvCell("+1+2")).toBe("'+1+2");
    expect(toCsvCell("-2+3")).toBe("'-2+3");
    expect(toCsvCell("@SUM(A1:A9)")).toBe("'@SUM(A1:A9)");
    expect(toCsvCell("\t=1")).toBe("'\t=1");
    expect(toCsvCell("a = b")).toBe("a = b");
  });

  it("write numbers as numbers (a negative score is not a formula), booleans as yes/no, times in UTC and nothing as empty", () => {
    expect(toCsvCell(-2)).toBe("-2");
    expect(toCsvCell(3.5)).toBe("3.5");
    expect(toCsvCell(true)).toBe("yes");
    expect(toCsvCell(false)).toBe("no");
    expect(toCsvCell(new Date("2026-03-04T14:05:00.000Z"))).toBe("2026-03-04T14:05:00.000Z");
    expect(toCsvCell(null)).toBe("");
    expect(toCsvCell(undefined)).toBe("");
  });

  it("end every record with CRLF", () => {
    expect(csvRow(["a", "b,c", null, 1])).toBe('a,"b,c",,1\r\n');
  });
});
