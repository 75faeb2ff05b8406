import { InviteGuestDialog } from "@/components/invitations/invite-guest-dialog";

/** Brings someone from outside the group into this one discussion, as a guest who sees only it. */
export function InviteToThreadDialog({ groupId, threadId }: { groupId: string; threadId: string }) {
  return (
    <InviteGuestDialog
      groupId={groupId}
      target={{ threadId }}
      title="Invite someone to this discussion"
      description="They join the group as a guest who can read and reply in this discussion, and only this one."
      triggerLabel="Invite someone to this discussion"
    />
  );
}
