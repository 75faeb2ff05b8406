import { getSessionUserId } from "@/server/api/context";
import { getDb } from "@/server/db";
import { startDecisionCsv } from "@/server/decisions/csv";
import { downloadResponse, refusalResponse } from "@/server/exports/downloads";

/** The group's decision register as CSV, with the page's filters in the query string; for its members and admins, like the page. */
export async function GET(request: Request, { params }: { params: Promise<{ handle: string }> }) {
  const userId = await getSessionUserId();
  if (!userId) return new Response("Please sign in first.", { status: 401 });
  try {
    return downloadResponse(await startDecisionCsv(getDb(), userId, (await params).handle, new URL(request.url).searchParams));
  } catch (error) {
    return refusalResponse(error);
  }
}
