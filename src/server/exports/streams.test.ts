import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { paged, writeChunk } from "@/server/exports/streams";

/** A stream that holds at most 4 bytes until someone reads it. */
const narrow = () => new PassThrough({ highWaterMark: 4 });

async function settled(promise: Promise<unknown>): Promise<"resolved" | "rejected" | "pending"> {
  const marker = Symbol("pending");
  const result = await Promise.race([promise.then(() => "resolved" as const, () => "rejected" as const), new Promise((resolve) => setImmediate(() => resolve(marker)))]);
  return result === marker ? "pending" : (result as "resolved" | "rejected");
}

describe("writing an export", () => {
  it("waits while the reader is behind, and goes on once it has read", async () => {
    const out = narrow();
    const write = writeChunk(out, "more than four bytes");
    expect(await settled(write)).toBe("pending");
    out.read();
    await expect(write).resolves.toBeUndefined();
  });

  it("stops waiting when the download is cancelled or closed, instead of waiting for ever", async () => {
    const cancelled = new AbortController();
    const first = writeChunk(narrow(), "more than four bytes", cancelled.signal);
    cancelled.abort(new Error("cancelled"));
    await expect(first).rejects.toThrow("cancelled");

    const out = narrow();
    const second = writeChunk(out, "more than four bytes");
    out.destroy();
    await expect(second).rejects.toThrow("closed before it was complete");
    await expect(writeChunk(out, "again")).rejects.toThrow("closed before it was complete");
  });

  it("reads every row page by page, each page after the last row of the one before", async () => {
    const rows = Array.from({ length: 7 }, (_, index) => ({ id: String(index).padStart(2, "0") }));
    const asked: (string | undefined)[] = [];
    const all: string[] = [];
    const load = async (last: { id: string } | undefined, take: number) => {
      asked.push(last?.id);
      return rows.filter((row) => !last || row.id > last.id).slice(0, take);
    };
    for await (const row of paged(load, 3)) all.push(row.id);
    expect(all).toEqual(rows.map(({ id }) => id));
    expect(asked).toEqual([undefined, "02", "05"]);
  });
});
