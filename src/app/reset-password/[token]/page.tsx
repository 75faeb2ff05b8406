import { PublicShell } from "@/components/shell/public-shell";
import { ResetPasswordForm } from "@/app/reset-password/[token]/_components/reset-password-form";

export const metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <PublicShell title="Choose a new password">
      <ResetPasswordForm token={token} />
    </PublicShell>
  );
}
