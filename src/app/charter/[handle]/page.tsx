import { notFound } from "next/navigation";
import { CookedMarkdown } from "@/components/cooked-markdown";
import { SignatoryList } from "@/components/charter/signatory-list";
import { getPublicCharter } from "@/server/charter/public";
import { getDb } from "@/server/db";

/** The same title whatever the handle, so the tab of a 404 says nothing about the group either. */
export const metadata = { title: "Charter" };

/**
 * A group's charter for anyone, signed in or not, once its admins made it public: the text and
 * the signatories, and nothing else of the group (not its name, members or anything they wrote).
 * Otherwise the ordinary 404, the same for a private charter as for a handle nobody has.
 */
export default async function PublicCharterPage({ params }: { params: Promise<{ handle: string }> }) {
  const { handle } = await params;
  const charter = await getPublicCharter(getDb(), handle);
  if (!charter) notFound();
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-3xl flex-col gap-8 px-4 py-10">
      <p className="text-2xl font-bold text-ember-700">Hearth</p>
      <h1 className="sr-only">Charter</h1>
      <article aria-label="Charter">
        <CookedMarkdown html={charter.bodyHtml} />
      </article>
      <section className="flex flex-col gap-3" aria-labelledby="signatories">
        <h2 id="signatories" className="text-xl font-bold">
          Signatories
        </h2>
        <SignatoryList signatories={charter.signatories} emptyText="No organisation has signed this charter yet." />
      </section>
    </main>
  );
}
