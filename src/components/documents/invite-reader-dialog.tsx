import { InviteGuestDialog } from "@/components/invitations/invite-guest-dialog";

/**
 * Invites stakeholders to read this one document as guests of the group: they see it (and
 * nothing else of the group's documents) and cannot change it.
 */
export function InviteReaderDialog({ groupId, documentId }: { groupId: string; documentId: string }) {
  return (
    <InviteGuestDialog
      groupId={groupId}
      target={{ documentId }}
      title="Invite someone to read this document"
      description="They join the group as a guest who can read this document, and only this one. They cannot change it."
      triggerLabel="Invite a reader"
    />
  );
}
