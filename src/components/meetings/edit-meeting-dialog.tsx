"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Pencil } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { checkMeetingForm, MeetingFormFields, meetingFormFrom, type MeetingForm } from "@/components/meetings/meeting-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { errorMessage, fieldErrors } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type Meeting = RouterOutputs["meeting"]["byId"];

/** Admins change a meeting's details, or delete it; attendees hear about a new time, place, link or agenda. */
export function EditMeetingDialog({ meeting }: { meeting: Meeting }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<MeetingForm>(() => meetingFormFrom(meeting));
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [localError, setLocalError] = useState<{ field: "startsAt" | "endsAt"; message: string } | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.meeting.byId.queryKey({ id: meeting.id }) });
    void queryClient.invalidateQueries(trpc.meeting.list.pathFilter());
  };
  const save = useMutation(
    trpc.meeting.update.mutationOptions({
      onSuccess: () => {
        refresh();
        setOpen(false);
      },
    }),
  );
  const remove = useMutation(
    trpc.meeting.delete.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries(trpc.meeting.list.pathFilter());
        router.push(`/groups/${meeting.group.handle}/meetings`);
      },
    }),
  );
  const fields = fieldErrors(save.error);
  const update = (patch: Partial<MeetingForm>) => setForm((previous) => ({ ...previous, ...patch }));
  const submit = () => {
    const checked = checkMeetingForm(form);
    setLocalError(checked.ok ? null : { field: checked.field, message: checked.message });
    if (checked.ok) save.mutate({ id: meeting.id, ...checked.input, onlineUrl: checked.input.onlineUrl || null });
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next && !save.error) setForm(meetingFormFrom(meeting));
        setConfirmDelete(false);
      }}
      title="Edit meeting"
      trigger={
        <Button variant="secondary">
          <Pencil aria-hidden="true" className="size-4" /> Edit
        </Button>
      }
    >
      <form
        className="flex flex-col gap-5"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <MeetingFormFields groupId={meeting.group.id} form={form} update={update} fields={fields} localError={localError} />
        {save.error && <Alert>{fields ? "Some fields need attention: see the messages beside them." : errorMessage(save.error)}</Alert>}
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save changes"}
        </Button>
      </form>
      <div className="mt-6 flex flex-col gap-3 border-t border-line pt-4">
        {remove.error && <Alert>{errorMessage(remove.error)}</Alert>}
        {confirmDelete ? (
          <div className="flex flex-wrap items-center gap-3">
            <p>Delete this meeting? Threads, decisions and resources linked to it stay.</p>
            <Button onClick={() => remove.mutate({ id: meeting.id })} disabled={remove.isPending}>
              {remove.isPending ? "Deleting…" : "Delete meeting"}
            </Button>
            <Button variant="ghost" onClick={() => setConfirmDelete(false)}>
              Keep it
            </Button>
          </div>
        ) : (
          <Button variant="ghost" className="self-start text-danger" onClick={() => setConfirmDelete(true)}>
            Delete this meeting…
          </Button>
        )}
      </div>
    </Dialog>
  );
}
