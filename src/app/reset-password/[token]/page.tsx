import type { Metadata } from "next";
import { PublicShell } from "@/components/shell/public-shell";
import { ResetPasswordForm } from "@/app/reset-password/[token]/_components/reset-password-form";

type Props = {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ searchParams }: Pick<Props, "searchParams">): Promise<Metadata> {
  return { title: (await searchParams).welcome !== undefined ? "Choose a password" : "Choose a new password" };
}

/**
 * A password reset link, or (with ?welcome, as emailed by member.sendClaimLinks) the first
 * sign-in of an account an import brought in: the same single-use link, told in fitting words.
 */
export default async function ResetPasswordPage({ params, searchParams }: Props) {
  const [{ token }, query] = await Promise.all([params, searchParams]);
  const welcome = query.welcome !== undefined;
  return (
    <PublicShell title={welcome ? "Choose a password for your Hearth account" : "Choose a new password"}>
      {welcome && (
        <p className="mb-4 text-muted">
          Your account was brought over to Hearth with what you wrote before. Choose a password, and you are in.
        </p>
      )}
      <ResetPasswordForm token={token} welcome={welcome} />
    </PublicShell>
  );
}
