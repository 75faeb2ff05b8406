import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** Digits and capitals without look-alikes (no 0, 1, I or O), easy to copy by hand; 32 of them, so every byte maps evenly. */
const ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

function code(length: number): string {
  return [...randomBytes(length)].map((byte) => ALPHABET[byte % ALPHABET.length]).join("");
}

/** Ten characters, shown to the voter for their ballot. */
export function newReceipt(): string {
  return code(10);
}

/**
 * The secret that, with the receipt, lets an anonymous voter change their vote: 24 characters,
 * 120 bits, so it cannot be guessed, and only its hash is stored.
 */
export function newChangeKey(): string {
  return code(24);
}

/** Receipts and keys are typed by hand, so case and surrounding spaces do not matter. */
export function normaliseCode(value: string): string {
  return value.trim().toUpperCase();
}

export function hashChangeKey(key: string): string {
  return createHash("sha256").update(normaliseCode(key)).digest("hex");
}

/** Compares in constant time, so the time taken says nothing about how much of the key was right. */
export function changeKeyMatches(key: string, storedHash: string | null): boolean {
  if (!storedHash) return false;
  const given = Buffer.from(hashChangeKey(key), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored);
}
