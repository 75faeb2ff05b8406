"use client";

import { useMutation } from "@tanstack/react-query";
import { Pencil } from "lucide-react";
import { useState } from "react";
import { canMoveOpening, initialEditForm, optionsLockReason, rulesLockReason, updateInput, type EditPollForm } from "@/components/polls/edit-poll-state";
import { OptionsEditor } from "@/components/polls/options-editor";
import { QuorumThresholdFields, ReasonCheckboxes, thresholdsFor } from "@/components/polls/voting-rules-fields";
import { useOptionLabel } from "@/components/polls/use-option-label";
import { usePollRefresh } from "@/components/polls/use-poll-refresh";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormButtons } from "@/components/ui/form-buttons";
import { TextField } from "@/components/ui/text-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { TitleField } from "@/components/ui/title-field";
import { errorMessage, fieldErrors } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type Poll = RouterOutputs["poll"]["byId"];

/** The options as they stand, with why they cannot change now. */
function LockedOptions({ poll, reason }: { poll: Poll; reason: string }) {
  const label = useOptionLabel(poll.options);
  return (
    <section aria-labelledby={`edit-${poll.id}-options`} className="flex flex-col gap-2">
      <h3 id={`edit-${poll.id}-options`} className="font-semibold">
        Options
      </h3>
      <p className="text-muted">{reason}</p>
      {poll.options.length > 0 && (
        <ul className="list-disc pl-6">
          {poll.options.map((option) => (
            <li key={option.id}>{label(option.id)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function EditPollFields({ poll, onDone }: { poll: Poll; onDone: () => void }) {
  const trpc = useTRPC();
  const refresh = usePollRefresh(poll.id);
  const [form, setForm] = useState<EditPollForm>(() => initialEditForm(poll));
  const [problem, setProblem] = useState<{ field: "closingAt" | "options" | "opensAt"; message: string } | null>(null);
  const [now] = useState(() => new Date());
  const save = useMutation(
    trpc.poll.update.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone();
      },
    }),
  );
  const fields = fieldErrors(save.error);
  const lock = optionsLockReason(poll);
  const rulesLock = rulesLockReason(poll);
  const update = (change: Partial<EditPollForm>) => setForm((current) => ({ ...current, ...change }));
  const names = lock === null ? form.rows.map(({ value }) => value.trim()).filter(Boolean) : poll.options.map(({ name }) => name);

  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        const check = updateInput(form, poll, now);
        setProblem(check.ok ? null : check);
        if (check.ok) save.mutate(check.input);
      }}
    >
      <TitleField value={form.title} onChange={(event) => update({ title: event.target.value })} required error={fields?.title?.[0]} />
      <TextareaField
        label="Details"
        hint="Markdown works here."
        value={form.details}
        onChange={(event) => update({ details: event.target.value })}
        rows={5}
        error={fields?.details?.[0]}
      />
      {poll.closedAt ? (
        <p className="text-muted">This poll is closed. To set a new closing time, reopen it.</p>
      ) : (
        <TextField
          label="Closing time"
          type="datetime-local"
          value={form.closingAt}
          onChange={(event) => update({ closingAt: event.target.value })}
          required
          error={problem?.field === "closingAt" ? problem.message : fields?.closingAt?.[0]}
        />
      )}
      {lock === null ? (
        <OptionsEditor kind={poll.kind} rows={form.rows} onChange={(rows) => update({ rows })} error={problem?.field === "options" ? problem.message : fields?.options?.[0]} />
      ) : (
        poll.kind !== "question" && <LockedOptions poll={poll} reason={lock} />
      )}
      {rulesLock === null && (
        <fieldset className="flex min-w-0 flex-col gap-4">
          <legend className="mb-1 font-semibold">Voting rules</legend>
          <QuorumThresholdFields
            value={form.rules}
            update={(patch) => update({ rules: { ...form.rules, ...patch } })}
            fields={fields}
            thresholdFor={thresholdsFor(poll.kind, names, poll.settings.allowBlock)}
          />
          {poll.kind !== "question" && poll.kind !== "meeting" && !poll.settings.reasonRequired && names.length > 0 && (
            <ReasonCheckboxes
              names={names}
              value={form.rules.reasonFor}
              onChange={(reasonFor) => update({ rules: { ...form.rules, reasonFor } })}
              error={fields?.requireReasonFor?.[0]}
            />
          )}
          {canMoveOpening(poll, now) && (
            <TextField
              label="Opens at"
              hint="In your time zone. Clear it to open the poll now; its voters are then notified."
              type="datetime-local"
              value={form.opensAt}
              onChange={(event) => update({ opensAt: event.target.value })}
              error={problem?.field === "opensAt" ? problem.message : fields?.opensAt?.[0]}
            />
          )}
        </fieldset>
      )}
      {save.error && !fields && <Alert>{errorMessage(save.error)}</Alert>}
      <FormButtons label="Save changes" pending={save.isPending} onCancel={onDone} />
    </form>
  );
}

/** For the poll's author and the group's admins: title, details and closing time, and the options until the first vote. */
export function EditPollDialog({ poll }: { poll: Poll }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="Edit this poll"
      description={optionsLockReason(poll) === null ? "Everyone sees the changes at once." : "Everyone sees the changes at once. The options stay as they are."}
      trigger={
        <Button variant="secondary">
          <Pencil aria-hidden="true" className="size-5" /> Edit poll
        </Button>
      }
    >
      {open && <EditPollFields key={poll.id} poll={poll} onDone={() => setOpen(false)} />}
    </Dialog>
  );
}
