import { created, isPlanned, matched, matchOrMake, missing, type Handler, type ImportContext, type Outcome } from "@/server/imports/hearth/context";

/** A link to a person that may be empty: null when the person is not in the file or was not imported. */
const personOrNull = async (ctx: ImportContext, id: string | null) => (id ? ctx.ids.get("user", id) : null);

/**
 * Organisations belong to the whole instance, so the file names them. One this Hearth has under
 * that name is the one meant; one it lacks is added to its organisations directory (by name
 * only), with a word, so the signature or link is not lost. Null in a dry run for one it lacks.
 */
async function organisationNamed(ctx: ImportContext, name: string): Promise<string | null> {
  const known = await ctx.db.organisation.findUnique({ where: { name }, select: { id: true } });
  if (known) return known.id;
  ctx.later(() => ctx.warn(`The organisation “${name}” was not in this Hearth; it was added to the organisations directory with its name only.`));
  if (ctx.dryRun) return null;
  // An upsert: another import, or an admin, may add the same name meanwhile.
  return (await ctx.db.organisation.upsert({ where: { name }, create: { name }, update: {}, select: { id: true } })).id;
}

/**
 * A charter comes after its group (skipped without it); the group's charter Hearth has already
 * is this one. Its versions and signatures come with it; on a later import, versions saved and
 * organisations that asked to sign since are added (one signature per organisation).
 */
export const importCharter: Handler<"charter"> = async (ctx, d) => {
  let charterId = await ctx.ids.get("charter", d.id);
  let outcome: Outcome = matched();
  if (!charterId) {
    const groupId = await ctx.ids.get("group", d.groupId);
    if (!groupId) return missing("group", d.groupId);
    const same = isPlanned(groupId) ? null : await ctx.db.charter.findUnique({ where: { groupId }, select: { id: true } });
    outcome = await matchOrMake(ctx, "charter", d.id, same, () =>
      ctx.db.charter.create({ data: { groupId, body: d.body, isPublic: d.isPublic, createdAt: d.createdAt, updatedAt: d.updatedAt }, select: { id: true } }),
    );
    charterId = (await ctx.ids.get("charter", d.id))!;
  }
  const organisations = new Map<string, string | null>();
  for (const { organisation } of d.signatures) organisations.set(organisation, await organisationNamed(ctx, organisation));
  if (ctx.dryRun || isPlanned(charterId)) return outcome;

  const [versions, signatures] = await Promise.all([
    ctx.db.charterVersion.findMany({ where: { charterId }, select: { number: true } }),
    ctx.db.charterSignature.findMany({ where: { charterId }, select: { organisationId: true } }),
  ]);
  const numbers = new Set(versions.map(({ number }) => number));
  const newVersions = [];
  for (const version of d.versions) {
    if (numbers.has(version.number)) continue;
    numbers.add(version.number);
    newVersions.push({ charterId, number: version.number, body: version.body, createdById: await personOrNull(ctx, version.createdById), createdAt: version.createdAt });
  }
  if (newVersions.length > 0) await ctx.db.charterVersion.createMany({ data: newVersions });
  const signed = new Set(signatures.map(({ organisationId }) => organisationId));
  const newSignatures = [];
  for (const { organisation, requestedById, decidedById, ...signature } of d.signatures) {
    const organisationId = organisations.get(organisation)!;
    if (!organisationId || signed.has(organisationId)) continue;
    signed.add(organisationId);
    newSignatures.push({ charterId, organisationId, ...signature, requestedById: await personOrNull(ctx, requestedById), decidedById: await personOrNull(ctx, decidedById) });
  }
  if (newSignatures.length > 0) await ctx.db.charterSignature.createMany({ data: newSignatures });
  return outcome;
};

/**
 * An initiative comes after its group (skipped without it) and the threads about it: a thread
 * that is not in the file or was not imported is left out of its links, with a word. Known by
 * the ImportedRecord only: two initiatives may share a name.
 */
export const importInitiative: Handler<"initiative"> = async (ctx, d) => {
  if (await ctx.ids.get("initiative", d.id)) return matched();
  const groupId = await ctx.ids.get("group", d.groupId);
  if (!groupId) return missing("group", d.groupId);
  const threadIds: string[] = [];
  for (const id of new Set(d.threadIds)) {
    const threadId = await ctx.ids.get("thread", id);
    if (threadId) threadIds.push(threadId);
    else ctx.later(() => ctx.warn("An initiative was linked to a thread that is not in the file or was not imported; it comes without that link."));
  }
  const organisationId = d.organisation === null ? null : await organisationNamed(ctx, d.organisation);
  const createdById = await personOrNull(ctx, d.createdById);
  await ctx.ids.make("initiative", d.id, () =>
    ctx.db.initiative.create({
      data: {
        groupId,
        name: d.name,
        description: d.description,
        organisationId,
        contact: d.contact,
        area: d.area,
        website: d.website,
        createdById,
        createdAt: d.createdAt,
        updatedAt: d.updatedAt,
        tags: { create: [...new Set(d.tags)].map((tag) => ({ tag })) },
        threads: { create: threadIds.map((threadId) => ({ threadId })) },
      },
      select: { id: true },
    }),
  );
  return created();
};

/** A stakeholder comes after its group (skipped without it) and its initiative (kept without it, with a word). */
export const importStakeholder: Handler<"stakeholder"> = async (ctx, d) => {
  if (await ctx.ids.get("stakeholder", d.id)) return matched();
  const groupId = await ctx.ids.get("group", d.groupId);
  if (!groupId) return missing("group", d.groupId);
  const initiativeId = d.initiativeId ? await ctx.ids.get("initiative", d.initiativeId) : null;
  if (d.initiativeId && !initiativeId) {
    ctx.later(() => ctx.warn("A stakeholder stood for an initiative that is not in the file or was not imported; it comes without that link."));
  }
  const organisationId = d.organisation === null ? null : await organisationNamed(ctx, d.organisation);
  await ctx.ids.make("stakeholder", d.id, () =>
    ctx.db.stakeholder.create({
      data: {
        groupId,
        name: d.name,
        kind: d.kind,
        organisationId,
        initiativeId,
        sector: d.sector,
        relationship: d.relationship,
        notes: d.notes,
        x: d.x,
        y: d.y,
        createdAt: d.createdAt,
        updatedAt: d.updatedAt,
      },
      select: { id: true },
    }),
  );
  return created();
};

/** A link comes after both its stakeholders (skipped without either); the same link Hearth has already is this one. */
export const importStakeholderLink: Handler<"stakeholder_link"> = async (ctx, d) => {
  if (await ctx.ids.get("stakeholder_link", d.id)) return matched();
  const groupId = await ctx.ids.get("group", d.groupId);
  if (!groupId) return missing("group", d.groupId);
  const fromId = await ctx.ids.get("stakeholder", d.fromId);
  if (!fromId) return missing("stakeholder", d.fromId);
  const toId = await ctx.ids.get("stakeholder", d.toId);
  if (!toId) return missing("stakeholder", d.toId);
  const key = { fromId_toId_kind: { fromId, toId, kind: d.kind } };
  const same = isPlanned(fromId) || isPlanned(toId) ? null : await ctx.db.stakeholderLink.findUnique({ where: key, select: { id: true } });
  // An upsert on the pair and kind: the map may gain the same link between the lookup and this write.
  return matchOrMake(ctx, "stakeholder_link", d.id, same, () =>
    ctx.db.stakeholderLink.upsert({ where: key, create: { groupId, fromId, toId, kind: d.kind, createdAt: d.createdAt }, update: {}, select: { id: true } }),
  );
};
