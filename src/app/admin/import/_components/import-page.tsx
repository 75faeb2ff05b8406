"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ImportRunCard } from "@/app/admin/import/_components/import-run-card";
import { ImportUploadForm } from "@/app/admin/import/_components/import-upload-form";
import { isAtWork, STATUS_LABELS } from "@/app/admin/import/_components/import-status";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { formatFileSize } from "@/lib/file-size";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type RunSummary = RouterOutputs["imports"]["list"]["items"][number];

/**
 * The upload form, the run being looked at (the newest, unless another is chosen), and earlier
 * runs. Everything shown comes from the runs on the server, so a reload finds the page as it was.
 */
export function ImportPage({ initialRuns }: { initialRuns: RunSummary[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useQuery({ ...trpc.imports.list.queryOptions(), initialData: { items: initialRuns } });
  const [chosenId, setChosenId] = useState<string | null>(null);
  // Gone at once, before the list has been fetched again.
  const [discarded, setDiscarded] = useState<string[]>([]);
  const runs = data.items.filter(({ id }) => !discarded.includes(id));
  const shownId = chosenId ?? runs[0]?.id ?? null;
  const busy = runs.some(({ status }) => isAtWork(status));
  const refreshList = () => queryClient.invalidateQueries({ queryKey: trpc.imports.list.queryKey() });
  const earlier = runs.filter(({ id }) => id !== shownId);

  return (
    <div className="flex flex-col gap-8">
      {busy ? null : (
        <ImportUploadForm
          onUploaded={(id) => {
            setChosenId(id);
            void refreshList();
          }}
        />
      )}
      {shownId && (
        <ImportRunCard
          key={shownId}
          id={shownId}
          onChange={() => void refreshList()}
          onDiscarded={() => {
            setDiscarded((ids) => [...ids, shownId]);
            setChosenId(null);
            void refreshList();
          }}
        />
      )}
      {earlier.length > 0 && (
        <section aria-labelledby="earlier-imports" className="flex flex-col gap-3">
          <h2 id="earlier-imports" className="text-xl font-bold">
            Earlier imports
          </h2>
          <ul className="flex flex-col gap-2">
            {earlier.map((run) => (
              <li key={run.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-line bg-card px-4 py-2">
                <span className="min-w-0 break-words">
                  <span className="font-semibold">{run.fileName}</span>{" "}
                  <span className="text-sm text-muted">
                    {formatFileSize(run.fileSize)} · <LocalTime date={run.createdAt} withTime /> · {STATUS_LABELS[run.status]}
                  </span>
                </span>
                <Button variant="secondary" onClick={() => setChosenId(run.id)} aria-label={`Show the import of ${run.fileName}`}>
                  Show
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
