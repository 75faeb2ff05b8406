import { absoluteUrl } from "@/server/mail/service";

/**
 * Links whose token lets whoever holds it in: joining a group, choosing a new password. Every such
 * link is built here, so the outbox knows exactly which links to remove once an email is done with
 * instead of guessing at anything that looks like a token. Unsubscribe links are not among them:
 * they can only turn email off for the one recipient (undone in their settings), expire after 60
 * days, and a failed notification sent again still needs its List-Unsubscribe header.
 */
const ONE_TIME_LINK_PATHS = {
  invitation: "/invitations/",
  passwordReset: "/reset-password/",
} as const;

export type OneTimeLinkKind = keyof typeof ONE_TIME_LINK_PATHS;

/** The token is base64url (auth/tokens.ts), so it needs no escaping in a URL or in HTML. */
export function oneTimeLink(kind: OneTimeLinkKind, token: string): string {
  return absoluteUrl(`${ONE_TIME_LINK_PATHS[kind]}${token}`);
}

/** What a removed token reads as in the outbox, in both the text and the HTML part. */
export const REMOVED_LINK = "[link removed after sending]";

/** Any origin, not just today's NEXTAUTH_URL: the address may have changed since the email was queued. */
const ONE_TIME_LINK = new RegExp(
  `(https?://[^/\\s"'<>]+(?:${Object.values(ONE_TIME_LINK_PATHS).join("|")}))[A-Za-z0-9_-]+`,
  "g",
);

/** The email with the token of every one-time link replaced by REMOVED_LINK; the rest stays as it was. */
export function removeOneTimeLinks(body: string): string {
  return body.replace(ONE_TIME_LINK, `$1${REMOVED_LINK}`);
}

/** Prisma filters matching stored emails that may still hold a one-time link. */
export const MAY_HOLD_ONE_TIME_LINK = Object.values(ONE_TIME_LINK_PATHS).map((linkPath) => ({ text: { contains: linkPath } }));
