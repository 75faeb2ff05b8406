"use client";

import { useState } from "react";
import type { RouterOutputs } from "@/lib/trpc/client";
import { InviteForm } from "@/app/groups/[handle]/invitations/_components/invite-form";
import { InviteResults } from "@/app/groups/[handle]/invitations/_components/invite-results";
import { PendingInvitations } from "@/app/groups/[handle]/invitations/_components/pending-invitations";

type Role = RouterOutputs["invitation"]["assignableRoles"][number];
type Result = RouterOutputs["invitation"]["create"];

export function InvitationsPanel({ groupId, groupName, roles }: { groupId: string; groupName: string; roles: Role[] }) {
  const [result, setResult] = useState<Result | null>(null);
  return (
    <div className="flex flex-col gap-10">
      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading" className="mb-4 text-2xl font-bold">
          Invite people to {groupName}
        </h2>
        <InviteForm groupId={groupId} roles={roles} onCreated={setResult} />
        {result && <InviteResults result={result} />}
      </section>
      <PendingInvitations groupId={groupId} />
    </div>
  );
}
