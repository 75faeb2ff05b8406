import { PublicShell } from "@/components/shell/public-shell";
import { ForgotPasswordForm } from "@/app/forgot-password/_components/forgot-password-form";

export const metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <PublicShell title="Forgot your password?">
      <ForgotPasswordForm />
    </PublicShell>
  );
}
