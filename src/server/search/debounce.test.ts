import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Debouncer } from "@/server/search/debounce";

describe("Debouncer", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("runs once a key rests, with its latest value, not on every schedule", async () => {
    const runs: [string, number][] = [];
    const debouncer = new Debouncer<number>(3_000, 30_000, async (key, value) => void runs.push([key, value]));
    for (let i = 1; i <= 5; i += 1) {
      debouncer.schedule("doc", i);
      await vi.advanceTimersByTimeAsync(1_000);
    }
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(runs).toEqual([["doc", 5]]);
  });

  it("runs at the longest wait while the key keeps being scheduled, then waits for the next rest", async () => {
    const runs: number[] = [];
    const debouncer = new Debouncer<number>(3_000, 10_000, async (_key, value) => void runs.push(value));
    for (let second = 0; second < 15; second += 1) {
      debouncer.schedule("doc", second);
      await vi.advanceTimersByTimeAsync(1_000);
    }
    expect(runs).toEqual([9]);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(runs).toEqual([9, 14]);
  });

  it("keeps keys apart, and flushes one or all at once", async () => {
    const runs: string[] = [];
    const debouncer = new Debouncer<null>(3_000, 30_000, async (key) => void runs.push(key));
    debouncer.schedule("a", null);
    debouncer.schedule("b", null);
    debouncer.schedule("c", null);
    await debouncer.flush("b");
    await debouncer.flush("missing");
    expect(runs).toEqual(["b"]);
    await debouncer.flushAll();
    expect(runs.sort()).toEqual(["a", "b", "c"]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs).toHaveLength(3);
  });
});
