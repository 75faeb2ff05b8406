import { decode } from "next-auth/jwt";

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

function parseCookies(header: string): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of header.split(";")) {
    const separator = part.indexOf("=");
    if (separator < 0) continue;
    const name = part.slice(0, separator).trim();
    const raw = part.slice(separator + 1).trim();
    try {
      cookies.set(name, decodeURIComponent(raw));
    } catch {
      cookies.set(name, raw);
    }
  }
  return cookies;
}

/** next-auth splits large tokens over `name.0`, `name.1`, … cookies. */
function readSessionToken(cookies: Map<string, string>, name: string): string | null {
  const whole = cookies.get(name);
  if (whole) return whole;
  const chunks: string[] = [];
  for (let index = 0; cookies.has(`${name}.${index}`); index++) chunks.push(cookies.get(`${name}.${index}`)!);
  return chunks.length ? chunks.join("") : null;
}

/** Who a session cookie says is signed in, and the credential version their sign-in was made with. */
export type SessionClaims = { userId: string; credentialVersion: number };

/**
 * The claims of a next-auth session cookie, or null when it is missing, forged or expired. Read
 * straight from the Cookie header wherever a request arrives: route handlers, server components,
 * tRPC and the socket.io handshake. Tokens made before credential versions existed count as 0.
 */
export async function readSessionCookie(cookieHeader: string | null | undefined, secret: string): Promise<SessionClaims | null> {
  if (!cookieHeader) return null;
  const cookies = parseCookies(cookieHeader);
  for (const name of SESSION_COOKIES) {
    const token = readSessionToken(cookies, name);
    if (!token) continue;
    try {
      const payload = await decode({ token, secret });
      if (typeof payload?.sub !== "string") continue;
      const version = payload.credentialVersion;
      return { userId: payload.sub, credentialVersion: typeof version === "number" && Number.isInteger(version) ? version : 0 };
    } catch {
      return null;
    }
  }
  return null;
}
