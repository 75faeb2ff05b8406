import { getSessionUserId } from "@/server/api/context";
import { getDb } from "@/server/db";
import { downloadResponse, refusalResponse, startGroupDownload } from "@/server/exports/downloads";

const FORMATS = ["zip", "json"] as const;

/** `?format=zip|json` (zip unless said): the whole group, subgroups included, for its admins; checked on every request. */
export async function GET(request: Request, { params }: { params: Promise<{ handle: string }> }) {
  const userId = await getSessionUserId();
  if (!userId) return new Response("Please sign in first.", { status: 401 });
  const format = FORMATS.find((name) => name === (new URL(request.url).searchParams.get("format") ?? "zip"));
  if (!format) return new Response("Choose format=zip (spreadsheets, files and documents) or format=json (to move to another Hearth).", { status: 400 });
  try {
    return downloadResponse(await startGroupDownload(getDb(), userId, (await params).handle, format));
  } catch (error) {
    return refusalResponse(error);
  }
}
