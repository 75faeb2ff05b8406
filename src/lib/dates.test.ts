import { describe, expect, it } from "vitest";
import { formatDay } from "@/lib/dates";

describe("formatDay", () => {
  it("reads a UTC-midnight day the same in every time zone, without a comma", () => {
    expect(formatDay(new Date("2026-12-10T00:00:00Z"))).toBe("Thu 10 Dec 2026");
    expect(formatDay(new Date("2027-01-01T00:00:00Z"))).toBe("Fri 1 Jan 2027");
  });
});
