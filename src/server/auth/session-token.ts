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

/** Tokens read recently, at most this many, each for at most DECODED_FOR_MS and never past its expiry. */
export const MAX_DECODED_TOKENS = 10_000;
const DECODED_FOR_MS = 5 * 60_000;

type Decoded = { claims: SessionClaims; until: number; secret: string };
const decoded = new Map<string, Decoded>();

/**
 * Decrypting a token derives its key with HKDF and costs about as much as the rest of a small
 * tRPC read, on every request. What a token says depends only on the token and the secret, so it
 * is kept for a few minutes, never past the token's own expiry. This grants nothing by itself:
 * every request still checks the claims against the account (session.ts), so a password change or
 * "Sign out everywhere" ends the session at once, as before.
 */
async function decodeToken(token: string, secret: string): Promise<SessionClaims | null> {
  const known = decoded.get(token);
  if (known && known.secret === secret && known.until > Date.now()) return known.claims;
  decoded.delete(token);
  const payload = await decode({ token, secret });
  if (typeof payload?.sub !== "string") return null;
  const version = payload.credentialVersion;
  const claims = { userId: payload.sub, credentialVersion: typeof version === "number" && Number.isInteger(version) ? version : 0 };
  const expires = typeof payload.exp === "number" ? payload.exp * 1000 : 0;
  const until = Math.min(expires, Date.now() + DECODED_FOR_MS);
  if (until > Date.now()) {
    if (decoded.size >= MAX_DECODED_TOKENS) decoded.delete(decoded.keys().next().value!);
    decoded.set(token, { claims, until, secret });
  }
  return claims;
}

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
      const claims = await decodeToken(token, secret);
      if (claims) return claims;
    } catch {
      return null;
    }
  }
  return null;
}
