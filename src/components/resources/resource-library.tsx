"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { ChevronRight, Folder, LayoutGrid, List } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { AddLinkDialog } from "@/components/resources/add-link-dialog";
import { DeleteFolderDialog, NewFolderDialog, RenameFolderDialog } from "@/components/resources/folder-dialogs";
import { ResourceCard } from "@/components/resources/resource-card";
import { UploadResourcesDialog } from "@/components/resources/upload-resources-dialog";
import { useLibraryLive } from "@/components/resources/use-resources-live";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";

type Library = RouterOutputs["resource"]["library"];
type FolderDto = RouterOutputs["folder"]["list"][number];

/** The folders from the top down to `folderId`, for the breadcrumb. */
function pathTo(folders: FolderDto[], folderId: string | null): FolderDto[] {
  const byId = new Map(folders.map((folder) => [folder.id, folder]));
  const path: FolderDto[] = [];
  for (let current = folderId ? byId.get(folderId) : undefined; current; current = current.parentId ? byId.get(current.parentId) : undefined) {
    path.unshift(current);
    if (path.length > 50) break;
  }
  return path;
}

/**
 * A group's library: folders with a breadcrumb, a search box, tag filter and sort, resources as a
 * list or a grid with previews, and (for those who may) uploading, links and folders. Searching
 * or filtering by tag looks through every folder; otherwise the current folder is shown.
 */
