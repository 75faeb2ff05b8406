import { z } from "zod";

/** The most addresses one invitation form may send, so one paste cannot flood the outbox. */
export const MAX_INVITES_AT_ONCE = 100;

/** Trims, lower-cases and removes repeats, keeping the first-seen order. */
export function normaliseEmails(emails: readonly string[]): string[] {
  return [...new Set(emails.map((email) => email.trim().toLowerCase()).filter(Boolean))];
}

/**
 * Splits a pasted list of addresses, separated by commas, semicolons, spaces or new lines as mail
 * programs and spreadsheets copy them. A "Name <address>" copy keeps only the address. Anything
 * else is kept as typed, so a mistyped address is reported rather than silently dropped.
 */
export function parseEmailList(text: string): string[] {
  const withoutNames = text.replace(/[^<>,;\n]*<([^<>]*)>/g, " $1 ");
  return normaliseEmails(withoutNames.split(/[\s,;]+/));
}

/** Whether a normalised entry is an email address Hearth can send to (the server checks with this too). */
export function isEmailAddress(value: string): boolean {
  return z.email().max(254).safeParse(value).success;
}
