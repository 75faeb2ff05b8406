import { getSessionUserId } from "@/server/api/context";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { exportPollCsv } from "@/server/polls/export";

const STATUS = { BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 } as const;

/** A closed poll's results as CSV, authorised like the results page. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const userId = await getSessionUserId();
  if (!userId) return new Response("Please sign in first.", { status: 401 });
  try {
    const { filename, csv } = await exportPollCsv(getDb(), userId, (await params).id);
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return new Response(error.message, { status: STATUS[error.code] });
    throw error;
  }
}
