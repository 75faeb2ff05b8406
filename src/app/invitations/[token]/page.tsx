import { TRPCError } from "@trpc/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { PublicShell } from "@/components/shell/public-shell";
import { Card } from "@/components/ui/card";
import type { RouterOutputs } from "@/lib/trpc/client";
import { getSessionUserId } from "@/server/api/context";
import { getServerCaller } from "@/server/api/server-caller";
import { InvitationResponse } from "@/app/invitations/[token]/_components/invitation-response";

export const metadata = { title: "Invitation" };

type Preview = RouterOutputs["invitation"]["preview"];
type Me = RouterOutputs["user"]["me"];

const ROLE_PHRASES: Record<Preview["role"], string> = { admin: "an admin", member: "a member", guest: "a guest" };

/** Why a link does not work, and what to do about it, for each state of an invitation. */
const DEAD_ENDS: Record<Exclude<Preview["status"], "valid"> | "unknown", { title: string; advice: (inviter: string) => string }> = {
  unknown: {
    title: "This invitation link is not valid",
    advice: () => "Check that you copied the whole link from the email. If it still does not work, ask the person who invited you to send a new invitation.",
  },
  expired: {
    title: "This invitation has expired",
    advice: (inviter) => `Invitation links work for a limited time. Ask ${inviter} to send it again: you will get a new link.`,
  },
  revoked: {
    title: "This invitation was revoked",
    advice: (inviter) => `${inviter} revoked it. If you still want to join, ask them for a new invitation.`,
  },
  used: {
    title: "This invitation has already been used",
    advice: () => "Each link works once. If you accepted it yourself, sign in to find the group on your home page.",
  },
};

async function loadPreview(token: string): Promise<Preview | null> {
  try {
    return await (await getServerCaller()).invitation.preview({ token });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const signedIn = (await getSessionUserId()) !== null;
  const [preview, me] = await Promise.all([loadPreview(token), signedIn ? (await getServerCaller()).user.me() : null]);
  const content = <InvitationContent token={token} preview={preview} me={me} />;
  return me ? <AppShell me={me}>{content}</AppShell> : content;
}

function Frame({ me, title, children }: { me: Me | null; title: string; children: ReactNode }) {
  if (!me) return <PublicShell title={title}>{children}</PublicShell>;
  return (
    <div className="mx-auto max-w-lg">
      <h1 className="mb-6 text-3xl font-bold">{title}</h1>
      {children}
    </div>
  );
}

function DeadEnd({ state, preview, me }: { state: keyof typeof DEAD_ENDS; preview: Preview | null; me: Me | null }) {
  const deadEnd = DEAD_ENDS[state];
  return (
    <Frame me={me} title={deadEnd.title}>
      <Card>
        {preview && (
          <p className="mb-3">
            It was an invitation from {preview.inviterName} to join <strong>{preview.group.name}</strong>.
          </p>
        )}
        <p>{deadEnd.advice(preview?.inviterName ?? "")}</p>
        <p className="mt-4">
          <Link href={me ? "/" : "/signin"} className="font-semibold text-ember-700 underline">
            {me ? "Go to your groups" : "Go to sign in"}
          </Link>
        </p>
      </Card>
    </Frame>
  );
}

function InvitationContent({ token, preview, me }: { token: string; preview: Preview | null; me: Me | null }) {
  if (!preview) return <DeadEnd state="unknown" preview={null} me={me} />;
  if (preview.status !== "valid") return <DeadEnd state={preview.status} preview={preview} me={me} />;
  return (
    <Frame me={me} title={`Join ${preview.group.name}`}>
      <Card className="mb-6">
        {preview.invitedTo ? (
          <p>
            {preview.inviterName} invited <strong>{preview.email}</strong> to{" "}
            {preview.invitedTo.kind === "thread" ? "join the discussion" : "read"} “<strong>{preview.invitedTo.title}</strong>” in{" "}
            <strong>{preview.group.name}</strong>.
          </p>
        ) : (
          <p>
            {preview.inviterName} invited <strong>{preview.email}</strong> to join <strong>{preview.group.name}</strong> as{" "}
            {ROLE_PHRASES[preview.role]}.
          </p>
        )}
        {preview.message && (
          <figure className="mt-4 border-l-4 border-ember-600 pl-4">
            <blockquote className="whitespace-pre-line">{preview.message}</blockquote>
            <figcaption className="mt-1 text-sm text-muted">— {preview.inviterName}</figcaption>
          </figure>
        )}
      </Card>
      <InvitationResponse
        token={token}
        groupName={preview.group.name}
        groupHandle={preview.group.handle}
        invitedEmail={preview.email}
        accountExists={preview.accountExists}
        alreadyMember={preview.alreadyMember}
        me={me ? { name: me.name, email: me.email } : null}
      />
    </Frame>
  );
}
