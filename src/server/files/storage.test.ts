import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { buffer, text } from "node:stream/consumers";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveConfig } from "@/server/config";
import { getDb } from "@/server/db";
import { storeUpload } from "@/server/files/service";
import { makeUser } from "@/server/test/factories";
import { s3ConfigFromEnv, s3Storage, type S3Config } from "@/server/files/s3-storage";
import { DEFAULT_UPLOAD_MAX_BYTES, getFileStorage, localDiskStorage, storeContent, uploadMaxBytes, type FileStorage } from "@/server/files/storage";

const made: string[] = [];
const newDir = (prefix: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};

/** What a driver under test holds: the names of stored content, and whatever is left in its staging area. */
type Driver = { storage: FileStorage; stored(): Promise<string[]>; staging(): Promise<string[]> };

function localDriver(): Driver {
  const root = newDir("hearth-storage-");
  const list = (dir: string) => (existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()) : []);
  return {
    storage: localDiskStorage(root),
    stored: async () => list(root).filter((entry) => !entry.parentPath.endsWith("tmp")).map((entry) => entry.name).sort(),
    staging: async () => list(path.join(root, "tmp")).map((entry) => entry.name),
  };
}

/** A real S3 implementation (s3rver), in this process on a free port, with a fresh bucket per driver. */
let s3rver: { run(): Promise<{ port: number }>; close(): Promise<void> } | null = null;
let s3Endpoint = "";
let bucketCount = 0;
const S3_CONFIG = { region: "us-east-1", forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } };

