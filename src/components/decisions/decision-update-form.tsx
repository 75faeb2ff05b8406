"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { STATUS_OPTIONS } from "@/components/decisions/decision-status";
import { OwnerSelect } from "@/components/decisions/owner-select";
import { MarkdownEditor } from "@/components/threads/markdown-editor";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { errorMessage, fieldErrors } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";
import { MAX_DECISION_NOTE, type DecisionStatus } from "@/server/decisions/schemas";

type Decision = RouterOutputs["decision"]["byId"];

const dayOf = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");

/**
 * Progress on a decision: its owner reports status and notes; admins also choose the owner, the
 * review date and the decision that superseded it. Only what changed is sent.
 */
export function DecisionUpdateForm({ decision }: { decision: Decision }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const manage = decision.viewer.canManage;
  const [status, setStatus] = useState<DecisionStatus>(decision.status);
  const [note, setNote] = useState("");
  const [ownerId, setOwnerId] = useState(decision.owner?.id ?? "");
  const [reviewOn, setReviewOn] = useState(dayOf(decision.reviewOn));
  const [supersededById, setSupersededById] = useState(decision.supersededBy?.id ?? "");
  const others = useQuery({ ...trpc.decision.list.queryOptions({ groupId: decision.groupId }), enabled: manage });
  const candidates = (others.data?.items ?? []).filter((other) => other.id !== decision.id);
  if (decision.supersededBy && !candidates.some((other) => other.id === decision.supersededBy?.id)) candidates.unshift({ ...decision, ...decision.supersededBy });

  const save = useMutation(
    trpc.decision.update.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueryData(trpc.decision.byId.queryKey({ id: decision.id }), updated);
        void queryClient.invalidateQueries(trpc.decision.list.pathFilter());
        setNote("");
      },
    }),
  );
  const errors = fieldErrors(save.error);
  const submit = () => {
    const newReview = reviewOn ? new Date(`${reviewOn}T09:00:00.000Z`) : null;
    save.mutate({
      id: decision.id,
      ...(status !== decision.status && { status }),
      ...(note.trim() && { note }),
      ...(manage && ownerId !== (decision.owner?.id ?? "") && { ownerId: ownerId || null }),
      ...(manage && reviewOn !== dayOf(decision.reviewOn) && { reviewOn: newReview }),
      ...(manage && supersededById !== (decision.supersededBy?.id ?? "") && { supersededById: supersededById || null }),
    });
  };

  return (
    <form
      aria-label="Update this decision"
      className="flex flex-col gap-4 rounded-lg border border-line bg-card p-4"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h3 className="text-lg font-bold">Update</h3>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Status"
          value={status}
          onChange={(event) => setStatus(event.target.value as DecisionStatus)}
          options={STATUS_OPTIONS}
          error={errors?.status?.[0]}
        />
        {manage && (
          <>
            <OwnerSelect
              groupId={decision.groupId}
              label="Owner"
              value={ownerId}
              current={decision.owner}
              onChange={setOwnerId}
              emptyLabel="Nobody"
              error={errors?.ownerId?.[0]}
            />
            <TextField
              label="Review on"
              type="date"
              value={reviewOn}
              onChange={(event) => setReviewOn(event.target.value)}
              hint="The owner is reminded on this day."
              error={errors?.reviewOn?.[0]}
            />
            <SelectField
              label="Superseded by"
              value={supersededById}
              onChange={(event) => setSupersededById(event.target.value)}
              options={[{ value: "", label: "Not superseded" }, ...candidates.map((other) => ({ value: other.id, label: other.title }))]}
              hint="Choosing one marks this decision superseded."
              error={errors?.supersededById?.[0]}
            />
          </>
        )}
      </div>
      <MarkdownEditor
        label="Progress note (optional)"
        value={note}
        onChange={setNote}
        onSubmitShortcut={submit}
        groupId={decision.groupId}
        error={errors?.note?.[0]}
        rows={3}
        maxLength={MAX_DECISION_NOTE}
      />
      {save.error && !errors && <Alert>{errorMessage(save.error)}</Alert>}
      {save.isSuccess && !save.isPending && (
        <p role="status" className="text-sm text-live">
          Saved.
        </p>
      )}
      <Button type="submit" className="self-start" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save"}
      </Button>
    </form>
  );
}
