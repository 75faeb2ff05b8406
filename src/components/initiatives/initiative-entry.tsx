import { ExternalLink, Mail, MapPin, MessageSquare } from "lucide-react";
import Link from "next/link";
import { CookedMarkdown } from "@/components/cooked-markdown";
import { DeleteInitiativeDialog } from "@/components/initiatives/delete-initiative-dialog";
import { InitiativeFormDialog } from "@/components/initiatives/initiative-form-dialog";
import type { RouterOutputs } from "@/lib/trpc/client";

type Initiative = RouterOutputs["initiative"]["list"]["items"][number];

/** One initiative of the directory: who runs it, where, how to reach it, its tags and discussions. */
export function InitiativeEntry({ initiative, onTag }: { initiative: Initiative; onTag: (tag: string) => void }) {
  const headingId = `initiative-${initiative.id}-name`;
  return (
    <li id={`initiative-${initiative.id}`} aria-labelledby={headingId} className="flex scroll-mt-24 flex-col gap-3 rounded-xl border border-line bg-card p-5 shadow-sm target:ring-2 target:ring-ember-500">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 id={headingId} className="break-words text-xl font-bold">
            {initiative.name}
          </h3>
          {initiative.organisation && <p className="text-muted">Run by {initiative.organisation.name}</p>}
        </div>
        {initiative.viewer.canEdit && (
          <div className="flex flex-wrap gap-2">
            <InitiativeFormDialog groupId={initiative.groupId} initiative={initiative} />
            {initiative.viewer.canDelete && <DeleteInitiativeDialog initiative={initiative} />}
          </div>
        )}
      </div>
      {initiative.description && <CookedMarkdown html={initiative.descriptionHtml} className="max-w-prose break-words" />}
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        {initiative.area && (
          <>
            <dt className="flex items-center gap-1 font-semibold">
              <MapPin aria-hidden="true" className="size-4" /> Area
            </dt>
            <dd>{initiative.area}</dd>
          </>
        )}
        {initiative.contact && (
          <>
            <dt className="flex items-center gap-1 font-semibold">
              <Mail aria-hidden="true" className="size-4" /> Contact
            </dt>
            <dd className="break-words">{initiative.contact}</dd>
          </>
        )}
        {initiative.website && (
          <>
            <dt className="flex items-center gap-1 font-semibold">
              <ExternalLink aria-hidden="true" className="size-4" /> Website
            </dt>
            <dd className="break-all">
              <a href={initiative.website} target="_blank" rel="noopener noreferrer nofollow" className="text-ember-700 underline">
                {initiative.website}
              </a>
            </dd>
          </>
        )}
      </dl>
      {initiative.tags.length > 0 && (
        <ul aria-label="Tags" className="flex flex-wrap gap-2">
          {initiative.tags.map((tag) => (
            <li key={tag}>
              <button
                type="button"
                onClick={() => onTag(tag)}
                className="min-h-9 rounded-full bg-ember-50 px-3 text-sm font-semibold text-ember-800 hover:bg-ember-100"
                aria-label={`Show initiatives tagged ${tag}`}
              >
                #{tag}
              </button>
            </li>
          ))}
        </ul>
      )}
      {initiative.threads.length > 0 && (
        <div>
          <h4 className="flex items-center gap-1 text-sm font-semibold">
            <MessageSquare aria-hidden="true" className="size-4" /> Discussions
          </h4>
          <ul className="mt-1 flex flex-col gap-1 text-sm">
            {initiative.threads.map((thread) => (
              <li key={thread.id}>
                <Link href={`/threads/${thread.id}`} className="text-ember-700 underline">
                  {thread.title}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </li>
  );
}
