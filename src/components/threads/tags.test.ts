import { describe, expect, it } from "vitest";
import { formatTags, parseTags } from "@/components/threads/tags";

describe("tags", () => {
  it("splits on spaces and commas and drops the #", () => {
    expect(parseTags(" #budget, #CompassionateCommunity  events,,")).toEqual(["budget", "CompassionateCommunity", "events"]);
    expect(parseTags("   ")).toEqual([]);
  });

  it("formats back to what people type", () => {
    expect(formatTags(["budget", "CompassionateCommunity"])).toBe("#budget #CompassionateCommunity");
    expect(parseTags(formatTags(["a-b", "c_d"]))).toEqual(["a-b", "c_d"]);
  });
});
