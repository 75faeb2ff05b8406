"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CalendarPlus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { blankMeetingForm, checkMeetingForm, MeetingFormFields, type MeetingForm } from "@/components/meetings/meeting-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { errorMessage, fieldErrors } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";

/** Fields whose server messages appear beside them; others go in the alert. */
const INLINE = new Set(["title", "startsAt", "endsAt", "location", "onlineUrl", "agenda", "attendeeIds"]);

/**
 * "Schedule a meeting" for the group's admins. What is typed lives here, so closing the dialog
 * or a refusal from the server loses nothing; on success the meeting's page opens.
 */
export function ScheduleMeetingDialog({ groupId }: { groupId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<MeetingForm | null>(null);
  const [localError, setLocalError] = useState<{ field: "startsAt" | "endsAt"; message: string } | null>(null);
  const create = useMutation(
    trpc.meeting.create.mutationOptions({
      onSuccess: ({ id }) => {
        void queryClient.invalidateQueries(trpc.meeting.list.pathFilter());
        setForm(null);
        setOpen(false);
        router.push(`/meetings/${id}`);
      },
    }),
  );
  const fields = fieldErrors(create.error);
  const allInline = fields !== null && Object.keys(fields).every((key) => INLINE.has(key));
  const current = form ?? blankMeetingForm(new Date());
  const update = (patch: Partial<MeetingForm>) => setForm({ ...current, ...patch });
  const submit = () => {
    const checked = checkMeetingForm(current);
    setLocalError(checked.ok ? null : { field: checked.field, message: checked.message });
    if (checked.ok) create.mutate({ groupId, ...checked.input, onlineUrl: checked.input.onlineUrl || undefined });
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next && !form) setForm(blankMeetingForm(new Date()));
      }}
      title="Schedule a meeting"
      trigger={
        <Button>
          <CalendarPlus aria-hidden="true" className="size-5" /> Schedule a meeting
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
        <MeetingFormFields groupId={groupId} form={current} update={update} fields={fields} localError={localError} />
        {create.error && <Alert>{allInline ? "Some fields need attention: see the messages beside them." : errorMessage(create.error)}</Alert>}
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Scheduling…" : "Schedule the meeting"}
        </Button>
      </form>
    </Dialog>
  );
}
