import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, hasBrokenEscape, newNonce } from "@/server/security-headers";

/**
 * Runs before every page (see `config`): refuses addresses with broken percent-escapes with 400,
 * and gives each page a Content-Security-Policy with a fresh nonce. Next reads the policy from the
 * request headers while rendering and puts the nonce on its scripts, which is why every page is
 * rendered per request (app/layout.tsx). The headers every response gets are in next.config.mjs.
 */
export function proxy(request: NextRequest) {
  if (hasBrokenEscape(request.nextUrl.pathname)) {
    return new NextResponse("This address is not valid: it has a broken %-escape.", {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const policy = contentSecurityPolicy({
    nonce: newNonce(),
    host: request.headers.get("host"),
    https: request.headers.get("x-forwarded-proto") === "https",
    dev: process.env.NODE_ENV === "development",
  });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: API routes answer data, not documents, and static files need no nonce.
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
