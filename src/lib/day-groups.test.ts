import { describe, expect, it } from "vitest";
import { dayLabel, groupByDay } from "@/lib/day-groups";

const now = new Date(2026, 10, 26, 9, 30);

describe("dayLabel", () => {
  it("says Today and Yesterday by calendar day, not by 24 hours", () => {
    expect(dayLabel(new Date(2026, 10, 26, 0, 5), now)).toBe("Today");
    expect(dayLabel(new Date(2026, 10, 25, 23, 59), now)).toBe("Yesterday");
    expect(dayLabel(new Date(2026, 10, 24, 23, 59), now)).toBe("Tuesday 24 November");
  });

  it("crosses months and years, adding the year only when it differs", () => {
    const newYear = new Date(2027, 0, 1, 8);
    expect(dayLabel(new Date(2026, 11, 31, 22), newYear)).toBe("Yesterday");
    expect(dayLabel(new Date(2026, 11, 30, 22), newYear)).toBe("Wednesday, 30 December 2026");
  });
});

describe("groupByDay", () => {
  it("keeps the order and starts a new group on each new day", () => {
    const items = [
      { id: "a", createdAt: new Date(2026, 10, 26, 9) },
      { id: "b", createdAt: new Date(2026, 10, 26, 1) },
      { id: "c", createdAt: new Date(2026, 10, 25, 18) },
      { id: "d", createdAt: new Date(2026, 10, 20, 12) },
    ];
    expect(groupByDay(items, now).map(({ label, items: grouped }) => [label, grouped.map(({ id }) => id)])).toEqual([
      ["Today", ["a", "b"]],
      ["Yesterday", ["c"]],
      ["Friday 20 November", ["d"]],
    ]);
    expect(groupByDay([], now)).toEqual([]);
  });
});
