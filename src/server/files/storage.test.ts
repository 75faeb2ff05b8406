import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { DEFAULT_UPLOAD_MAX_BYTES, localDiskStorage, uploadMaxBytes } from "@/server/files/storage";

const newRoot = () => mkdtempSync(path.join(tmpdir(), "hearth-storage-"));

describe("localDiskStorage", () => {
  it("stores content under its SHA-256, sharded by the first two hex characters, once per content", async () => {
    const root = newRoot();
    const storage = localDiskStorage(root);
    const content = "Minutes of the March meeting\n";
    const sha256 = createHash("sha256").update(content).digest("hex");

    const first = await storage.put(Readable.from([Buffer.from("Minutes of the "), Buffer.from("March meeting\n")]));
    const second = await storage.put(Readable.from([Buffer.from(content)]));

    expect(first).toEqual({ sha256, size: Buffer.byteLength(content) });
    expect(second).toEqual(first);
    expect(readdirSync(path.join(root, sha256.slice(0, 2)))).toEqual([sha256]);
    expect(readFileSync(path.join(root, sha256.slice(0, 2), sha256), "utf8")).toBe(content);
    expect(readdirSync(path.join(root, "tmp"))).toEqual([]);
    expect(await text(storage.open(sha256))).toBe(content);
  });

  it("removes the temp file when the stream fails, and removes stored content on request", async () => {
    const root = newRoot();
    const storage = localDiskStorage(root);
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1000, 1));
        this.destroy(new Error("connection lost"));
      },
    });
    await expect(storage.put(failing)).rejects.toThrow("connection lost");
    expect(readdirSync(path.join(root, "tmp"))).toEqual([]);

    const { sha256 } = await storage.put(Readable.from([Buffer.from("gone soon")]));
    await storage.remove(sha256);
    expect(readdirSync(path.join(root, sha256.slice(0, 2)))).toEqual([]);
    await expect(storage.remove(sha256)).resolves.toBeUndefined();
  });

  it("refuses anything but a SHA-256 as a name, so no path can escape the root", () => {
    expect(() => localDiskStorage(newRoot()).open("../../etc/passwd")).toThrow("Not a SHA-256 hash");
  });
});

describe("uploadMaxBytes", () => {
  it("defaults to 50 MB and reads whole numbers of bytes", () => {
    expect(uploadMaxBytes(undefined)).toBe(DEFAULT_UPLOAD_MAX_BYTES);
    expect(DEFAULT_UPLOAD_MAX_BYTES).toBe(52_428_800);
    expect(uploadMaxBytes(" ")).toBe(DEFAULT_UPLOAD_MAX_BYTES);
    expect(uploadMaxBytes("1048576")).toBe(1_048_576);
  });

  it.each(["0", "-5", "50MB", "1e6", "1.5", "99999999999999999999"])("refuses %s with a clear message", (value) => {
    expect(() => uploadMaxBytes(value)).toThrow("UPLOAD_MAX_BYTES must be a whole number of bytes");
  });
});
