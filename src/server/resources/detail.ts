import type { Db } from "@/server/db";
import { cookMarkdown } from "@/server/markdown/cook";
import { canInGroup } from "@/server/policy";
import { canChangeResource, loadVisibleResource } from "@/server/resources/access";
import { summarySelect, toSummary, toVersion, versionSelect } from "@/server/resources/dto";
import type { ResourceDetail } from "@/server/resources/schemas";

/** One resource with every version (who uploaded it and when), and what the caller may do with it. */
export async function getResource(db: Db, userId: string, id: string): Promise<ResourceDetail> {
  const { standing, resource: visible } = await loadVisibleResource(db, userId, id);
  const row = await db.resource.findUniqueOrThrow({
    where: { id },
    select: {
      ...summarySelect,
      group: { select: { id: true, name: true, handle: true } },
      versions: { select: versionSelect, orderBy: { number: "desc" } },
    },
  });
  const canChange = canChangeResource(standing, userId, visible);
  return {
    ...toSummary(row),
    group: row.group,
    descriptionHtml: cookMarkdown(row.description),
    versions: row.versions.map(toVersion),
    viewer: {
      canEdit: canChange,
      canPublish: row.publishedAt === null && canInGroup(standing, "resource.manage"),
      canDelete: canChange,
    },
  };
}
