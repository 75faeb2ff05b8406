import { getSessionUserId } from "@/server/api/context";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { receiveFile } from "@/server/files/multipart";
import { fileUrl, storeUpload } from "@/server/files/service";
import { rateLimiter, tryAgainIn, UPLOAD_LIMIT } from "@/server/rate-limit";

const STATUS: Record<AppError["code"], number> = { BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

/**
 * One file as multipart field `file`, streamed to storage while it is hashed and checked;
 * answers 201 with the stored file's summary `{ id, name, size, contentType, url }`, or 400 with
 * `{ error: { message } }` for a file that is too large, of a refused type, or cut off.
 */
export async function POST(request: Request) {
  const userId = await getSessionUserId();
  if (!userId) return Response.json({ error: { message: "Please sign in first." } }, { status: 401 });
  const allowance = await rateLimiter("uploads", UPLOAD_LIMIT).take(userId);
  if (!allowance.ok) {
    const message = `That is a lot of uploads in a short time. ${tryAgainIn(allowance.retryAfterMs)}`;
    const retryAfter = String(Math.ceil(allowance.retryAfterMs / 1000));
    return Response.json({ error: { message } }, { status: 429, headers: { "retry-after": retryAfter } });
  }
  try {
    const file = await receiveFile(request, (upload) => storeUpload(getDb(), userId, upload));
    return Response.json({ ...file, url: fileUrl(file.id) }, { status: 201, headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof AppError) return Response.json({ error: { message: error.message } }, { status: STATUS[error.code] });
    throw error;
  }
}
