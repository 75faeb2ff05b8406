import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { requireInGroup } from "@/server/groups/standing";
import { imageUrl } from "@/server/images/service";
import { cookMarkdown } from "@/server/markdown/cook";
import { canInGroup } from "@/server/policy";
import { signatoryOrder, signatorySelect, toSignatory } from "@/server/charter/access";
import type { Charter, GetCharterInput } from "@/server/charter/schemas";

/** The versions list is capped: a charter is revised a handful of times a year. */
export const MAX_LISTED_VERSIONS = 200;

/**
 * The group's charter as its page shows it, for its members and admins (guests FORBIDDEN,
 * outsiders NOT_FOUND): the text, versions, signatories, the pending requests for those who decide
 * them, and what the caller may do. Before an admin first writes it, an empty charter at version 0.
 * Five queries after the access check, however many versions and signatures.
 */
export async function getCharter(db: Db, userId: string, input: GetCharterInput): Promise<Charter> {
  const standing = await requireInGroup(db, userId, input.groupId, "charter.view");
  const canDecide = canInGroup(standing, "charter.decideSignature");
  const [charter, me] = await Promise.all([
    db.charter.findUnique({
      where: { groupId: input.groupId },
      select: {
        id: true,
        body: true,
        isPublic: true,
        updatedAt: true,
        versions: { orderBy: { number: "desc" }, take: MAX_LISTED_VERSIONS, select: { number: true, createdAt: true, createdById: true } },
      },
    }),
    db.user.findUnique({ where: { id: userId }, select: { organisation: { select: { id: true, name: true } } } }),
  ]);
  const organisation = me?.organisation ?? null;
  // Before the first save there is no charter row, and so nothing more to read.
  const charterId = charter?.id;

  const [signatories, pending, mine, shown] = await Promise.all([
    charterId === undefined
      ? []
      : db.charterSignature.findMany({ where: { charterId, status: "approved" }, select: signatorySelect, orderBy: [...signatoryOrder] }),
    canDecide && charterId !== undefined
      ? db.charterSignature.findMany({
          where: { charterId, status: "pending" },
          select: {
            id: true,
            createdAt: true,
            organisation: { select: { id: true, name: true, logoId: true } },
            requestedBy: { select: { id: true, name: true } },
          },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        })
      : null,
    organisation && charterId !== undefined
      ? db.charterSignature.findUnique({ where: { charterId_organisationId: { charterId, organisationId: organisation.id } }, select: { status: true } })
      : null,
    input.version && charterId !== undefined
      ? db.charterVersion.findUnique({
          where: { charterId_number: { charterId, number: input.version } },
          select: { number: true, body: true, createdAt: true, createdById: true },
        })
      : null,
  ]);
  if (input.version && !shown) throw new AppError("NOT_FOUND", `The charter has no version ${input.version}.`);

  const authorIds = [...new Set([...(charter?.versions ?? []), ...(shown ? [shown] : [])].flatMap(({ createdById }) => createdById ?? []))];
  const authors = authorIds.length ? await db.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } }) : [];
  const authorOf = (id: string | null) => authors.find((author) => author.id === id) ?? null;

  const body = charter?.body ?? "";
  const signatureStatus = mine?.status ?? null;
  return {
    groupId: input.groupId,
    body,
    bodyHtml: cookMarkdown(body),
    isPublic: charter?.isPublic ?? false,
    version: charter?.versions[0]?.number ?? 0,
    updatedAt: charter?.updatedAt ?? null,
    versions: (charter?.versions ?? []).map((version) => ({ number: version.number, createdAt: version.createdAt, createdBy: authorOf(version.createdById) })),
    shownVersion: shown
      ? { number: shown.number, createdAt: shown.createdAt, createdBy: authorOf(shown.createdById), body: shown.body, bodyHtml: cookMarkdown(shown.body) }
      : null,
    signatories: signatories.map((row) => toSignatory(row)),
    pending:
      pending?.map((row) => ({
        id: row.id,
        organisation: { id: row.organisation.id, name: row.organisation.name, logoUrl: imageUrl(row.organisation.logoId) },
        requestedBy: row.requestedBy,
        requestedAt: row.createdAt,
      })) ?? (canDecide ? [] : null),
    viewer: {
      canEdit: canInGroup(standing, "charter.edit"),
      canDecide,
      canRequestSignature:
        canInGroup(standing, "charter.requestSignature") &&
        organisation !== null &&
        body.trim() !== "" &&
        (signatureStatus === null || signatureStatus === "declined"),
      organisation,
      signatureStatus,
    },
  };
}
