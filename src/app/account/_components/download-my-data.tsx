import { Download } from "lucide-react";
import { Card } from "@/components/ui/card";

/**
 * The person's own data. A plain link: the browser saves the file as it streams, and shows the
 * server's sentence if it is refused (an export of theirs already running).
 */
export function DownloadMyData() {
  return (
    <Card>
      <section aria-labelledby="my-data-heading" className="flex flex-col gap-4">
        <h2 id="my-data-heading" className="text-2xl font-bold">
          Download my data
        </h2>
        <p className="text-muted">
          Everything you wrote in Hearth, also in groups you have left: threads, comments, reactions, polls you started and
          outcomes you wrote, resources you added, comments on documents and the document versions you worked on. With your
          votes and reasons, your groups and your settings, as one JSON file.
        </p>
        <p className="text-muted">
          Your votes in anonymous polls are not included: Hearth never links an anonymous vote to anyone, so nobody, Hearth
          included, can find which votes were yours.
        </p>
        <a
          href="/api/me/export"
          className="inline-flex min-h-11 items-center gap-2 self-start rounded-lg border border-line bg-card px-4 py-2 font-semibold hover:bg-ember-50"
        >
          <Download aria-hidden="true" className="size-5" /> Download my data
        </a>
      </section>
    </Card>
  );
}
