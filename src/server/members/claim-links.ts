import { newToken } from "@/server/auth/tokens";
import type { Db } from "@/server/db";
import { requireInGroup } from "@/server/groups/standing";
import { oneTimeLink } from "@/server/mail/one-time-links";
import { isSmtpConfigured, queueMails, type Mail } from "@/server/mail/service";
import type { ClaimLinksResult, SendClaimLinksInput } from "@/server/members/schemas";

/** What an imported account holds instead of a password hash: nothing can sign in with it. */
export const NO_PASSWORD = "";

/** Longer than a password reset's hour: people brought in by an import may not read email every day. */
export const CLAIM_LINK_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** Unused links a person may hold at once, so an admin cannot fill someone's inbox. */
export const MAX_OPEN_CLAIM_LINKS = 3;

/** How many of the group's members have not signed in yet, for the admins' "send to everyone" button. */
export async function countUnclaimed(db: Db, userId: string, groupId: string): Promise<{ count: number }> {
  await requireInGroup(db, userId, groupId, "member.sendClaimLink");
  return { count: await db.membership.count({ where: { groupId, user: { passwordHash: NO_PASSWORD } } }) };
}

function claimMail(person: { id: string; name: string; email: string }, token: string, context: { actorName: string; groupName: string }): Mail {
  return {
    to: person.email,
    userId: person.id,
    subject: `Your Hearth account for ${context.groupName} is ready`,
    content: {
      heading: "Choose a password for your Hearth account",
      paragraphs: [
        `Hello ${person.name}, ${context.actorName} has moved ${context.groupName} to Hearth, and brought your account along with what you wrote there.`,
        "Choose a password to sign in. The link works once, for 7 days.",
      ],
      // ?welcome tells the page to speak of a first password rather than a reset.
      action: { label: "Choose your password", url: `${oneTimeLink("passwordReset", token)}?welcome=1` },
      footer: "If you were not expecting this, you can ignore it: nobody can sign in to the account until a password is chosen.",
    },
  };
}

/**
 * Emails single-use links (password reset links, valid 7 days) to members brought in by an
 * import, so they can choose a password and sign in. Only when an admin asks: to the people
 * named, or to every member who has not signed in yet. Never to someone who already has a
 * password, and never beyond MAX_OPEN_CLAIM_LINKS unused links per person; those are listed as
 * skipped with the reason. The links and their emails are written in one transaction.
 */
export async function sendClaimLinks(db: Db, actorId: string, input: SendClaimLinksInput): Promise<ClaimLinksResult> {
  await requireInGroup(db, actorId, input.groupId, "member.sendClaimLink");
  const now = new Date();
  const [group, actor, memberships] = await Promise.all([
    db.group.findUniqueOrThrow({ where: { id: input.groupId }, select: { name: true } }),
    db.user.findUniqueOrThrow({ where: { id: actorId }, select: { name: true } }),
    db.membership.findMany({
      where: { groupId: input.groupId, ...(input.userIds ? { userId: { in: input.userIds } } : { user: { passwordHash: NO_PASSWORD } }) },
      select: {
        user: {
          select: {
            id: true,
            name: true,
            email: true,
            passwordHash: true,
            _count: { select: { passwordResets: { where: { usedAt: null, expiresAt: { gt: now } } } } },
          },
        },
      },
      orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
    }),
  ]);

  const result: ClaimLinksResult = { sent: [], skipped: [], emailSent: isSmtpConfigured() };
  const found = new Set(memberships.map(({ user }) => user.id));
  for (const userId of new Set(input.userIds ?? [])) {
    if (!found.has(userId)) result.skipped.push({ userId, name: "", reason: "They are not a member of this group." });
  }
  const recipients: { id: string; name: string; email: string }[] = [];
  for (const { user } of memberships) {
    const person = { userId: user.id, name: user.name };
    if (user.passwordHash !== NO_PASSWORD) {
      result.skipped.push({ ...person, reason: "They have already chosen a password and can sign in." });
    } else if (user._count.passwordResets >= MAX_OPEN_CLAIM_LINKS) {
      result.skipped.push({
        ...person,
        reason: `They already have ${MAX_OPEN_CLAIM_LINKS} unused links; they can use one of those, or wait until one expires.`,
      });
    } else {
      recipients.push(user);
      result.sent.push(person);
    }
  }
  if (recipients.length === 0) return result;

  const expiresAt = new Date(now.getTime() + CLAIM_LINK_LIFETIME_MS);
  const links = recipients.map((person) => ({ person, ...newToken() }));
  await db.$transaction(async (tx) => {
    await tx.passwordReset.createMany({ data: links.map(({ person, hash }) => ({ userId: person.id, tokenHash: hash, expiresAt })) });
    await queueMails(
      tx,
      links.map(({ person, token }) => claimMail(person, token, { actorName: actor.name, groupName: group.name })),
    );
  });
  return result;
}
