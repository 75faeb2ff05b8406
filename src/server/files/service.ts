import { Transform, type Readable } from "node:stream";
import { formatFileSize } from "@/lib/file-size";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { detectFileType, SNIFF_BYTES } from "@/server/files/file-types";
import type { FileSummary } from "@/server/files/schemas";
import { withContentLocks } from "@/server/files/content-hash";
import { quotaExceeded, uploadedBytes, uploadQuotaBytes, withUploaderLock } from "@/server/files/quota";
import { getFileStorage, uploadMaxBytes, type FileStorage } from "@/server/files/storage";
import { canViewResource, canViewThread, GROUP_SETTINGS_SELECT, groupSettingsOf, type GroupStanding } from "@/server/policy";

export function fileUrl(fileId: string): string {
  return `/api/files/${fileId}`;
}

export function toFileSummary(file: { id: string; originalName: string; size: number; contentType: string }): FileSummary {
  return { id: file.id, name: file.originalName, size: file.size, contentType: file.contentType, url: fileUrl(file.id) };
}

export const fileSummarySelect = { id: true, originalName: true, size: true, contentType: true } as const;

/**
 * Guards an upload on its way to storage: fails as soon as the size limit or the uploader's
 * remaining room is passed, and holds back the first SNIFF_BYTES until the type check has passed,
 * so a refused file never reaches disk beyond the temp file storage removes.
 */
class UploadGate extends Transform {
  contentType: string | null = null;
  private size = 0;
  private held: Buffer[] = [];
  private heldBytes = 0;

  constructor(
    private readonly filename: string,
    private readonly maxBytes: number,
    private readonly quota: { bytes: number; used: number },
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void) {
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      return callback(new AppError("BAD_REQUEST", `That file is larger than ${formatFileSize(this.maxBytes)}, the most Hearth takes. Try a smaller or compressed version.`));
    }
    if (this.quota.used + this.size > this.quota.bytes) return callback(quotaExceeded(this.quota.bytes, this.quota.used));
    if (this.contentType) {
      this.push(chunk);
      return callback();
    }
    this.held.push(chunk);
    this.heldBytes += chunk.length;
    callback(this.heldBytes >= SNIFF_BYTES ? this.release() : null);
  }

  override _flush(callback: (error?: Error | null) => void) {
    callback(this.contentType ? null : this.release());
  }

  private release(): Error | null {
    const head = Buffer.concat(this.held);
    try {
      this.contentType = detectFileType(this.filename, head.subarray(0, SNIFF_BYTES));
    } catch (error) {
      return error as Error;
    }
    this.push(head);
    this.held = [];
    return null;
  }
}

/** The name as the person's computer called it, without any folder part or control characters. */
function cleanFilename(filename: string): string {
  const base = filename.split(/[/\\]/).pop() ?? "";
  const name = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  if (!name) throw new AppError("BAD_REQUEST", "The file has no name. Give it a name with an extension, such as .pdf.");
  if (name.length > 255) throw new AppError("BAD_REQUEST", "That file name is too long: keep it under 255 characters.");
  return name;
}

/**
 * Streams one upload into storage and records it as the caller's. Refusals (too large, past the
 * uploader's quota, wrong or unknown type, an executable) leave nothing behind: no row and no
 * partial file. Someone already at their quota is refused before anything is read.
 */
export async function storeUpload(
  db: Db,
  userId: string,
  upload: { filename: string; stream: Readable },
  storage: FileStorage = getFileStorage(),
  maxBytes: number = uploadMaxBytes(),
  quotaBytes: number = uploadQuotaBytes(),
): Promise<Omit<FileSummary, "url">> {
  let originalName: string;
  try {
    originalName = cleanFilename(upload.filename);
  } catch (error) {
    upload.stream.resume();
    throw error;
  }
  const quota = { bytes: quotaBytes, used: 0 };
  const gate = new UploadGate(originalName, maxBytes, quota);
  // A refusal stops storing but keeps reading (and discarding) the upload, so the multipart
  // parser can finish and the browser, still sending, receives the answer.
  upload.stream.on("error", (error) => gate.destroy(error));
  gate.on("error", () => {
    upload.stream.unpipe(gate);
    upload.stream.resume();
  });
  quota.used = await uploadedBytes(db, userId);
  if (quota.used >= quotaBytes) {
    upload.stream.resume();
    throw quotaExceeded(quotaBytes, quota.used);
  }
  const staged = await storage.stage(upload.stream.pipe(gate));
  try {
    // Uploads by the same person that finished meanwhile count too: checked again as the row is written.
    const file = await withUploaderLock(userId, async () => {
      const usedNow = await uploadedBytes(db, userId);
      if (usedNow + staged.size > quotaBytes) throw quotaExceeded(quotaBytes, usedNow);
      // Under the content lock, so a removal of the same content (cleanup.ts) cannot slip between the two.
      return withContentLocks([staged.sha256], async () => {
        await staged.keep();
        return db.storedFile.create({
          data: { sha256: staged.sha256, size: staged.size, contentType: gate.contentType!, originalName, uploadedById: userId },
          select: fileSummarySelect,
        });
      });
    });
    return { id: file.id, name: file.originalName, size: file.size, contentType: file.contentType };
  } finally {
    await staged.discard();
  }
}

const standingSelect = (userId: string) =>
  ({ ...GROUP_SETTINGS_SELECT, memberships: { where: { userId }, select: { role: true } } }) as const;

function standingOf(group: Parameters<typeof groupSettingsOf>[0] & { memberships: { role: GroupStanding["role"] }[] }): GroupStanding {
  return { role: group.memberships[0]?.role ?? null, settings: groupSettingsOf(group) };
}

/**
 * Who may download a file: the person who uploaded it, anyone who can see a thread it is
 * attached to, and anyone who can see a resource it is a version of (any version, old or new).
 * One query, whatever the number of attachments and versions.
 */
export async function canDownload(db: Db, userId: string, fileId: string): Promise<boolean> {
  const file = await db.storedFile.findUnique({
    where: { id: fileId },
    select: {
      uploadedById: true,
      attachments: {
        select: { thread: { select: { guests: { where: { userId }, select: { userId: true } }, group: { select: standingSelect(userId) } } } },
      },
      resourceVersions: {
        select: { resource: { select: { publishedAt: true, authorId: true, group: { select: standingSelect(userId) } } } },
      },
    },
  });
  if (!file) return false;
  if (file.uploadedById === userId) return true;
  const inThread = file.attachments.some(({ thread: { guests, group } }) => canViewThread(standingOf(group), { isThreadGuest: guests.length > 0 }));
  return (
    inThread ||
    file.resourceVersions.some(({ resource }) =>
      canViewResource(standingOf(resource.group), { isPublished: resource.publishedAt !== null, isAuthor: resource.authorId === userId }),
    )
  );
}

/** The stored file behind a download, or null when it does not exist or the caller may not have it. */
export async function findDownload(db: Db, userId: string, fileId: string) {
  if (!(await canDownload(db, userId, fileId))) return null;
  return db.storedFile.findUnique({ where: { id: fileId }, select: { sha256: true, size: true, contentType: true, originalName: true } });
}

/** Checks that file ids taken from input are the caller's own uploads, so nobody attaches someone else's file by id. */
export async function assertOwnFiles(db: Db, userId: string, fileIds: string[]): Promise<void> {
  if (fileIds.length === 0) return;
  const own = await db.storedFile.count({ where: { id: { in: fileIds }, uploadedById: userId } });
  if (own !== new Set(fileIds).size) throw new AppError("NOT_FOUND", "One of the attached files was not found. Upload it again.");
}
