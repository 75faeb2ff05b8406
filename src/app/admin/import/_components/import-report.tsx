import Link from "next/link";
import type { ReactNode } from "react";
import { countPhrase, nonZero } from "@/app/admin/import/_components/import-status";
import type { RouterOutputs } from "@/lib/trpc/client";

type Report = NonNullable<RouterOutputs["imports"]["get"]["report"]>;
type Format = RouterOutputs["imports"]["get"]["format"];

function Counts({ counts, format }: { counts: [string, number][]; format: Format }) {
  return (
    <ul className="flex flex-wrap gap-2">
      {counts.map(([kind, count]) => (
        <li key={kind} className="rounded-full bg-ember-50 px-3 py-0.5 font-medium">
          {countPhrase(kind, count, format)}
        </li>
      ))}
    </ul>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="flex flex-col gap-2">
      <h3 className="text-lg font-semibold">{title}</h3>
      {children}
    </section>
  );
}

/**
 * A report in plain words: what will be (or was) created, what was already here, what was left
 * out and why, line by line. `imported`: the real run's report, whose groups are links.
 */
export function ImportReport({ report, format, imported }: { report: Report; format: Format; imported: boolean }) {
  const created = nonZero(report.created);
  const matched = nonZero(report.matched);
  const ignored = nonZero(report.ignored);
  const will = report.dryRun;

  return (
    <div className="flex flex-col gap-5">
      {report.groups.length > 0 && (
        <Section title={imported ? "Imported groups" : "Groups in this file"}>
          <ul className="flex flex-col gap-1">
            {report.groups.map((group) => (
              <li key={group.handle}>
                {imported ? (
                  <Link href={`/groups/${group.handle}`} className="font-semibold text-ember-700 underline">
                    {group.name}
                  </Link>
                ) : (
                  <span className="font-semibold">{group.name}</span>
                )}{" "}
                <span className="text-sm text-muted">/groups/{group.handle}</span>
              </li>
            ))}
          </ul>
        </Section>
      )}

      <Section title={will ? "What the import will create" : "What the import created"}>
        {created.length > 0 ? <Counts counts={created} format={format} /> : <p>Nothing new: everything in the file is already in Hearth.</p>}
      </Section>

      {matched.length > 0 && (
        <Section title="Already in Hearth">
          <p className="text-sm text-muted">
            People found by their email address, and records an earlier import of this group brought in. They are left as they
            {will ? " are" : " were"}.
          </p>
          <Counts counts={matched} format={format} />
        </Section>
      )}

      {report.skippedTotal > 0 && (
        <Section title={`Skipped: ${report.skippedTotal.toLocaleString("en-GB")} ${report.skippedTotal === 1 ? "record" : "records"}`}>
          <p className="text-sm text-muted">
            {will ? "These will not be imported" : "These were not imported"}; the rest of the file is not affected.
            {report.skippedTotal > report.skipped.length && ` The first ${report.skipped.length} are listed.`}
          </p>
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm">
              <thead>
                <tr className="border-b border-line">
                  <th scope="col" className="py-1 pr-3">
                    Line
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    Record
                  </th>
                  <th scope="col" className="py-1">
                    Why
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.skipped.map((record, index) => (
                  <tr key={`${record.table}-${record.id}-${index}`} className="border-b border-line align-top">
                    <td className="py-1 pr-3">{record.line ?? "–"}</td>
                    <td className="break-all py-1 pr-3">
                      {record.table} {record.id}
                    </td>
                    <td className="py-1">{record.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Section>
      )}

      {report.warningsTotal > 0 && (
        <Section title="Worth knowing">
          <ul className="list-disc pl-6">
            {report.warnings.map((warning, index) => (
              <li key={index}>{warning}</li>
            ))}
          </ul>
          {report.warningsTotal > report.warnings.length && (
            <p className="text-sm text-muted">…and {(report.warningsTotal - report.warnings.length).toLocaleString("en-GB")} more.</p>
          )}
        </Section>
      )}

      {ignored.length > 0 && (
        <Section title="Left out">
          <p className="text-sm text-muted">Parts of the file Hearth has no use for:</p>
          <ul className="list-disc pl-6">
            {ignored.map(([table, rows]) => (
              <li key={table}>
                {table} ({rows.toLocaleString("en-GB")} {rows === 1 ? "row" : "rows"})
              </li>
            ))}
          </ul>
        </Section>
      )}

      <p className="text-sm text-muted">{report.linesRead.toLocaleString("en-GB")} lines read.</p>
    </div>
  );
}