export function ResourceLibrary({
  group,
  library,
  folderId,
  meetingId,
}: {
  group: { id: string; handle: string };
  library: Library;
  folderId: string | null;
  meetingId: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [searchText, setSearchText] = useState("");
  const [search, setSearch] = useState("");
  const [tag, setTag] = useState("");
  const [sort, setSort] = useState<"date" | "name">("date");
  const [layout, setLayout] = useState<"list" | "grid">("list");
  useEffect(() => {
    const timer = setTimeout(() => setSearch(searchText.trim()), 300);
    return () => clearTimeout(timer);
  }, [searchText]);

  useLibraryLive(group.id);
  const info = useQuery(trpc.resource.library.queryOptions({ groupId: group.id }, { initialData: library }));
  const folders = useQuery(trpc.folder.list.queryOptions({ groupId: group.id }));
  const everywhere = search !== "" || tag !== "";
  const resources = useInfiniteQuery(
    trpc.resource.list.infiniteQueryOptions(
      { groupId: group.id, sort, ...(everywhere ? {} : { folderId }), ...(search && { search }), ...(tag && { tag }) },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );

  const allFolders = folders.data ?? [];
  const current = allFolders.find((folder) => folder.id === folderId) ?? null;
  const crumbs = pathTo(allFolders, folderId);
  const subfolders = allFolders.filter((folder) => folder.parentId === folderId);
  const items = resources.data?.pages.flatMap((page) => page.items) ?? [];
  const href = (id: string | null) => {
    const params = new URLSearchParams();
    if (id) params.set("folder", id);
    if (meetingId) params.set("meeting", meetingId);
    const query = params.toString();
    return `/groups/${group.handle}/resources${query ? `?${query}` : ""}`;
  };
  const { canAdd, canManage, addsAsDraft, tags } = info.data;
  const addButtons = canAdd && (
    <>
      <UploadResourcesDialog groupId={group.id} folderId={folderId} initialMeetingId={meetingId} canPublish={canManage} />
      <AddLinkDialog groupId={group.id} folderId={folderId} initialMeetingId={meetingId} canPublish={canManage} />
    </>
  );

  return (
    <section aria-labelledby="library-heading" className="flex flex-col gap-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="library-heading" className="text-2xl font-bold">
          {current ? current.name : "Library"}
        </h2>
        {/* Where the buttons would be, say why there are none, or that what members add is a suggestion. */}
        {!canAdd ? (
          <p className="text-sm text-muted">Only admins add here.</p>
        ) : addsAsDraft ? (
          <div role="group" aria-labelledby="suggest-heading" aria-describedby="suggest-hint" className="flex flex-col gap-1">
            <div className="flex flex-wrap items-center gap-2">
              <span id="suggest-heading" className="font-semibold">
                Suggest a resource
              </span>
              {addButtons}
            </div>
            <p id="suggest-hint" className="text-sm text-muted">
              What you add stays a draft until an admin publishes it.
            </p>
          </div>
        ) : (
          <div className="flex flex-wrap gap-2">
            {addButtons}
            {canManage && <NewFolderDialog groupId={group.id} parentId={folderId} />}
          </div>
        )}
      </div>

      {folderId && (
        <nav aria-label="Folder path">
          <ol className="flex flex-wrap items-center gap-1 text-sm">
            <li>
              <Link href={href(null)} className="font-semibold text-ember-700 underline">
                Library
              </Link>
            </li>
            {crumbs.map((folder) => (
              <li key={folder.id} className="flex items-center gap-1">
                <ChevronRight aria-hidden="true" className="size-4 text-muted" />
                {folder.id === folderId ? (
                  <span aria-current="page" className="font-semibold">
                    {folder.name}
                  </span>
                ) : (
                  <Link href={href(folder.id)} className="font-semibold text-ember-700 underline">
                    {folder.name}
                  </Link>
                )}
              </li>
            ))}
          </ol>
        </nav>
      )}

      {canManage && current && (
        <div className="flex flex-wrap gap-2">
          <RenameFolderDialog key={current.id + current.name} folder={current} />
          <DeleteFolderDialog folder={current} onDeleted={(parentId) => router.push(href(parentId))} />
        </div>
      )}

      <div className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end">
        <TextField label="Search" type="search" value={searchText} onChange={(event) => setSearchText(event.target.value)} placeholder="Title or description" />
        <SelectField
          label="Tag"
          value={tag}
          onChange={(event) => setTag(event.target.value)}
          options={[{ value: "", label: "All tags" }, ...tags.map((name) => ({ value: name, label: `#${name}` }))]}
        />
        <SelectField
          label="Sort by"
          value={sort}
          onChange={(event) => setSort(event.target.value as "date" | "name")}
          options={[
            { value: "date", label: "Newest first" },
            { value: "name", label: "Name (A–Z)" },
          ]}
        />
        <div role="group" aria-label="Show as" className="flex gap-1">
          <Button variant={layout === "list" ? "primary" : "secondary"} aria-pressed={layout === "list"} onClick={() => setLayout("list")} aria-label="List">
            <List aria-hidden="true" className="size-5" />
          </Button>
          <Button variant={layout === "grid" ? "primary" : "secondary"} aria-pressed={layout === "grid"} onClick={() => setLayout("grid")} aria-label="Grid">
            <LayoutGrid aria-hidden="true" className="size-5" />
          </Button>
        </div>
      </div>

      {!everywhere && subfolders.length > 0 && (
        <ul aria-label="Folders" className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {subfolders.map((folder) => (
            <li key={folder.id}>
              <Link href={href(folder.id)} className="flex min-h-11 items-center gap-3 rounded-lg border border-line bg-card px-4 py-3 hover:bg-ember-50">
                <Folder aria-hidden="true" className="size-5 shrink-0 text-ember-700" />
                <span className="min-w-0 flex-1 break-words font-semibold">{folder.name}</span>
                <span className="text-sm text-muted">{folder.resourceCount}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}

      {resources.error && <Alert>{errorMessage(resources.error)}</Alert>}
      {resources.isPending ? (
        <p className="text-muted">Loading…</p>
      ) : items.length === 0 ? (
        <p className="text-muted">{everywhere ? "Nothing matches." : "Nothing here yet."}</p>
      ) : (
        <ul aria-label="Resources" className={layout === "grid" ? "grid grid-cols-[repeat(auto-fill,minmax(11rem,1fr))] gap-3" : "flex flex-col gap-2"}>
          {items.map((resource) => (
            <ResourceCard key={resource.id} resource={resource} layout={layout} showFolder={everywhere} />
          ))}
        </ul>
      )}
      {resources.hasNextPage && (
        <Button variant="secondary" className="self-start" onClick={() => void resources.fetchNextPage()} disabled={resources.isFetchingNextPage}>
          {resources.isFetchingNextPage ? "Loading…" : "Show more"}
        </Button>
      )}
    </section>
  );
}
