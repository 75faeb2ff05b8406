import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user?: { id: string; name?: string | null; email?: string | null; image?: string | null };
  }
  /** What `authorize` returns; the credential version goes into the token (auth/session.ts). */
  interface User {
    credentialVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** Absent in tokens made before credential versions existed, which count as 0. */
    credentialVersion?: number;
  }
}
