"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { outcomeDraft } from "@/components/polls/stv-text";
import { toLocalInputValue } from "@/components/polls/time-zone";
import { useOptionLabel } from "@/components/polls/use-option-label";
import { usePollRefresh } from "@/components/polls/use-poll-refresh";
import { Alert } from "@/components/ui/alert";
import { FormButtons } from "@/components/ui/form-buttons";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { errorMessage, fieldErrors } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type Poll = RouterOutputs["poll"]["byId"];

/**
 * The outcome of a closed poll: a statement, optionally the chosen option and a date to review it.
 * The first outcome starts with the verdict under the poll's voting rules, and an election's is
 * drafted from its count, naming those elected.
 */
export function OutcomeForm({ poll, onDone }: { poll: Poll; onDone: () => void }) {
  const trpc = useTRPC();
  const refresh = usePollRefresh(poll.id);
  const label = useOptionLabel(poll.options);
  const current = poll.outcomeDetail;
  const hasRules = poll.rules.quorum !== null || poll.rules.threshold !== null;
  const { data: results } = useQuery({ ...trpc.poll.results.queryOptions({ pollId: poll.id }), enabled: (poll.kind === "stv" || hasRules) && !current });
  const drafted = current ? [] : [results?.verdict?.text, results?.stv ? outcomeDraft(results.stv, label) : null].filter((part): part is string => !!part);
  const draft = drafted.length ? drafted.join("\n\n") : null;
  // Null until typed in, so a count that arrives after the form opened still drafts the statement.
  const [typed, setStatement] = useState<string | null>(current?.statement ?? null);
  const statement = typed ?? draft ?? "";
  const [optionId, setOptionId] = useState(current?.optionId ?? "");
  const [reviewOn, setReviewOn] = useState(current?.reviewOn ? toLocalInputValue(current.reviewOn).slice(0, 10) : "");
  const save = useMutation(
    trpc.poll.setOutcome.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone();
      },
    }),
  );
  const fields = fieldErrors(save.error);

  return (
    <form
      className="flex flex-col gap-3 rounded-lg border border-line p-4"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({
          id: poll.id,
          statement,
          optionId: optionId || undefined,
          // Noon in the viewer's zone, so the date reads the same wherever it is shown.
          reviewOn: reviewOn ? new Date(`${reviewOn}T12:00`) : undefined,
        });
      }}
    >
      <TextareaField
        label="Outcome"
        hint={
          draft
            ? `Drafted from the ${results?.stv ? "count" : "verdict"}: add what happens next. Markdown works.`
            : "What was decided, and what happens next. Markdown works."
        }
        value={statement}
        onChange={(event) => setStatement(event.target.value)}
        error={fields?.statement?.[0]}
        maxLength={10_000}
        rows={4}
        required
      />
      {poll.options.length > 0 && (
        <SelectField
          label="Chosen option (optional)"
          value={optionId}
          onChange={(event) => setOptionId(event.target.value)}
          options={[{ value: "", label: "None" }, ...poll.options.map((option) => ({ value: option.id, label: label(option.id) }))]}
        />
      )}
      <TextField label="Review on (optional)" type="date" value={reviewOn} onChange={(event) => setReviewOn(event.target.value)} />
      {save.error && !fields?.statement && <Alert>{errorMessage(save.error)}</Alert>}
      <FormButtons label="Save outcome" pending={save.isPending} onCancel={onDone} />
    </form>
  );
}
