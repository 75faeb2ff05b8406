import { PassThrough, Readable } from "node:stream";
import { groupExportEntries } from "@/server/audit/group-entries";
import { recordAudit } from "@/server/audit/record";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { requireGroupExport, type GroupExportScope } from "@/server/exports/access";
import { writeGroupExport } from "@/server/exports/hearth-json/write";
import { writePersonalExport } from "@/server/exports/personal/write";
import { ExportBusy, getExportSlots, type ExportSlots } from "@/server/exports/slots";
import { writeGroupZip } from "@/server/exports/zip/write";
import type { FileStorage } from "@/server/files/storage";
import { logger } from "@/server/logger";

/** A download being written: what the browser saves it as, and its bytes as they come. */
export type Download = { filename: string; contentType: string; body: Readable };

type DownloadOptions = { slots?: ExportSlots; storage?: FileStorage; now?: Date };

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Runs `write` into a stream that the response reads. A write that fails after the headers went
 * out can only break the download; it is logged unless the reader went away first.
 */
function streamed(what: string, write: (out: PassThrough) => Promise<unknown>): Readable {
  const out = new PassThrough();
  write(out).then(
    () => out.end(),
    (error: unknown) => {
      if (out.destroyed) return;
      logger.error({ err: error }, `${what} failed`);
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    },
  );
  return out;
}

/** Holds an export slot from now until the body is closed (read to its end, failed or cancelled). */
function holdingSlot(slots: ExportSlots, userId: string, start: () => Readable): Readable {
  const release = slots.acquire(userId);
  try {
    const body = start();
    body.once("close", release);
    return body;
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * A whole group as a ZIP or in Hearth's JSON format, for its admins. Access is checked before a
 * slot is taken, so refusals never count against the limit.
 */
export async function startGroupDownload(db: Db, userId: string, handle: string, format: "zip" | "json", options: DownloadOptions = {}): Promise<Download> {
  const scope = await requireGroupExport(db, userId, handle);
  const now = options.now ?? new Date();
  const name = `hearth-${scope.group.handle}-${day(now)}`;
  const slots = options.slots ?? getExportSlots();
  if (format === "zip") {
    const body = holdingSlot(slots, userId, () => writeGroupZip(db, scope, { storage: options.storage, now }));
    return audited(db, userId, scope, "zip", { filename: `${name}.zip`, contentType: "application/zip", body });
  }
  const body = holdingSlot(slots, userId, () =>
    streamed("group export", (out) => writeGroupExport(db, scope.group.id, out, { groupIds: scope.groupIds })),
  );
  return audited(db, userId, scope, "json", { filename: `${name}.json`, contentType: "application/x-ndjson; charset=utf-8", body });
}

/**
 * Each group the download takes in gets an entry in its audit log once the slot is held (a refused
 * download is not one); if the entry cannot be written, the download is stopped too.
 */
async function audited(db: Db, userId: string, scope: GroupExportScope, format: "zip" | "json", download: Download): Promise<Download> {
  try {
    await recordAudit(db, await groupExportEntries(db, { actorId: userId, groupIds: scope.groupIds, format }));
  } catch (error) {
    download.body.destroy();
    throw error;
  }
  return download;
}

/** Everything the signed-in person wrote, and their own votes, as one JSON file. */
export async function startPersonalDownload(db: Db, userId: string, options: DownloadOptions = {}): Promise<Download> {
  const now = options.now ?? new Date();
  const slots = options.slots ?? getExportSlots();
  const body = holdingSlot(slots, userId, () => streamed("personal export", (out) => writePersonalExport(db, userId, out, now)));
  return { filename: `hearth-my-data-${day(now)}.json`, contentType: "application/json; charset=utf-8", body };
}

/** The download as an attachment: never cached, never sniffed, never rendered as a page. */
export function downloadResponse(download: Download): Response {
  return new Response(Readable.toWeb(download.body) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": download.contentType,
      "content-disposition": `attachment; filename="${download.filename}"`,
      "content-security-policy": "sandbox",
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
}

const STATUS = { BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 } as const;

/** A refusal as the plain sentence the person reads; anything else is a bug and is thrown on. */
export function refusalResponse(error: unknown): Response {
  const headers = { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store" };
  if (error instanceof AppError) return new Response(error.message, { status: STATUS[error.code], headers });
  if (error instanceof ExportBusy) {
    return new Response(error.message, { status: 429, headers: { ...headers, "retry-after": String(error.retryAfterSeconds) } });
  }
  throw error;
}
