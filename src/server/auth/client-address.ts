import type { IncomingMessage } from "node:http";

/**
 * Sign-in limits count attempts per network address, read from X-Forwarded-For (see
 * sign-in.ts). A client can write that header itself, so unless a reverse proxy in front is
 * trusted to set it (HEARTH_TRUST_PROXY=1), it is replaced with the address the connection
 * really came from.
 */
export function recordClientAddress(request: Pick<IncomingMessage, "headers" | "socket">, trustProxy: boolean): void {
  if (trustProxy) return;
  request.headers["x-forwarded-for"] = request.socket.remoteAddress ?? "";
}
