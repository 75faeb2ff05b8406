import { describe, expect, it } from "vitest";
import { formatAbsolute, formatRelative } from "@/lib/relative-time";

const now = new Date(2026, 5, 15, 12, 0, 0);
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("formatRelative", () => {
  it("says just now for the last minute and for clocks slightly ahead", () => {
    expect(formatRelative(ago(10_000), now)).toBe("just now");
    expect(formatRelative(ago(-5_000), now)).toBe("just now");
  });

  it("counts minutes, hours and days", () => {
    expect(formatRelative(ago(60_000), now)).toBe("1 minute ago");
    expect(formatRelative(ago(5 * 60_000 + 30_000), now)).toBe("5 minutes ago");
    expect(formatRelative(ago(3 * 3_600_000 + 59 * 60_000), now)).toBe("3 hours ago");
    expect(formatRelative(ago(26 * 3_600_000), now)).toBe("yesterday");
    expect(formatRelative(ago(4 * 86_400_000), now)).toBe("4 days ago");
  });

  it("gives the date after a week, with the year only when it differs", () => {
    expect(formatRelative(new Date(2026, 2, 3, 9, 0), now)).toBe("3 March");
    expect(formatRelative(new Date(2025, 11, 24, 9, 0), now)).toBe("24 December 2025");
  });
});

describe("formatAbsolute", () => {
  it("names the day, month, year and time", () => {
    expect(formatAbsolute(new Date(2026, 2, 3, 9, 5))).toBe("3 March 2026 at 09:05");
  });
});
