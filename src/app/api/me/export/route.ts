import { getSessionUserId } from "@/server/api/context";
import { getDb } from "@/server/db";
import { downloadResponse, refusalResponse, startPersonalDownload } from "@/server/exports/downloads";

/** The signed-in person's own data as JSON: what they wrote, their own votes and their settings. */
export async function GET() {
  const userId = await getSessionUserId();
  if (!userId) return new Response("Please sign in first.", { status: 401 });
  try {
    return downloadResponse(await startPersonalDownload(getDb(), userId));
  } catch (error) {
    return refusalResponse(error);
  }
}
