import type { Db } from "@/server/db";
import type { Publish } from "@/server/events";
import { notify, withoutFailing } from "@/server/notifications/notify";
import { rolesAlwaysAllowed } from "@/server/policy";

/** A resource was published: everyone who sees the library hears of it (never guests, never the publisher). */
export async function notifyResourcePublished(
  db: Db,
  publish: Publish,
  args: { actorId: string; groupId: string; resourceId: string; title: string },
): Promise<void> {
  await withoutFailing("resource_published", async () => {
    const readers = await db.membership.findMany({
      where: { groupId: args.groupId, role: { in: [...rolesAlwaysAllowed("resource.view")] } },
      select: { userId: true },
    });
    await notify(db, publish, {
      recipients: readers.map(({ userId }) => userId),
      kind: "resource_published",
      actorId: args.actorId,
      groupId: args.groupId,
      title: args.title,
      url: `/resources/${args.resourceId}`,
    });
  });
}
