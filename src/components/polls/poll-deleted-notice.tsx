import { TRPCClientError } from "@trpc/client";
import { Heading } from "@/components/polls/heading";

/** The poll is not there (any more) for this viewer. */
export function isGone(error: unknown): boolean {
  return error instanceof TRPCClientError && (error.data as { code?: string } | undefined)?.code === "NOT_FOUND";
}

/** In place of a poll that is gone: deleted while it was open here, or never there. */
export function PollDeletedNotice({ headingLevel }: { headingLevel: number }) {
  return (
    <div role="status" className="flex flex-col gap-2 rounded-xl border border-line bg-card p-5 shadow-sm">
      <Heading level={headingLevel} className="text-2xl font-bold">
        This poll was deleted or never existed
      </Heading>
      <p className="text-muted">Its votes are gone too. Nothing here can be changed any more.</p>
    </div>
  );
}
