import Link from "next/link";

export const metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <p className="text-2xl font-bold text-ember-700">Hearth</p>
      <h1 className="mb-2 mt-2 text-3xl font-bold">Page not found</h1>
      <p className="mb-6 text-muted">There is nothing at this address, or it is no longer available.</p>
      <Link href="/" className="font-semibold text-ember-700 underline">
        Go to your groups
      </Link>
    </main>
  );
}
