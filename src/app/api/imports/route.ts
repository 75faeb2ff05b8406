import { getSessionUserId } from "@/server/api/context";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { receiveFile } from "@/server/files/multipart";
import { zImportFormat } from "@/server/imports/admin/schemas";
import { requireImportRights, startImport } from "@/server/imports/admin/service";

const STATUS: Record<AppError["code"], number> = { BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };
const NO_STORE = { "cache-control": "no-store" };

/**
 * An export to import, as multipart field `file`, with `?format=loomio|hearth`. Streamed to a
 * private file in the data directory; answers 201 with the new run (status `checking`) while the
 * dry run goes on in the background, or `{ error: { message } }`: 401 signed out, 403 for anyone
 * but the instance administrator (before any of the file is read), 409 while another run is at
 * work, 400 for a missing format, a file over 1 GB, an empty or cut-off upload.
 */
export async function POST(request: Request) {
  const userId = await getSessionUserId();
  if (!userId) return Response.json({ error: { message: "Please sign in first." } }, { status: 401, headers: NO_STORE });
  try {
    await requireImportRights(getDb(), userId);
    const format = zImportFormat.safeParse(new URL(request.url).searchParams.get("format") ?? undefined);
    if (!format.success) throw new AppError("BAD_REQUEST", "Choose the kind of export: a Loomio export or a Hearth export.");
    const run = await receiveFile(request, (upload) => startImport(getDb(), userId, format.data, upload));
    return Response.json(run, { status: 201, headers: NO_STORE });
  } catch (error) {
    if (error instanceof AppError) return Response.json({ error: { message: error.message } }, { status: STATUS[error.code], headers: NO_STORE });
    throw error;
  }
}
