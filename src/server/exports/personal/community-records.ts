import type { Db } from "@/server/db";
import { initiativePages } from "@/server/exports/community-rows";
import { visibleTitles } from "@/server/exports/personal/context";
import { pagesById } from "@/server/exports/streams";

const group = { select: { handle: true, name: true } } as const;

/**
 * Push settings: the level per scope (account-wide or a group; null follows the account-wide
 * choice), quiet hours and time zone, and the devices push reaches, described by browser and
 * dates only: never a subscription's endpoint or keys, which would let anyone send to the device.
 */
export async function pushSettingsOf(db: Db, userId: string) {
  const [user, levels, devices] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { timeZone: true, pushAtNight: true } }),
    db.notificationSetting.findMany({ where: { userId }, select: { scope: true, pushLevel: true }, orderBy: { scope: "asc" } }),
    db.pushSubscription.findMany({ where: { userId }, select: { userAgent: true, createdAt: true, lastUsedAt: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
  ]);
  const groups = await db.group.findMany({ where: { id: { in: levels.map(({ scope }) => scope) } }, select: { id: true, handle: true, name: true } });
  const groupOf = new Map(groups.map(({ id, ...rest }) => [id, rest]));
  return {
    levels: levels.map(({ scope, pushLevel }) => ({ scope: scope === "account" ? "account" : "group", group: groupOf.get(scope) ?? null, level: pushLevel })),
    pushAtNight: user.pushAtNight,
    timeZone: user.timeZone,
    devices: devices.map(({ userAgent, createdAt, lastUsedAt }) => ({ browser: userAgent, addedAt: createdAt, lastUsedAt })),
  };
}

/** Initiatives the person added: what they wrote in full; the threads about each by id, titled while they may see them. */
export async function* initiativesCreated(db: Db, userId: string) {
  for await (const page of initiativePages(db, { createdById: userId })) {
    const titles = await visibleTitles(db, userId, { threads: page.flatMap(({ threads }) => threads.map(({ thread }) => thread.id)) });
    for (const initiative of page) {
      yield {
        id: initiative.id,
        group: initiative.group,
        name: initiative.name,
        description: initiative.description,
        organisation: initiative.organisation?.name ?? null,
        contact: initiative.contact,
        area: initiative.area,
        website: initiative.website,
        createdAt: initiative.createdAt,
        updatedAt: initiative.updatedAt,
        tags: initiative.tags.map(({ tag }) => tag),
        // Titles only of the threads the person may see now; the rest by id.
        threads: initiative.threads.map(({ thread }) => ({ id: thread.id, title: titles.thread.get(thread.id) ?? null })),
      };
    }
  }
}

/** The person's requests for their organisation to sign a group's charter, and what became of them. */
export async function* signatureRequestsMade(db: Db, userId: string) {
  const rows = pagesById({ requestedById: userId }, (page) =>
    db.charterSignature.findMany({
      ...page,
      select: { id: true, charter: { select: { group } }, organisation: { select: { name: true } }, status: true, createdAt: true, decidedAt: true, signedOn: true },
    }),
  );
  for await (const page of rows) {
    for (const { charter, organisation, createdAt, ...request } of page) {
      yield { id: request.id, group: charter.group, organisation: organisation.name, status: request.status, requestedAt: createdAt, decidedAt: request.decidedAt, signedOn: request.signedOn };
    }
  }
}
