import { redirect } from "next/navigation";
import { getSessionUserId } from "@/server/api/context";
import { getServerCaller } from "@/server/api/server-caller";
import { SignInForm } from "@/app/signin/_components/sign-in-form";
import { safeNextPath } from "@/lib/safe-next";

export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeNextPath((await searchParams).next);
  if (await getSessionUserId()) redirect(next);
  const { needsAdmin } = await (await getServerCaller()).setup.status();
  if (needsAdmin) redirect("/setup");
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <p className="text-2xl font-bold text-ember-700">Hearth</p>
      <h1 className="mb-6 mt-2 text-3xl font-bold">Sign in</h1>
      <SignInForm next={next} />
    </main>
  );
}
