import { TRPCClientError } from "@trpc/client";

/** The message to show a person for a failed call: the server's own words, or a plain fallback. */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return "Something went wrong. Please try again.";
}

/** Per-field messages from the server's zod validation, for showing beside each input. */
export function fieldErrors(error: unknown): Record<string, string[] | undefined> | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data = error.data as { fieldErrors?: Record<string, string[] | undefined> | null } | undefined;
  return data?.fieldErrors ?? null;
}
