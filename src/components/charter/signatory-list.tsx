import { Logo } from "@/components/ui/logo";
import { formatDay } from "@/lib/dates";

type SignatoryItem = { organisation: { id: string; name: string; logoUrl: string | null }; signedOn: Date };

/** The organisations that signed the charter, with their logos and the day each signed. */
export function SignatoryList({ signatories, emptyText }: { signatories: SignatoryItem[]; emptyText: string }) {
  if (signatories.length === 0) return <p className="text-muted">{emptyText}</p>;
  return (
    <ul className="grid gap-3 sm:grid-cols-2" aria-label="Signatories">
      {signatories.map(({ organisation, signedOn }) => (
        <li key={organisation.id} className="flex items-center gap-3 rounded-lg border border-line p-3">
          <Logo url={organisation.logoUrl} />
          <div className="min-w-0">
            <p className="font-semibold break-words">{organisation.name}</p>
            <p className="text-sm text-muted">
              Signed on <time dateTime={signedOn.toISOString().slice(0, 10)}>{formatDay(signedOn)}</time>
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
