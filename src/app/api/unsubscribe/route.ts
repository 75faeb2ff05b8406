import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { confirmUnsubscribe } from "@/server/notifications/unsubscribe";

export const dynamic = "force-dynamic";

const STATUS = { BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 } as const;

/**
 * RFC 8058 one-click unsubscribe: mail programs POST `List-Unsubscribe=One-Click` here, with no
 * cookies, when someone presses their Unsubscribe button. The signed token is the only proof.
 */
export async function POST(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  try {
    const state = await confirmUnsubscribe(getDb(), token);
    const what = state.group ? `email about ${state.group.name}` : "notification email";
    return new Response(`Unsubscribed: Hearth sends ${state.email} no more ${what}.`, {
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  } catch (error) {
    if (error instanceof AppError) {
      return new Response(error.message, { status: STATUS[error.code], headers: { "content-type": "text/plain; charset=utf-8" } });
    }
    throw error;
  }
}

/** A person who opens the header's link in a browser gets the page that explains and asks first. */
export async function GET(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return new Response(null, { status: 303, headers: { location: `/unsubscribe?token=${encodeURIComponent(token)}` } });
}
