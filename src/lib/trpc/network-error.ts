import { TRPCClientError } from "@trpc/client";

/**
 * True when a call never got an answer from Hearth (offline, server unreachable), as opposed
 * to an answer saying no. Only the first kind is worth sending again unchanged.
 */
export function isNetworkError(error: unknown): boolean {
  if (error instanceof TRPCClientError) return error.data === undefined || error.data === null;
  return error instanceof TypeError;
}
