import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/server/db";
import { logger } from "@/server/logger";
import { zCredentials } from "@/server/users/schemas";
import { verifyCredentials } from "@/server/users/service";

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
      async authorize(credentials) {
        const parsed = zCredentials.safeParse(credentials);
        if (!parsed.success) return null;
        return verifyCredentials(getDb(), parsed.data);
      },
    }),
  ],
  callbacks: {
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
