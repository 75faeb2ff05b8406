"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { BadgeCheck, FileText } from "lucide-react";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type Summary = RouterOutputs["document"]["list"]["items"][number];

function DocumentRow({ document }: { document: Summary }) {
  return (
    <li className={`flex flex-col gap-1 rounded-lg border bg-card px-4 py-3 ${document.leading ? "border-ember-600" : "border-line"}`}>
      <Link href={`/documents/${document.id}`} className="inline-flex items-center gap-2 break-words text-lg font-semibold text-ember-700 underline">
        <FileText aria-hidden="true" className="size-5 shrink-0" />
        {document.title}
      </Link>
      {document.adoptedVersion ? (
        <p className="inline-flex items-center gap-1 font-semibold text-live">
          <BadgeCheck aria-hidden="true" className="size-4" /> Adopted: {document.adoptedVersion.name}
        </p>
      ) : (
        document.leading && <p className="text-sm font-semibold text-ember-800">The group&apos;s vision, being drafted</p>
      )}
      <p className="text-sm text-muted">
        Started by {document.createdBy.name} · last changed <LocalTime date={document.updatedAt} />
      </p>
    </li>
  );
}

/** A group's documents, its vision first, then by latest change, with "Show more". */
export function DocumentList({
  groupId,
  seesEveryDocument = true,
}: {
  groupId: string;
  /** False for guests, who see only the documents they were invited to read. */
  seesEveryDocument?: boolean;
}) {
  const trpc = useTRPC();
  const documents = useInfiniteQuery(trpc.document.list.infiniteQueryOptions({ groupId }, { getNextPageParam: (page) => page.nextCursor }));
  const items = documents.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="flex flex-col gap-3">
      {documents.error && <Alert>{errorMessage(documents.error)}</Alert>}
      {documents.isPending && <p className="text-muted">Loading documents…</p>}
      {documents.data && items.length === 0 && (
        <p className="text-muted">{seesEveryDocument ? "No documents yet." : "You have not been invited to any documents yet."}</p>
      )}
      {items.length > 0 && (
        <ul aria-label="Documents" className="flex flex-col gap-2">
          {items.map((document) => (
            <DocumentRow key={document.id} document={document} />
          ))}
        </ul>
      )}
      {documents.hasNextPage && (
        <Button variant="secondary" className="self-start" onClick={() => void documents.fetchNextPage()} disabled={documents.isFetchingNextPage}>
          {documents.isFetchingNextPage ? "Loading…" : "Show more"}
        </Button>
      )}
    </div>
  );
}
