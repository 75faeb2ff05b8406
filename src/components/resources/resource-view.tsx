"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Download, ExternalLink, Send } from "lucide-react";
import Link from "next/link";
import { CookedMarkdown } from "@/components/cooked-markdown";
import { DeleteResourceDialog } from "@/components/resources/delete-resource-dialog";
import { DraftBadge } from "@/components/resources/draft-badge";
import { EditResourceDialog } from "@/components/resources/edit-resource-dialog";
import { fileTypeLabel } from "@/components/resources/file-type-label";
import { NewVersionDialog } from "@/components/resources/new-version-dialog";
import { useResourceLive } from "@/components/resources/use-resources-live";
import { PdfViewer } from "@/components/resources/pdf-viewer";
import { FileIcon } from "@/components/threads/file-icon";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { formatFileSize } from "@/lib/file-size";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";

type Resource = RouterOutputs["resource"]["byId"];

function Preview({ resource }: { resource: Resource }) {
  if (resource.kind === "link" && resource.url) {
    return (
      <a href={resource.url} target="_blank" rel="noopener noreferrer nofollow" className="inline-flex items-center gap-2 break-all font-semibold text-ember-700 underline">
        <ExternalLink aria-hidden="true" className="size-5 shrink-0" /> {resource.url}
        <span className="sr-only">(opens in a new tab)</span>
      </a>
    );
  }
  const file = resource.latestVersion?.file;
  if (!file) return null;
  if (file.contentType.startsWith("image/")) {
    // eslint-disable-next-line @next/next/no-img-element -- an authorised download, not a static asset next/image could optimise
    return <img src={file.url} alt={resource.title} className="max-h-[80vh] max-w-full rounded-lg border border-line bg-white object-contain" />;
  }
  if (file.contentType === "application/pdf") return <PdfViewer key={file.url} url={file.url} title={resource.title} />;
  return (
    <div className="flex items-center gap-3 rounded-lg border border-line bg-card p-4">
      <FileIcon contentType={file.contentType} />
      <span>
        {fileTypeLabel(file.contentType)} · {formatFileSize(file.size)} — no preview for this type; download it to open it.
      </span>
    </div>
  );
}

/** A resource's page: preview, details, every version to download, and what the viewer may do. */
export function ResourceView({ initialResource }: { initialResource: Resource }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: resource, error } = useQuery(trpc.resource.byId.queryOptions({ id: initialResource.id }, { initialData: initialResource }));
  useResourceLive(initialResource.id);
  const publish = useMutation(
    trpc.resource.publish.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.resource.pathFilter()) }),
  );
  const libraryHref = `/groups/${resource.group.handle}/resources${resource.folder ? `?folder=${resource.folder.id}` : ""}`;
  const latest = resource.latestVersion;

  return (
    <article className="flex flex-col gap-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/groups/${resource.group.handle}/resources`} className="font-semibold text-ember-700 underline">
          {resource.group.name} · Resources
        </Link>
        {resource.folder && (
          <>
            {" › "}
            <Link href={libraryHref} className="font-semibold text-ember-700 underline">
              {resource.folder.name}
            </Link>
          </>
        )}
      </nav>
      {error && <Alert>{errorMessage(error)}</Alert>}
      <header className="flex flex-col gap-2">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="break-words text-3xl font-bold">{resource.title}</h1>
          {resource.draft && <DraftBadge />}
        </div>
        <p className="text-muted">
          Added by {resource.author.name} on <LocalTime date={resource.createdAt} />
          {resource.publishedAt && resource.publishedBy && (
            <>
              {" "}
              · published by {resource.publishedBy.name} on <LocalTime date={resource.publishedAt} />
            </>
          )}
          {resource.draft && " · a draft: only its author and the group's admins see it"}
        </p>
        {resource.meeting && (
          <p>
            For the meeting{" "}
            <Link href={`/meetings/${resource.meeting.id}`} className="font-semibold text-ember-700 underline">
              {resource.meeting.title}
            </Link>
          </p>
        )}
      </header>

      <div className="flex flex-wrap gap-2">
        {latest && (
          <a href={latest.file.url} download={latest.file.name} className="inline-flex min-h-11 items-center gap-2 rounded-lg bg-ember-700 px-4 py-2 font-semibold text-white hover:bg-ember-800">
            <Download aria-hidden="true" className="size-5" /> Download
          </a>
        )}
        {resource.viewer.canPublish && (
          <Button onClick={() => publish.mutate({ id: resource.id })} disabled={publish.isPending}>
            <Send aria-hidden="true" className="size-5" /> {publish.isPending ? "Publishing…" : "Publish"}
          </Button>
        )}
        {resource.viewer.canEdit && resource.kind === "file" && <NewVersionDialog resourceId={resource.id} />}
        {resource.viewer.canEdit && <EditResourceDialog resource={resource} />}
        {resource.viewer.canDelete && <DeleteResourceDialog resource={resource} libraryHref={libraryHref} />}
      </div>
      {publish.error && <Alert>{errorMessage(publish.error)}</Alert>}
      {publish.isSuccess && <Alert tone="info">Published. The group has been told.</Alert>}

      <section aria-labelledby="preview-heading" className="flex flex-col gap-3">
        <h2 id="preview-heading" className="text-xl font-bold">
          {resource.kind === "link" ? "Link" : "Preview"}
        </h2>
        <Preview resource={resource} />
      </section>

      {(resource.description || resource.tags.length > 0) && (
        <section aria-labelledby="about-heading" className="flex flex-col gap-3">
          <h2 id="about-heading" className="text-xl font-bold">
            About
          </h2>
          {resource.description && <CookedMarkdown html={resource.descriptionHtml} className="max-w-prose break-words" />}
          {resource.tags.length > 0 && (
            <p className="flex flex-wrap gap-1">
              {resource.tags.map((tag) => (
                <span key={tag} className="rounded-full bg-ember-50 px-2 py-0.5 text-sm text-ember-800">
                  #{tag}
                </span>
              ))}
            </p>
          )}
        </section>
      )}

      {resource.kind === "file" && (
        <section aria-labelledby="versions-heading" className="flex flex-col gap-3">
          <h2 id="versions-heading" className="text-xl font-bold">
            Versions
          </h2>
          <ol aria-label="Versions" className="flex flex-col gap-2">
            {resource.versions.map((version) => (
              <li key={version.number} className="flex flex-wrap items-center gap-x-4 gap-y-1 rounded-lg border border-line bg-card px-4 py-3">
                <span className="font-semibold">Version {version.number}</span>
                <a href={version.file.url} download={version.file.name} className="min-w-0 break-words text-ember-700 underline">
                  {version.file.name}
                  <span className="sr-only"> (download version {version.number})</span>
                </a>
                <span className="text-sm text-muted">
                  {formatFileSize(version.file.size)} · {version.uploadedBy.name} · <LocalTime date={version.createdAt} withTime />
                </span>
                {version.note && <span className="w-full text-sm">{version.note}</span>}
              </li>
            ))}
          </ol>
        </section>
      )}
    </article>
  );
}
