import { createHash, randomBytes } from "node:crypto";

/**
 * Single-use secrets sent by email (invitations, password resets). Only the SHA-256 hash is
 * stored, so a copy of the database cannot be used to join a group or take over an account.
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}
