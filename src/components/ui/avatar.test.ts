import { describe, expect, it } from "vitest";
import { colourFor, initialsOf } from "@/components/ui/avatar";

describe("initialsOf", () => {
  it("takes the first letters of the first and last names", () => {
    expect(initialsOf("Priya Shah")).toBe("PS");
    expect(initialsOf("  maria de la cruz ")).toBe("MC");
    expect(initialsOf("Ólafur")).toBe("Ó");
    expect(initialsOf("")).toBe("?");
  });
});

describe("colourFor", () => {
  it("gives the same person the same colour, and spreads people over the palette", () => {
    expect(colourFor("user-1")).toBe(colourFor("user-1"));
    const colours = new Set(Array.from({ length: 50 }, (_, index) => colourFor(`user-${index}`)));
    expect(colours.size).toBeGreaterThan(5);
  });
});
