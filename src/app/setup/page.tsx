import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getServerCaller } from "@/server/api/server-caller";
import { SetupForm } from "@/app/setup/_components/setup-form";

export const metadata = { title: "Set up Hearth" };

/** Shown only while the instance has no users; afterwards people join by invitation. */
export default async function SetupPage() {
  await connection();
  const { needsAdmin } = await (await getServerCaller()).setup.status();
  if (!needsAdmin) notFound();
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <p className="text-2xl font-bold text-ember-700">Hearth</p>
      <h1 className="mb-2 mt-2 text-3xl font-bold">Welcome to Hearth</h1>
      <p className="mb-6 text-muted">
        Create the administrator account. You will use it to set up groups and invite people.
      </p>
      <SetupForm />
    </main>
  );
}
