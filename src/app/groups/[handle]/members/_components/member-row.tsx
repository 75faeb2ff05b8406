"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { RoleBadge, ROLE_LABELS } from "@/components/ui/role-badge";
import { ClaimLinksResult } from "@/app/groups/[handle]/members/_components/claim-links";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";

type Member = RouterOutputs["member"]["list"]["items"][number];

const joined = new Intl.DateTimeFormat("en-GB", { dateStyle: "long" });

export function MemberRow({ groupId, member, isMe, canManage }: { groupId: string; member: Member; isMe: boolean; canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.member.list.pathKey() });
  const setRole = useMutation(trpc.member.setRole.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.member.remove.mutationOptions({ onSuccess: refresh }));
  const sendLink = useMutation(trpc.member.sendClaimLinks.mutationOptions());
  const [confirming, setConfirming] = useState(false);
  const name = isMe ? `${member.name} (you)` : member.name;

  return (
    <li className="rounded-xl border border-line bg-card p-4">
      {/* Stacked on a phone: beside the details, the controls would squeeze the name to a letter a line. */}
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
        <div className="flex min-w-0 flex-1 items-start gap-4">
          <Avatar userId={member.userId} name={member.name} imageUrl={member.avatarUrl} size="lg" />
          <div className="min-w-0 flex-1">
            <p className="flex flex-wrap items-center gap-2">
              <span className="min-w-0 break-words text-lg font-semibold">{name}</span>
              <RoleBadge role={member.role} />
              {member.unclaimed && (
                <span className="rounded-full border border-dashed border-line px-3 py-0.5 text-sm font-semibold text-muted">Not signed in yet</span>
              )}
            </p>
            {member.email && (
              <a href={`mailto:${member.email}`} className="break-all text-ember-700 underline">
                {member.email}
              </a>
            )}
            {member.bio && <p className="mt-1 break-words">{member.bio}</p>}
            <p className="mt-1 text-sm text-muted">Joined {joined.format(member.joinedAt)}</p>
          </div>
        </div>
        {canManage && (
          <div className="flex flex-wrap items-center gap-2">
            {member.unclaimed && (
              <Button
                variant="secondary"
                aria-label={`Send a sign-in link to ${member.name}`}
                disabled={sendLink.isPending}
                onClick={() => sendLink.mutate({ groupId, userIds: [member.userId] })}
              >
                {sendLink.isPending ? "Sending…" : "Send sign-in link"}
              </Button>
            )}
            <select
              aria-label={`Role of ${member.name}`}
              value={member.role}
              disabled={setRole.isPending}
              onChange={(event) =>
                setRole.mutate({ groupId, userId: member.userId, role: event.target.value as Member["role"] })
              }
              className="min-h-11 rounded-lg border border-line bg-card px-3 py-2"
            >
              {(Object.keys(ROLE_LABELS) as Member["role"][]).map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </select>
            <Dialog
              open={confirming}
              onOpenChange={(next) => {
                setConfirming(next);
                if (!next) remove.reset();
              }}
              title={`Remove ${member.name}?`}
              description="They will also be removed from this group's subgroups. What they wrote stays."
              trigger={
                <Button variant="secondary" aria-label={`Remove ${member.name}`}>
                  Remove
                </Button>
              }
            >
              <div className="flex flex-col gap-4">
                {remove.error && <Alert>{errorMessage(remove.error)}</Alert>}
                <div className="flex flex-wrap justify-end gap-2">
                  <DialogClose asChild>
                    <Button variant="secondary">Cancel</Button>
                  </DialogClose>
                  <Button
                    disabled={remove.isPending}
                    onClick={() => remove.mutate({ groupId, userId: member.userId }, { onSuccess: () => setConfirming(false) })}
                  >
                    {remove.isPending ? "Removing…" : "Remove from group"}
                  </Button>
                </div>
              </div>
            </Dialog>
          </div>
        )}
      </div>
      {setRole.error && (
        <div className="mt-3">
          <Alert>{errorMessage(setRole.error)}</Alert>
        </div>
      )}
      {(sendLink.data || sendLink.error) && (
        <div className="mt-3">
          {sendLink.data ? <ClaimLinksResult result={sendLink.data} /> : <Alert>{errorMessage(sendLink.error)}</Alert>}
        </div>
      )}
    </li>
  );
}
