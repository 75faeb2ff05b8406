"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { createInput, formFromTemplate, type PollForm, type PollTemplate } from "@/components/polls/poll-form-state";
import { PollFormFields } from "@/components/polls/poll-form";
import { KIND_LABELS } from "@/components/polls/poll-text";
import { SaveTemplateForm } from "@/components/polls/save-template-form";
import { TemplatePicker } from "@/components/polls/template-picker";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, focusFirstField } from "@/components/ui/dialog";
import { errorMessage, fieldErrors } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";

/** Fields whose server messages appear beside them; others go in the alert. */
const INLINE = new Set(["title", "details", "options", "closingAt", "minChoices", "maxChoices", "dotsPerPerson", "scoreMin", "scoreMax", "countTarget", "voterIds", "meetingId", "countingMethod", "seats", "quorum", "threshold", "requireReasonFor", "opensAt"]);

/**
 * Starts a decision in a group (inside a thread when `threadId` is given): first a process,
 * then its form. What is typed lives here, so closing the dialog or a refusal loses nothing.
 * On success it calls `onCreated`, or opens the new poll's page. `meetingId` preselects the
 * meeting the decision is for.
 */
export function NewPollDialog({
  groupId,
  threadId,
  onCreated,
  label = "New decision",
  meetingId,
}: {
  groupId: string;
  threadId?: string;
  meetingId?: string;
  onCreated?: (pollId: string) => void;
  label?: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState<"choose" | "form">("choose");
  const [template, setTemplate] = useState<PollTemplate | null>(null);
  const [form, setForm] = useState<PollForm | null>(null);
  const [localError, setLocalError] = useState<{ field: "closingAt" | "options" | "opensAt"; message: string } | null>(null);
  const group = useQuery({ ...trpc.group.byId.queryOptions({ id: groupId }), enabled: open });
  const create = useMutation(
    trpc.poll.create.mutationOptions({
      onSuccess: ({ id }) => {
        void queryClient.invalidateQueries(trpc.poll.list.pathFilter());
        setForm(null);
        setTemplate(null);
        setStep("choose");
        setOpen(false);
        if (onCreated) onCreated(id);
        else router.push(`/polls/${id}`);
      },
    }),
  );
  const formRef = useRef<HTMLFormElement>(null);
  // The process was picked with its card, which is gone: the form starts on its first field.
  useEffect(() => {
    if (step === "form") focusFirstField(formRef.current);
  }, [step, template]);
  const fields = fieldErrors(create.error);
  const allInline = fields !== null && Object.keys(fields).every((key) => INLINE.has(key));

  const pick = (chosen: PollTemplate) => {
    const fresh = { ...formFromTemplate(chosen, new Date(), group.data?.votingRuleDefaults), meetingId: meetingId ?? "" };
    // Switching process keeps what was written about the decision itself.
    setForm((previous) => (previous ? { ...fresh, title: previous.title, details: previous.details, closingAt: previous.closingAt, meetingId: previous.meetingId } : fresh));
    setTemplate(chosen);
    setLocalError(null);
    create.reset();
    setStep("form");
  };
  const update = (patch: Partial<PollForm>) => setForm((previous) => (previous ? { ...previous, ...patch } : previous));
  const submit = () => {
    if (!form) return;
    const checked = createInput(form, groupId, threadId);
    setLocalError(checked.ok ? null : { field: checked.field, message: checked.message });
    if (checked.ok) create.mutate(checked.input);
  };

  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="Start a decision"
      trigger={
        <Button>
          <Plus aria-hidden="true" className="size-5" /> {label}
        </Button>
      }
    >
      {step === "choose" || !form || !template ? (
        <div className="flex flex-col gap-4">
          <p className="text-muted">Choose how the group will decide.</p>
          <TemplatePicker groupId={groupId} onPick={pick} />
        </div>
      ) : (
        <div className="flex flex-col gap-5">
          <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg bg-ember-50 px-3 py-2">
            <p>
              <span className="font-semibold">{template.name}</span>
              {template.name !== KIND_LABELS[template.kind] && <span className="text-muted"> · {KIND_LABELS[template.kind]}</span>}
            </p>
            <Button variant="ghost" onClick={() => setStep("choose")}>
              Choose another process
            </Button>
          </div>
          <form
            ref={formRef}
            className="flex flex-col gap-5"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              submit();
            }}
          >
            <PollFormFields groupId={groupId} form={form} update={update} fields={fields} localError={localError} />
            {create.error && <Alert>{allInline ? "Some fields need attention: see the messages beside them." : errorMessage(create.error)}</Alert>}
            {localError && <Alert>{localError.message}</Alert>}
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? "Starting…" : "Start the decision"}
            </Button>
          </form>
          {group.data?.permissions.canUpdate && <SaveTemplateForm groupId={groupId} form={form} />}
        </div>
      )}
    </Dialog>
  );
}