async function s3Driver(): Promise<Driver> {
  const bucket = `hearth-${++bucketCount}`;
  const stagingDir = newDir("hearth-s3-staging-");
  const config: S3Config = { ...S3_CONFIG, bucket, endpoint: s3Endpoint };
  const client = new S3Client({ ...S3_CONFIG, endpoint: s3Endpoint });
  await fetch(`${s3Endpoint}/${bucket}`, { method: "PUT" });
  const keys = async () => ((await client.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map((object) => object.Key!).sort();
  return {
    storage: s3Storage(config, stagingDir),
    stored: keys,
    staging: async () => readdirSync(stagingDir),
  };
}

beforeAll(async () => {
  const server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: newDir("hearth-s3rver-") });
  const { port } = await server.run();
  s3rver = server;
  s3Endpoint = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await s3rver?.close();
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const sha256Of = (content: string | Buffer) => createHash("sha256").update(content).digest("hex");

/** The same behaviour from both drivers: whatever S3 offers must not change what Hearth relies on. */
describe.each([
  ["local disk", async () => localDriver()],
  ["S3", s3Driver],
])("%s storage", (_name, makeDriver) => {
  it("stores content once under its SHA-256, from a stream of any chunking, and reads it back", async () => {
    const driver = await makeDriver();
    const content = "Minutes of the March meeting\n";
    const sha256 = sha256Of(content);

    const first = await storeContent(driver.storage, Readable.from([Buffer.from("Minutes of the "), Buffer.from("March meeting\n")]));
    const second = await storeContent(driver.storage, Readable.from([Buffer.from(content)]));

    expect(first).toEqual({ sha256, size: Buffer.byteLength(content) });
    expect(second).toEqual(first);
    expect(await driver.stored()).toEqual([sha256]);
    expect(await driver.staging()).toEqual([]);
    expect(await text(await driver.storage.open(sha256))).toBe(content);
  });

  it("streams a 12 MB file in small chunks, and reads any range of it", async () => {
    const driver = await makeDriver();
    const content = Buffer.alloc(12 * 1024 * 1024);
    for (let index = 0; index < content.length; index += 4) content.writeUInt32BE(index, index);
    const chunks = Array.from({ length: 192 }, (_, index) => content.subarray(index * 65_536, (index + 1) * 65_536));

    const { sha256, size } = await storeContent(driver.storage, Readable.from(chunks));

    expect(sha256).toBe(sha256Of(content));
    expect(size).toBe(content.length);
    expect(await driver.staging()).toEqual([]);
    const whole = await buffer(await driver.storage.open(sha256));
    expect(whole.equals(content)).toBe(true);
    const middle = await buffer(await driver.storage.open(sha256, { start: 6_000_000, end: 6_000_015 }));
    expect(middle.equals(content.subarray(6_000_000, 6_000_016))).toBe(true);
  });

  it("leaves nothing behind when the stream fails after megabytes were sent", async () => {
    const driver = await makeDriver();
    let sent = 0;
    const failing = new Readable({
      read() {
        if (sent++ < 100) this.push(Buffer.alloc(100_000, sent));
        else this.destroy(new Error("connection lost"));
      },
    });
    await expect(driver.storage.stage(failing)).rejects.toThrow("connection lost");
    expect(await driver.staging()).toEqual([]);
    expect(await driver.stored()).toEqual([]);
  });

  it("stores nothing of an upload refused while streaming: over the limit after megabytes were sent, or an executable", async () => {
    const driver = await makeDriver();
    const user = await makeUser();
    const chunk = Buffer.alloc(256 * 1024, 0x41);
    const endless = Readable.from(
      (async function* () {
        yield Buffer.from("%PDF-1.4\n");
        for (let sent = 0; sent < 40; sent++) yield chunk;
        await new Promise(() => undefined);
      })(),
    );
    await expect(storeUpload(getDb(), user.id, { filename: "huge.pdf", stream: endless }, driver.storage, 6 * 1024 * 1024)).rejects.toThrow(
      "That file is larger than 6 MB, the most Hearth takes.",
    );
    const program = Readable.from([Buffer.concat([Buffer.from("MZ"), Buffer.alloc(20_000, 0x90)])]);
    await expect(storeUpload(getDb(), user.id, { filename: "minutes.pdf", stream: program }, driver.storage)).rejects.toThrow("is a program or script");
    expect(await driver.staging()).toEqual([]);
    expect(await driver.stored()).toEqual([]);
    expect(await getDb().storedFile.count({ where: { uploadedById: user.id } })).toBe(0);
  });

  it("keeps nothing until asked, and discards the staged copy", async () => {
    const driver = await makeDriver();
    const staged = await driver.storage.stage(Readable.from([Buffer.from("draft agenda")]));
    expect(await driver.stored()).toEqual([]);
    await staged.discard();
    await staged.discard();
    expect(await driver.staging()).toEqual([]);
    expect(await driver.stored()).toEqual([]);
  });

  it("removes stored content on request, without minding content that is already gone", async () => {
    const driver = await makeDriver();
    const { sha256 } = await storeContent(driver.storage, Readable.from([Buffer.from("gone soon")]));
    await driver.storage.remove(sha256);
    expect(await driver.stored()).toEqual([]);
    await expect(driver.storage.remove(sha256)).resolves.toBeUndefined();
    await expect(driver.storage.open(sha256)).rejects.toThrow();
  });

  it("refuses anything but a SHA-256 as a name, so no path or key can escape", async () => {
    const driver = await makeDriver();
    await expect(driver.storage.open("../../etc/passwd")).rejects.toThrow("Not a SHA-256 hash");
    await expect(driver.storage.remove("tmp/anything")).rejects.toThrow("Not a SHA-256 hash");
  });
});

describe("getFileStorage", () => {
  it("uses S3 when S3_BUCKET is set, and local disk under the data directory otherwise", async () => {
    const dataDir = newDir("hearth-data-");
    const local = getFileStorage({ HEARTH_DATA_DIR: dataDir });
    const { sha256 } = await storeContent(local, Readable.from([Buffer.from("on disk")]));
    expect(existsSync(path.join(dataDir, "uploads", sha256.slice(0, 2), sha256))).toBe(true);

    const bucket = "hearth-configured";
    await fetch(`${s3Endpoint}/${bucket}`, { method: "PUT" });
    const env = {
      HEARTH_DATA_DIR: dataDir,
      S3_BUCKET: bucket,
      S3_ENDPOINT: s3Endpoint,
      S3_FORCE_PATH_STYLE: "1",
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
    };
    const remote = getFileStorage(env);
    expect(getFileStorage(env)).toBe(remote);
    const stored = await storeContent(remote, Readable.from([Buffer.from("in the bucket")]));
    const client = new S3Client({ ...S3_CONFIG, endpoint: s3Endpoint });
    const keys = (await client.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents?.map((object) => object.Key);
    expect(keys).toEqual([stored.sha256]);
    expect(readdirSync(path.join(dataDir, "uploads", "tmp"))).toEqual([]);
  });

  it("reads the S3 variables, defaulting the region and path style", () => {
    expect(s3ConfigFromEnv({ S3_ENDPOINT: "http://minio:9000" })).toBeNull();
    expect(s3ConfigFromEnv({ S3_BUCKET: " files ", S3_FORCE_PATH_STYLE: "true", S3_ACCESS_KEY_ID: "id", S3_SECRET_ACCESS_KEY: "secret" })).toEqual({
      bucket: "files",
      region: "us-east-1",
      endpoint: null,
      forcePathStyle: true,
      credentials: { accessKeyId: "id", secretAccessKey: "secret" },
    });
    expect(s3ConfigFromEnv({ S3_BUCKET: "files", S3_REGION: "eu-central-1", S3_ENDPOINT: "" })).toMatchObject({
      region: "eu-central-1",
      endpoint: null,
      forcePathStyle: false,
      credentials: null,
    });
  });
});

describe("S3 configuration at start-up", () => {
  const start = (env: Record<string, string>) => () => resolveConfig({ HEARTH_DATA_DIR: newDir("hearth-config-"), ...env });

  it("refuses half a key pair, a bad bucket name or endpoint, and accepts a full set", () => {
    expect(start({ S3_BUCKET: "files", S3_ACCESS_KEY_ID: "id" })).toThrow("S3_SECRET_ACCESS_KEY: set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither");
    expect(start({ S3_BUCKET: "My_Files" })).toThrow("S3_BUCKET: must be a bucket name");
    expect(start({ S3_BUCKET: "files", S3_ENDPOINT: "minio:9000" })).toThrow("S3_ENDPOINT: must be the service's URL");
    expect(start({ S3_BUCKET: "files", S3_FORCE_PATH_STYLE: "maybe" })).toThrow("S3_FORCE_PATH_STYLE");
    expect(
      start({ S3_BUCKET: "files", S3_ENDPOINT: "http://minio:9000", S3_FORCE_PATH_STYLE: "1", S3_ACCESS_KEY_ID: "id", S3_SECRET_ACCESS_KEY: "secret" }),
    ).not.toThrow();
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
