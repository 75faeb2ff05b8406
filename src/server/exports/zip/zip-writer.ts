import { PassThrough, type Readable } from "node:stream";
import { finished } from "node:stream/promises";
import { ZipFile } from "yazl";
import { logger } from "@/server/logger";

type EntryOptions = { mtime?: Date; compress?: boolean };

/**
 * A ZIP written while it is downloaded. Entries are produced one after the other, each only once
 * the zip has taken the whole of the one before, and every write waits for the reader (see
 * writeChunk): memory stays at a page of rows and a stream buffer, whatever the group's size.
 * When the download stops early, `signal` aborts and the entry being written fails, so the
 * producer stops reading the database.
 */
export class ZipWriter {
  private readonly zip = new ZipFile();
  private readonly controller = new AbortController();
  /** The zip's bytes, for the response. */
  readonly output: Readable;
  readonly signal = this.controller.signal;
  private ended = false;

  constructor() {
    this.output = this.zip.outputStream as Readable;
    this.output.once("close", () => {
      if (!this.ended) this.controller.abort(new Error("The download stopped before the export was complete."));
    });
    this.zip.on("error", (error: Error) => this.fail(error));
  }

  /** Adds an entry whose content `write` produces, and resolves once the zip has taken all of it. */
  async add(name: string, write: (out: NodeJS.WritableStream) => Promise<unknown>, options: EntryOptions = {}): Promise<void> {
    this.signal.throwIfAborted();
    const entry = new PassThrough();
    // Closed, not failed: the writer and `finished` below see the premature close and stop.
    const stop = () => entry.destroy();
    this.signal.addEventListener("abort", stop, { once: true });
    try {
      this.zip.addReadStream(entry, name, options);
      await write(entry);
      entry.end();
      await finished(entry);
    } finally {
      this.signal.removeEventListener("abort", stop);
    }
  }

  /** Adds an entry read from a stream (a stored file), and resolves once the zip has taken all of it. */
  async addStream(name: string, stream: Readable, options: EntryOptions = {}): Promise<void> {
    const stop = () => stream.destroy();
    if (this.signal.aborted) stop();
    this.signal.throwIfAborted();
    this.signal.addEventListener("abort", stop, { once: true });
    try {
      this.zip.addReadStream(stream, name, options);
      await finished(stream);
    } finally {
      this.signal.removeEventListener("abort", stop);
    }
  }

  /** Writes the central directory: the download is complete once the reader has it. */
  end(): void {
    this.ended = true;
    this.zip.end();
  }

  /**
   * Stops the download after a failure. The headers have gone out already, so the reader sees a
   * broken download rather than a message; the log says what happened.
   */
  fail(error: unknown): void {
    if (!this.signal.aborted) {
      logger.error({ err: error }, "group export failed");
      this.controller.abort(error);
    }
    this.output.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}
