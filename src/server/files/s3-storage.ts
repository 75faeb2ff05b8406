import { createReadStream } from "node:fs";
import { rm } from "node:fs/promises";
import type { Readable } from "node:stream";
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { requireHash } from "@/server/files/content-hash";
import type { FileStorage } from "@/server/files/storage";
import { stageOnDisk } from "@/server/files/staging";

/** An S3-compatible bucket (AWS, MinIO, Garage, Ceph…), from the S3_* variables (see README). */
export type S3Config = {
  bucket: string;
  region: string;
  /** Unset for AWS itself; the service's URL otherwise, e.g. http://minio:9000. */
  endpoint: string | null;
  /** Bucket in the path (`host/bucket/key`) rather than the host name: what MinIO and most self-hosted services want. */
  forcePathStyle: boolean;
  /** Unset means the AWS SDK's usual sources (AWS_* variables, instance or container roles). */
  credentials: { accessKeyId: string; secretAccessKey: string } | null;
};

const FLAG_TRUE = new Set(["1", "true", "yes"]);

/** The S3 configuration, or null when S3_BUCKET is unset (files then stay on local disk). config.ts checks the values at start-up. */
export function s3ConfigFromEnv(env: Record<string, string | undefined>): S3Config | null {
  const value = (name: string) => env[name]?.trim() || null;
  const bucket = value("S3_BUCKET");
  if (!bucket) return null;
  const accessKeyId = value("S3_ACCESS_KEY_ID");
  const secretAccessKey = value("S3_SECRET_ACCESS_KEY");
  return {
    bucket,
    region: value("S3_REGION") ?? "us-east-1",
    endpoint: value("S3_ENDPOINT"),
    forcePathStyle: FLAG_TRUE.has(value("S3_FORCE_PATH_STYLE")?.toLowerCase() ?? ""),
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : null,
  };
}

const isNotFound = (error: unknown) =>
  error instanceof S3ServiceException && (error.name === "NotFound" || error.name === "NoSuchKey" || error.$metadata.httpStatusCode === 404);

/**
 * Content under the key `<sha256>` in one bucket. An upload is first written to `stagingDir` on
 * local disk while it is hashed, then sent with one streamed PUT of known length, only when
 * identical content is not in the bucket already: the object appears whole or not at all, and
 * memory stays flat however many uploads run at once. (Streaming straight into an S3 multipart
 * upload holds each 5 MB part in memory: 20 uploads at once added about 300 MB; see
 * docs/benchmarks.md.) A single PUT takes up to 5 GB, far above any sensible UPLOAD_MAX_BYTES.
 */
export function s3Storage(config: S3Config, stagingDir: string, client = createS3Client(config)): FileStorage {
  const Bucket = config.bucket;

  const exists = async (Key: string) => {
    try {
      await client.send(new HeadObjectCommand({ Bucket, Key }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  };

  return {
    async stage(stream: Readable) {
      const { temp, sha256, size } = await stageOnDisk(stagingDir, stream);
      return {
        sha256,
        size,
        discard: () => rm(temp, { force: true }),
        async keep() {
          if (await exists(sha256)) return;
          await client.send(
            new PutObjectCommand({ Bucket, Key: sha256, Body: createReadStream(temp), ContentLength: size, ContentType: "application/octet-stream" }),
          );
        },
      };
    },
    async open(sha256, range) {
      const response = await client.send(
        new GetObjectCommand({ Bucket, Key: requireHash(sha256), Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
      );
      return response.Body as Readable;
    },
    async remove(sha256) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: requireHash(sha256) }));
    },
  };
}

function createS3Client(config: S3Config): S3Client {
  // Services other than AWS often reject the newer default checksums; send them only where S3 requires them.
  const checksums = config.endpoint ? ({ requestChecksumCalculation: "WHEN_REQUIRED", responseChecksumValidation: "WHEN_REQUIRED" } as const) : {};
  return new S3Client({
    region: config.region,
    endpoint: config.endpoint ?? undefined,
    forcePathStyle: config.forcePathStyle,
    credentials: config.credentials ?? undefined,
    ...checksums,
  });
}
