import { Download } from "lucide-react";

const LINK =
  "inline-flex min-h-11 items-center gap-2 self-start rounded-lg border border-line bg-card px-4 py-2 font-semibold hover:bg-ember-50";

/**
 * The group's data, for its admins. Plain links rather than buttons: the browser saves the
 * download as it streams, and when the server refuses (another export running) it shows the
 * server's sentence instead of a failed download.
 */
export function GroupDownload({ group }: { group: { name: string; handle: string } }) {
  const url = (format: "zip" | "json") => `/api/groups/${encodeURIComponent(group.handle)}/export?format=${format}`;
  return (
    <section aria-labelledby="download-heading" className="flex max-w-2xl flex-col gap-4">
      <h2 id="download-heading" className="text-2xl font-bold">
        Download all group data
      </h2>
      <p className="text-muted">
        A copy of everything in {group.name}: threads and comments, decisions with their votes and outcomes, members with their
        emails, resources and their files, meetings, and every version of each document. Subgroups where you are an admin come too.
        Anonymous votes are downloaded without anyone&apos;s name, as they are stored.
      </p>
      <div className="flex flex-col gap-3">
        <a href={url("zip")} className={LINK}>
          <Download aria-hidden="true" className="size-5" /> Download ZIP
        </a>
        <p className="text-sm text-muted">Spreadsheets (CSV) for each kind of record, the uploaded files, and the documents as Markdown.</p>
        <a href={url("json")} className={LINK}>
          <Download aria-hidden="true" className="size-5" /> Download JSON
        </a>
        <p className="text-sm text-muted">Hearth&apos;s own format, to move the group to another Hearth.</p>
      </div>
      <p className="text-sm text-muted">
        A large group can take a few minutes; the download starts straight away and grows as it is prepared. One export runs
        per person at a time.
      </p>
    </section>
  );
}
