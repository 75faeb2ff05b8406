/**
 * The secret next-auth signs session tokens with; config.ts makes and exports one at start-up.
 * Apart from options.ts, whose next-auth provider only Next's bundler can load: serve.ts (tRPC)
 * reads the secret too.
 */
export function authSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  return secret;
}
