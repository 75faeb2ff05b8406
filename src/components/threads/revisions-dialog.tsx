"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { CookedMarkdown } from "@/components/cooked-markdown";
import { Alert } from "@/components/ui/alert";
import { Dialog } from "@/components/ui/dialog";
import { formatAbsolute } from "@/lib/relative-time";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";

/** The "edited" marker: opens the earlier versions of a thread or comment, newest first. */
export function RevisionsDialog({ subject, id, editedAt }: { subject: "thread" | "comment"; id: string; editedAt: Date }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const options = subject === "thread" ? trpc.thread.revisions.queryOptions({ id }) : trpc.comment.revisions.queryOptions({ id });
  const { data: revisions, error, isPending } = useQuery({ ...options, enabled: open });

  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="Earlier versions"
      description={`Last edited ${formatAbsolute(editedAt)}. The current version is on the page.`}
      trigger={
        <button type="button" className="text-sm text-muted underline hover:text-ink">
          edited<span className="sr-only"> — show earlier versions</span>
        </button>
      }
    >
      {error && <Alert>{errorMessage(error)}</Alert>}
      {isPending && !error && <p className="text-muted">Loading…</p>}
      {revisions?.length === 0 && <p className="text-muted">No earlier versions are kept.</p>}
      <ol className="flex flex-col gap-4">
        {revisions?.map((revision) => (
          <li key={revision.id} className="rounded-lg border border-line p-3">
            <p className="mb-2 text-sm text-muted">
              Version replaced on <time dateTime={revision.createdAt.toISOString()}>{formatAbsolute(revision.createdAt)}</time>
            </p>
            {revision.title && <h3 className="mb-2 font-bold">{revision.title}</h3>}
            <CookedMarkdown html={revision.bodyHtml} />
          </li>
        ))}
      </ol>
    </Dialog>
  );
}
