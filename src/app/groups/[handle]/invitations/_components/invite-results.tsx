"use client";

import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import type { RouterOutputs } from "@/lib/trpc/client";
import { CopyLink } from "@/app/groups/[handle]/invitations/_components/copy-link";

type Result = RouterOutputs["invitation"]["create"];

/** "2 invitations sent. Not sent: pat@ (not an email address)": what happened to the whole list, in one sentence. */
export function inviteOutcome(result: Result): string {
  const count = result.invitations.length;
  const done = `${count === 1 ? "1 invitation" : `${count} invitations`} ${result.emailSent ? "sent" : "created"}.`;
  if (result.skipped.length === 0) return done;
  return `${done} Not sent: ${result.skipped.map(({ email, reason }) => `${email} (${reason})`).join(", ")}.`;
}

export function InviteResults({ result }: { result: Result }) {
  const count = result.invitations.length;
  return (
    <Card className="mt-6" role="region" aria-labelledby="invite-results-heading">
      <h3 id="invite-results-heading" className="mb-3 text-xl font-semibold">
        {count === 1 ? "1 invitation created" : `${count} invitations created`}
      </h3>
      <p role="status" className="mb-4">
        {inviteOutcome(result)}
      </p>
      {count > 0 &&
        (result.emailSent ? (
          <p className="mb-4">Each person has been sent their link by email. You can also copy the links here.</p>
        ) : (
          <div className="mb-4">
            <Alert tone="info">Email is not set up on this server: send these links yourself.</Alert>
          </div>
        ))}
      <ul className="flex flex-col gap-4" aria-label="Invitation links">
        {result.invitations.map((invitation) => (
          <li key={invitation.id}>
            <p className="mb-1 font-semibold break-all">{invitation.email}</p>
            <CopyLink link={invitation.link} label={`Invitation link for ${invitation.email}`} />
          </li>
        ))}
      </ul>
      {result.skipped.length > 0 && (
        <>
          <h4 className="mb-2 mt-6 text-lg font-semibold">Not invited</h4>
          <ul className="flex flex-col gap-1" aria-label="Addresses not invited">
            {result.skipped.map(({ email, reason }) => (
              <li key={email}>
                <span className="font-semibold break-all">{email}</span>: {reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
