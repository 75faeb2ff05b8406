import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authorizeSignIn, clientAddress, signInThrottle } from "@/server/auth/sign-in";
import { getDb } from "@/server/db";
import { logger } from "@/server/logger";

const THIRTY_DAYS = 30 * 24 * 60 * 60;

/** next-auth configuration: email + password, sessions as signed JWT cookies. */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: THIRTY_DAYS },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      authorize: (credentials, request) => authorizeSignIn(getDb(), signInThrottle(), credentials, clientAddress(request?.headers)),
    }),
  ],
  callbacks: {
    /**
     * The credential version is fixed at sign-in and never refreshed from `update()`: a session
     * made before a password change or "Sign out everywhere" must stay ended (see auth/session.ts).
     */
    jwt({ token, user }) {
      if (user) token.credentialVersion = user.credentialVersion;
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      return session;
    },
  },
  logger: {
    error: (code, metadata) => logger.error({ code, metadata }, "next-auth error"),
    warn: (code) => logger.warn({ code }, "next-auth warning"),
    debug: () => undefined,
  },
};
