import Link from "next/link";
import { DraftBadge } from "@/components/resources/draft-badge";
import { fileTypeLabel } from "@/components/resources/file-type-label";
import { ResourceThumbnail } from "@/components/resources/resource-thumbnail";
import { cn } from "@/components/ui/cn";
import { LocalTime } from "@/components/ui/local-time";
import { formatFileSize } from "@/lib/file-size";
import type { RouterOutputs } from "@/lib/trpc/client";

type Resource = RouterOutputs["resource"]["list"]["items"][number];

/** One resource in the library, as a row (list) or a tile (grid); its title opens its page. */
export function ResourceCard({ resource, layout, showFolder }: { resource: Resource; layout: "list" | "grid"; showFolder: boolean }) {
  const file = resource.latestVersion?.file;
  const facts = [
    resource.kind === "link" ? "Link" : file ? `${fileTypeLabel(file.contentType)} · ${formatFileSize(file.size)}` : null,
    resource.versionCount > 1 ? `version ${resource.latestVersion?.number}` : null,
    showFolder && resource.folder ? `in ${resource.folder.name}` : null,
  ].filter(Boolean);
  return (
    <li
      className={cn(
        "flex gap-4 rounded-xl border border-line bg-card p-3",
        layout === "grid" ? "flex-col items-center text-center" : "items-start",
      )}
    >
      <ResourceThumbnail resource={resource} size={layout === "grid" ? 150 : 72} />
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <div className={cn("flex flex-wrap items-center gap-2", layout === "grid" && "justify-center")}>
          <Link href={`/resources/${resource.id}`} className="break-words font-semibold text-ember-700 underline">
            {resource.title}
          </Link>
          {resource.draft && <DraftBadge />}
        </div>
        <p className="text-sm text-muted">
          {facts.join(" · ")}
          {facts.length > 0 && " · "}
          <LocalTime date={resource.createdAt} />
        </p>
        {resource.description && layout === "list" && <p className="line-clamp-2 break-words text-sm">{resource.description}</p>}
        {resource.tags.length > 0 && (
          <p className={cn("flex flex-wrap gap-1", layout === "grid" && "justify-center")}>
            {resource.tags.map((tag) => (
              <span key={tag} className="rounded-full bg-ember-50 px-2 py-0.5 text-xs text-ember-800">
                #{tag}
              </span>
            ))}
          </p>
        )}
      </div>
    </li>
  );
}
