import { getSessionUserId } from "@/server/api/context";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { meetingCalendar } from "@/server/meetings/ics";

/**
 * A meeting as a calendar file, authorised on every request like the meeting page: a link copied
 * to someone outside the group answers as if the meeting did not exist.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const userId = await getSessionUserId();
  if (!userId) return new Response("Please sign in first.", { status: 401 });
  try {
    const { filename, body } = await meetingCalendar(getDb(), userId, (await params).id);
    return new Response(body, {
      headers: {
        "content-type": "text/calendar; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return new Response("Meeting not found.", { status: 404 });
    throw error;
  }
}
