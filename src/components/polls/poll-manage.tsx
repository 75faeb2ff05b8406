"use client";

import { useMutation } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { useState } from "react";
import { ClosingTimeForm } from "@/components/polls/closing-time-form";
import { DeletePollDialog } from "@/components/polls/delete-poll-dialog";
import { EditPollDialog } from "@/components/polls/edit-poll-dialog";
import { OutcomeForm } from "@/components/polls/outcome-form";
import { defaultClosingTime } from "@/components/polls/time-zone";
import { usePollRefresh } from "@/components/polls/use-poll-refresh";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type Poll = RouterOutputs["poll"]["byId"];
type Panel = "none" | "time" | "outcome";

/**
 * For the poll's author and the group's admins: edit, close, reopen (not anonymous polls),
 * extend, write the outcome, export; and delete for those who may.
 */
export function PollManage({ poll }: { poll: Poll }) {
  const trpc = useTRPC();
  const refresh = usePollRefresh(poll.id);
  const [panel, setPanel] = useState<Panel>("none");
  const done = async () => {
    await refresh();
    setPanel("none");
  };
  const close = useMutation(trpc.poll.close.mutationOptions({ onSuccess: done }));
  const reopen = useMutation(trpc.poll.reopen.mutationOptions({ onSuccess: done }));
  const extend = useMutation(trpc.poll.extend.mutationOptions({ onSuccess: done }));
  const closed = poll.closedAt !== null;
  const { anonymous } = poll.settings;
  const timeChange = closed ? reopen : extend;

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap gap-2">
        <EditPollDialog poll={poll} />
        {closed ? (
          <>
            <Button onClick={() => setPanel("outcome")}>{poll.outcomeDetail ? "Edit the outcome" : "Write the outcome"}</Button>
            {!anonymous && (
              <Button variant="secondary" onClick={() => setPanel("time")}>
                Reopen
              </Button>
            )}
            <a
              href={`/api/polls/${poll.id}/export`}
              download
              className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-line bg-card px-4 py-2 font-semibold hover:bg-ember-50"
            >
              <Download aria-hidden="true" className="size-5" /> Export CSV
            </a>
          </>
        ) : (
          <>
            <Button variant="secondary" onClick={() => close.mutate({ id: poll.id })} disabled={close.isPending}>
              {close.isPending ? "Closing…" : "Close now"}
            </Button>
            <Button variant="secondary" onClick={() => setPanel("time")}>
              Extend
            </Button>
          </>
        )}
        {poll.viewer.canDelete && <DeletePollDialog poll={poll} />}
      </div>
      {closed && anonymous && (
        <p className="text-muted">
          Anonymous polls cannot be reopened: the next results would show how anyone who voted in between voted. Start a new poll instead.
        </p>
      )}
      {close.error && <Alert>{errorMessage(close.error)}</Alert>}
      {panel === "time" && (
        <ClosingTimeForm
          key={closed ? "reopen" : "extend"}
          initial={closed ? defaultClosingTime(new Date()) : new Date(poll.closingAt.getTime() + 24 * 60 * 60 * 1000)}
          submitLabel={closed ? "Reopen the poll" : "Extend the poll"}
          pending={timeChange.isPending}
          error={timeChange.error}
          onSubmit={(closingAt) => timeChange.mutate({ id: poll.id, closingAt })}
          onCancel={() => setPanel("none")}
        />
      )}
      {panel === "outcome" && closed && <OutcomeForm poll={poll} onDone={() => setPanel("none")} />}
    </div>
  );
}
