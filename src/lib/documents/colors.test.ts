import { describe, expect, it } from "vitest";
import { colorFor, distinctColors } from "@/lib/documents/colors";

/** `count` user ids whose own colours are all the same one. */
function sharingOneColor(count: number): string[] {
  const ids = Array.from({ length: 2000 }, (_, index) => `user-${index}`);
  const color = colorFor(ids[0]!);
  return ids.filter((id) => colorFor(id) === color).slice(0, count);
}

describe("distinctColors", () => {
  it("gives up to eight people whose own colours coincide eight different colours, the first keeping theirs", () => {
    const ids = sharingOneColor(9);
    const colors = distinctColors(ids.slice(0, 8));
    expect(new Set(colors.values()).size).toBe(8);
    expect(colors.get(ids[0]!)).toBe(colorFor(ids[0]!));
    // A ninth can only repeat one.
    expect(new Set(distinctColors(ids).values()).size).toBe(8);
  });

  it("keeps each person's own colour (their cursor's) when nobody before them has it", () => {
    const ids = Array.from({ length: 40 }, (_, index) => `person-${index}`);
    const first = ids[0]!;
    const other = ids.find((id) => colorFor(id) !== colorFor(first))!;
    expect(distinctColors([first, other])).toEqual(new Map([[first, colorFor(first)], [other, colorFor(other)]]));
  });
});
