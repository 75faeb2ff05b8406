import { describe, expect, it } from "vitest";
import { samplePdf } from "@/server/bootstrap/demo-resources";
import { extractFileText, FileTextError } from "@/server/search/file-text";
import { FILE_TEXT_LIMITS, readFileTextInWorker } from "@/server/search/file-text-reader";
import { ODT, pdfOfBlankStream, pdfOfRuns, sampleDocx, sampleOdt, WORD, zipBomb } from "@/server/search/test-files";

const PDF = "application/pdf";

/** What `read` settles to, and the longest this thread went without running a timer meanwhile. */
async function watchThisThread<T>(read: () => Promise<T>) {
  let last = performance.now();
  let longestStallMs = 0;
  const tick = () => {
    const now = performance.now();
    longestStallMs = Math.max(longestStallMs, now - last);
    last = now;
  };
  const timer = setInterval(tick, 5);
  try {
    return { result: await read().catch((error: unknown) => error), longestStallMs };
  } finally {
    clearInterval(timer);
    tick();
  }
}

describe("reading files' text on a worker thread", () => {
  it("gives the text that reading on this thread gives, and the same reasons for refusing a file", async () => {
    const files: [Uint8Array, string][] = [
      [samplePdf("Terms of reference", ["The steering group meets monthly.", "Quorum: (five) members"]), PDF],
      [sampleDocx([["Budget ", "for 2026"], ["Caf\u00e9 & <tea>"]]), WORD],
      [sampleOdt("Annual report", ["Volunteers gave 1,200 hours."]), ODT],
      [new TextEncoder().encode("# Notes\n\nWalk to the quarry."), "text/markdown; charset=utf-8"],
    ];
    for (const [bytes, contentType] of files) {
      const expected = await extractFileText(bytes, contentType, FILE_TEXT_LIMITS);
      expect(expected).not.toBe("");
      expect(await readFileTextInWorker(bytes, contentType)).toBe(expected);
    }
    const refused = await readFileTextInWorker(zipBomb("word/document.xml", 8 * 1024 * 1024), WORD, { ...FILE_TEXT_LIMITS, maxUnzippedBytes: 1024 * 1024 }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(FileTextError);
    expect(refused).toHaveProperty("message", "word/document.xml unpacks to more than 1048576 bytes");
  });

  it("stops a file that takes longer than the limit while this thread keeps running, then reads the next file", async () => {
    expect(await readFileTextInWorker(samplePdf("Warm", ["up"]), PDF)).toBe("Warm\nup");
    // Parsed on this thread, this file held it for seconds, past any time limit.
    const slow = pdfOfRuns(400_000);
    const started = performance.now();
    let stoppedAfterMs = Infinity;
    const { result, longestStallMs } = await watchThisThread(() =>
      Promise.allSettled([
        readFileTextInWorker(slow, PDF, { ...FILE_TEXT_LIMITS, timeoutMs: 500 }).finally(() => (stoppedAfterMs = performance.now() - started)),
        readFileTextInWorker(samplePdf("Next", ["file"]), PDF),
      ]),
    );
    expect(result).toEqual([
      { status: "rejected", reason: expect.objectContaining({ message: expect.stringMatching(/took longer than 500 ms$/) }) },
      { status: "fulfilled", value: "Next\nfile" },
    ]);
    expect((result as PromiseSettledResult<string>[])[0]).toHaveProperty("reason", expect.any(FileTextError));
    expect(stoppedAfterMs).toBeLessThan(2_500);
    expect(longestStallMs).toBeLessThan(250);
    expect(slow.byteLength).toBe(0);
  });

  it("refuses a file that needs more heap than the reader has, then reads the next file", async () => {
    const refused = await readFileTextInWorker(pdfOfRuns(150_000), PDF, { ...FILE_TEXT_LIMITS, maxHeapMb: 64, timeoutMs: 60_000 }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(FileTextError);
    expect(refused).toHaveProperty("message", "reading the file needed more than 64 MB of heap");
    expect(await readFileTextInWorker(sampleDocx([["Still ", "reading"]]), WORD)).toBe("Still reading");
  }, 60_000);

  it("refuses a file whose decoded streams grow the process past the limit, outside any heap, then reads the next file", async () => {
    expect(await readFileTextInWorker(samplePdf("Warm", ["up"]), PDF)).toBe("Warm\nup");
    const bomb = await pdfOfBlankStream(512 * 1024 * 1024, "hidden");
    expect(bomb.length).toBeLessThan(4 * 1024 * 1024);
    const refused = await readFileTextInWorker(bomb, PDF, { ...FILE_TEXT_LIMITS, maxMemoryGrowthMb: 128 }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(FileTextError);
    expect(refused).toHaveProperty("message", "reading the file took more than 128 MB of memory");
    expect(await readFileTextInWorker(sampleOdt("Still", ["reading"]), ODT)).toBe("Still\nreading");
  }, 60_000);
});
