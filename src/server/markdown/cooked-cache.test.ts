import { describe, expect, it } from "vitest";
import { CookedCache } from "@/server/markdown/cooked-cache";

describe("CookedCache", () => {
  it("stays within its bound when filled past it, dropping the least recently used first", () => {
    const cache = new CookedCache(1_000);
    for (let index = 0; index < 100; index += 1) {
      cache.set(`key-${index}`, "x".repeat(90 + (index % 7)));
      expect(cache.length).toBeLessThanOrEqual(1_000);
    }
    expect(cache.get("key-99")).toBeDefined();
    expect(cache.get("key-0")).toBeUndefined();
    // Reading an entry makes it the most recently used, so the next additions evict others.
    const survivor = "key-92";
    expect(cache.get(survivor)).toBeDefined();
    for (let index = 100; index < 105; index += 1) cache.set(`key-${index}`, "y".repeat(100));
    expect(cache.get(survivor)).toBeDefined();
    expect(cache.get("key-93")).toBeUndefined();
    expect(cache.length).toBeLessThanOrEqual(1_000);
  });

  it("counts keys and values, replaces an entry without counting it twice, and keeps nothing larger than the bound", () => {
    const cache = new CookedCache(100);
    cache.set("k", "a".repeat(40));
    cache.set("k", "b".repeat(50));
    expect(cache.length).toBe(51);
    expect(cache.get("k")).toBe("b".repeat(50));

    cache.set("huge", "c".repeat(200));
    expect(cache.get("huge")).toBeUndefined();
    expect(cache.get("k")).toBe("b".repeat(50));
  });
});
