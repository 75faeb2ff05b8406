import { getSessionUserId } from "@/server/api/context";
import { describeZodError } from "@/server/api/trpc";
import { getDb } from "@/server/db";
import { exportDocument, zExportQuery } from "@/server/documents/versions/export";
import { PdfExportRefused } from "@/server/documents/versions/pdf-exporter";
import { AppError } from "@/server/errors";

const STATUS = { BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 } as const;

/** `?format=md|html|pdf&version=<id>`: the current text, or one version, checked on every request. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const userId = await getSessionUserId();
  if (!userId) return new Response("Please sign in first.", { status: 401 });
  const search = new URL(request.url).searchParams;
  const query = zExportQuery.safeParse({
    format: search.get("format") ?? undefined,
    version: search.get("version") ?? undefined,
    suggestions: search.get("suggestions") ?? undefined,
  });
  if (!query.success) return new Response(describeZodError(query.error), { status: 400 });
  try {
    const file = await exportDocument(getDb(), userId, (await params).id, query.data);
    return new Response(typeof file.body === "string" ? file.body : Buffer.from(file.body), {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${file.filename}"`,
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return new Response(error.message, { status: STATUS[error.code] });
    if (error instanceof PdfExportRefused) {
      return new Response(error.message, { status: error.status, headers: { "retry-after": String(error.retryAfterSeconds) } });
    }
    throw error;
  }
}
