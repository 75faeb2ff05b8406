"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { ImportReport } from "@/app/admin/import/_components/import-report";
import { isAtWork, STATUS_LABELS, type ImportStatus } from "@/app/admin/import/_components/import-status";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { formatFileSize } from "@/lib/file-size";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

const FORMAT_NAMES = { loomio: "Loomio export", hearth: "Hearth export" } as const;

type Phase = RouterOutputs["imports"]["get"]["phase"];

function progressText(status: ImportStatus, phase: Phase, count: number): string {
  if (status === "uploaded") return "Receiving the file…";
  const number = count.toLocaleString("en-GB");
  const sofar =
    phase === "reading"
      ? `${number} ${count === 1 ? "line" : "lines"} read so far.`
      : phase === "importing"
        ? `${number} ${count === 1 ? "record" : "records"} gone through so far.`
        : "";
  if (status === "checking") return ["Checking the file, without changing anything…", sofar].filter(Boolean).join(" ");
  return ["Importing…", sofar, "You can leave this page: the import goes on, and this page shows where it is when you come back."]
    .filter(Boolean)
    .join(" ");
}

/**
 * One run: its progress while the server works on it (asked for every second), then its report,
 * with Import and Discard once checked, and links to the groups once imported.
 */
export function ImportRunCard({ id, onChange, onDiscarded }: { id: string; onChange: () => void; onDiscarded: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const run = useQuery({
    ...trpc.imports.get.queryOptions({ id }),
    refetchInterval: (query) => (query.state.data && !isAtWork(query.state.data.status) ? false : 1000),
  });
  const confirm = useMutation(
    trpc.imports.confirm.mutationOptions({ onSuccess: (started) => queryClient.setQueryData(trpc.imports.get.queryKey({ id }), started) }),
  );
  const discard = useMutation(trpc.imports.discard.mutationOptions({ onSuccess: onDiscarded }));

  // The list (and whether a new upload may start) follows each change of this run's state.
  const status = run.data?.status;
  const seen = useRef(status);
  useEffect(() => {
    if (status && seen.current && seen.current !== status) onChange();
    seen.current = status;
  }, [status, onChange]);

  if (run.error) return <Alert>{errorMessage(run.error)}</Alert>;
  if (!run.data) return <p role="status">Loading the import…</p>;
  const data = run.data;

  return (
    <Card className="flex flex-col gap-5">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="min-w-0 break-words text-2xl font-bold">{data.fileName}</h2>
        <span className="rounded-full bg-ember-100 px-3 py-0.5 text-sm font-semibold text-ember-800">{STATUS_LABELS[data.status]}</span>
      </div>
      <p className="text-sm text-muted">
        {FORMAT_NAMES[data.format]} · {formatFileSize(data.fileSize)} · uploaded <LocalTime date={data.createdAt} withTime />
        {data.finishedAt && (
          <>
            {" "}
            · finished <LocalTime date={data.finishedAt} withTime />
          </>
        )}
      </p>

      {isAtWork(data.status) && (
        <p role="status" className="font-semibold">
          {progressText(data.status, data.phase, data.linesRead)}
        </p>
      )}
      {data.status === "failed" && data.error && <Alert>{data.error}</Alert>}
      {data.status === "imported" && (
        <p role="status" className="font-semibold text-live">
          Imported. You are an admin of each group it brought in.
        </p>
      )}

      {data.report && <ImportReport report={data.report} format={data.format} imported={data.status === "imported"} />}

      {data.status === "checked" && (
        <div className="flex flex-col gap-3 border-t border-line pt-4">
          <p>Nothing has been imported yet. Import now, or discard the file if this is not what you expected.</p>
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => confirm.mutate({ id })} disabled={confirm.isPending || discard.isPending}>
              {confirm.isPending ? "Starting…" : "Import"}
            </Button>
            <Button variant="secondary" onClick={() => discard.mutate({ id })} disabled={confirm.isPending || discard.isPending}>
              {discard.isPending ? "Discarding…" : "Discard"}
            </Button>
          </div>
        </div>
      )}
      {data.status === "failed" && (
        <div>
          <Button variant="secondary" onClick={() => discard.mutate({ id })} disabled={discard.isPending}>
            Remove from this page
          </Button>
        </div>
      )}
      {confirm.error && <Alert>{errorMessage(confirm.error)}</Alert>}
      {discard.error && <Alert>{errorMessage(discard.error)}</Alert>}
    </Card>
  );
}
