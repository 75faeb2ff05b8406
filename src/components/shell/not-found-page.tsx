import Link from "next/link";

/** A page with nothing to show the reader: what happened, why that may be, and the way back to their groups. */
export function NotFoundPage({ title, reason }: { title: string; reason: string }) {
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <p className="text-2xl font-bold text-ember-700">Hearth</p>
      <h1 className="mb-2 mt-2 text-3xl font-bold">{title}</h1>
      <p className="mb-6 text-muted">{reason}</p>
      <Link href="/" className="font-semibold text-ember-700 underline">
        Go to your groups
      </Link>
    </main>
  );
}
