import { Link2 } from "lucide-react";
import { FileIcon } from "@/components/threads/file-icon";
import { fileTypeLabel } from "@/components/resources/file-type-label";
import { PdfThumbnail } from "@/components/resources/pdf-thumbnail";
import { formatFileSize } from "@/lib/file-size";
import type { RouterOutputs } from "@/lib/trpc/client";

type Resource = RouterOutputs["resource"]["list"]["items"][number];

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/**
 * A resource's preview in the library: images as thumbnails (the file itself, scaled by the
 * browser and loaded lazily: no server-side resizing), PDFs as their first page, links by their
 * site, and other files as an icon with their type and size.
 */
export function ResourceThumbnail({ resource, size }: { resource: Resource; size: number }) {
  const box = "flex shrink-0 flex-col items-center justify-center gap-1 overflow-hidden rounded-lg border border-line bg-paper text-center";
  if (resource.kind === "link") {
    return (
      <div className={box} style={{ width: size, height: Math.round(size * 1.294) }}>
        <Link2 aria-hidden="true" className="size-8 text-ember-700" />
        <span className="max-w-full truncate px-1 text-xs text-muted">{resource.url ? hostOf(resource.url) : "Link"}</span>
      </div>
    );
  }
  const file = resource.latestVersion?.file;
  if (!file) return null;
  if (file.contentType.startsWith("image/")) {
    return (
      <div className={box} style={{ width: size, height: Math.round(size * 1.294) }}>
        {/* eslint-disable-next-line @next/next/no-img-element -- an authorised download, not a static asset next/image could optimise */}
        <img src={file.url} alt="" width={size} height={Math.round(size * 1.294)} loading="lazy" className="size-full object-cover" />
      </div>
    );
  }
  if (file.contentType === "application/pdf") {
    return (
      <div className={box} style={{ width: size }}>
        <PdfThumbnail url={file.url} title={resource.title} width={size} />
      </div>
    );
  }
  return (
    <div className={box} style={{ width: size, height: Math.round(size * 1.294) }}>
      <FileIcon contentType={file.contentType} />
      <span className="px-1 text-xs text-muted">{fileTypeLabel(file.contentType)}</span>
      <span className="text-xs text-muted">{formatFileSize(file.size)}</span>
    </div>
  );
}
