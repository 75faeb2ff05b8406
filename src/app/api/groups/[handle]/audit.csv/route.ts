import { getSessionUserId } from "@/server/api/context";
import { startAuditCsv } from "@/server/audit/csv";
import { getDb } from "@/server/db";
import { downloadResponse, refusalResponse } from "@/server/exports/downloads";

/** The group's whole audit log as CSV, for its admins; checked on every request, like the page. */
export async function GET(_request: Request, { params }: { params: Promise<{ handle: string }> }) {
  const userId = await getSessionUserId();
  if (!userId) return new Response("Please sign in first.", { status: 401 });
  try {
    return downloadResponse(await startAuditCsv(getDb(), userId, (await params).handle));
  } catch (error) {
    return refusalResponse(error);
  }
}
