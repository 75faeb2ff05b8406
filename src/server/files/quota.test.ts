import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { ConfigError, resolveConfig } from "@/server/config";
import { getDb } from "@/server/db";
import { DEFAULT_UPLOAD_QUOTA_BYTES, uploadQuotaBytes } from "@/server/files/quota";
import { storeUpload } from "@/server/files/service";
import { getFileStorage, uploadMaxBytes } from "@/server/files/storage";
import { makeStoredFile, makeUser } from "@/server/test/factories";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
const QUOTA_MESSAGE = /^Your uploads would come to more than .*, the most Hearth keeps for one person \(you have .* stored\)\./;

let root: string;
beforeAll(() => {
  process.env.HEARTH_DATA_DIR = mkdtempSync(path.join(tmpdir(), "hearth-quota-"));
  root = path.join(process.env.HEARTH_DATA_DIR, "uploads");
});
const tempFiles = () => (existsSync(path.join(root, "tmp")) ? readdirSync(path.join(root, "tmp")) : []);
const rowsOf = (userId: string) => getDb().storedFile.count({ where: { uploadedById: userId } });
const upload = (userId: string, stream: Readable, quotaBytes: number) =>
  storeUpload(getDb(), userId, { filename: "minutes.pdf", stream }, getFileStorage(), uploadMaxBytes(), quotaBytes);

describe("the upload quota", () => {
  it("refuses someone already at their quota before reading the upload", async () => {
    const user = await makeUser();
    await makeStoredFile(user.id);
    await makeStoredFile(user.id);
    // Never sends a byte: only a refusal that does not wait for the upload can answer.
    const silent = Readable.from((async function* () {
      await new Promise(() => undefined);
      yield PDF;
    })());
    await expect(upload(user.id, silent, 10)).rejects.toThrow(QUOTA_MESSAGE);
    expect(await rowsOf(user.id)).toBe(2);
  });

  it("stops an upload as soon as it passes the room left, keeping nothing", async () => {
    const user = await makeUser();
    await makeStoredFile(user.id);
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    const endless = Readable.from((async function* () {
      yield PDF;
      for (let sent = 0; sent < 10; sent++) yield chunk;
      await new Promise(() => undefined);
    })());
    await expect(upload(user.id, endless, 200 * 1024)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^Your uploads would come to more than 200 KB, the most Hearth keeps for one person \(you have 5 bytes stored\)\./),
    });
    expect(tempFiles()).toEqual([]);
    expect(await rowsOf(user.id)).toBe(1);
  });

  it("counts uploads made at the same time together: only what fits is kept", async () => {
    const user = await makeUser();
    const outcomes = await Promise.allSettled([1, 2, 3].map(() => upload(user.id, Readable.from([PDF]), PDF.length * 2)));
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(2);
    const [refused] = outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [outcome.reason as Error] : []));
    expect(refused!.message).toMatch(QUOTA_MESSAGE);
    expect(await rowsOf(user.id)).toBe(2);
  });

  it("counts only the uploader's own files", async () => {
    const [user, other] = [await makeUser(), await makeUser()];
    await makeStoredFile(other.id);
    await expect(upload(user.id, Readable.from([PDF]), PDF.length)).resolves.toMatchObject({ size: PDF.length });
  });

  it("is 2 GB unless UPLOAD_QUOTA_BYTES says otherwise, and a typo stops start-up", () => {
    expect(uploadQuotaBytes(undefined)).toBe(DEFAULT_UPLOAD_QUOTA_BYTES);
    expect(DEFAULT_UPLOAD_QUOTA_BYTES).toBe(2 * 1024 ** 3);
    expect(uploadQuotaBytes(" 1048576 ")).toBe(1_048_576);
    const dataDir = mkdtempSync(path.join(tmpdir(), "hearth-quota-config-"));
    expect(() => resolveConfig({ HEARTH_DATA_DIR: dataDir, UPLOAD_QUOTA_BYTES: "2GB" })).toThrow(ConfigError);
    expect(() => resolveConfig({ HEARTH_DATA_DIR: dataDir, UPLOAD_QUOTA_BYTES: "2GB" })).toThrow(/UPLOAD_QUOTA_BYTES: must be a whole number of bytes/);
  });
});
