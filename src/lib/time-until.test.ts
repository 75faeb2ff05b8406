import { describe, expect, it } from "vitest";
import { formatTimeUntil } from "@/lib/time-until";

const now = new Date("2026-03-10T12:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe("formatTimeUntil", () => {
  it("says minutes, hours, then rounded days", () => {
    expect(formatTimeUntil(later(20_000), now)).toBe("in under a minute");
    expect(formatTimeUntil(later(-5 * MINUTE), now)).toBe("in under a minute");
    expect(formatTimeUntil(later(5 * MINUTE), now)).toBe("in 5 minutes");
    expect(formatTimeUntil(later(3 * HOUR + 10 * MINUTE), now)).toBe("in 3 hours");
    expect(formatTimeUntil(later(25 * HOUR), now)).toBe("tomorrow");
    expect(formatTimeUntil(later(47 * HOUR), now)).toBe("in 2 days");
    expect(formatTimeUntil(later(10 * 24 * HOUR), now)).toBe("in 10 days");
  });
});
