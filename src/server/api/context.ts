import { getServerSession } from "next-auth";
import type { Context } from "@/server/api/trpc";
import { authOptions } from "@/server/auth/options";
import { getDb } from "@/server/db";
import { getEventBus } from "@/server/events";

/** The signed-in user's id from the next-auth session cookie of the current request. */
export async function getSessionUserId(): Promise<string | null> {
  const session = await getServerSession(authOptions);
  return session?.user?.id ?? null;
}

/** The tRPC context for the current request, shared by the HTTP handler and server components. */
export async function createRequestContext(): Promise<Context> {
  return { db: getDb(), userId: await getSessionUserId(), publish: getEventBus().publish };
}
