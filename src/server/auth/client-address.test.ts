import type { Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { recordClientAddress } from "@/server/auth/client-address";
import { clientAddress } from "@/server/auth/sign-in";

const from = (remoteAddress: string, forwardedFor?: string) => ({
  headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor },
  socket: { remoteAddress } as Socket,
});

describe("recordClientAddress", () => {
  it("replaces a forged X-Forwarded-For with the connection's address when no proxy is trusted", () => {
    const request = from("203.0.113.9", "198.51.100.1, 192.0.2.77");
    recordClientAddress(request, false);
    expect(clientAddress(request.headers)).toBe("203.0.113.9");
  });

  it("keeps the proxy's header when one is trusted", () => {
    const request = from("10.0.0.2", "198.51.100.1, 192.0.2.77");
    recordClientAddress(request, true);
    expect(clientAddress(request.headers)).toBe("192.0.2.77");
  });
});
