import { TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { notFound } from "next/navigation";
import { createRequestContext } from "@/server/api/context";
import { createCaller } from "@/server/api/root";

/** Calls procedures from server components with the same checks as over HTTP. */
export async function getServerCaller() {
  return createCaller(await createRequestContext());
}

/**
 * Runs a page's procedure calls, answering the page's 404 when they say the thing is not there
 * (or, for `codes`, not addressable); anything else is a real error and is rethrown.
 */
export async function orNotFound<T>(load: () => Promise<T>, codes: readonly TRPC_ERROR_CODE_KEY[] = ["NOT_FOUND"]): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof TRPCError && codes.includes(error.code)) notFound();
    throw error;
  }
}
