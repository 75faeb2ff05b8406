import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";

/**
 * The data directory holds the database (password hashes, private threads, ballots), uploads and
 * the auth secret: only the account Hearth runs as may read any of it, whatever the umask.
 */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Creates a directory (and missing parents) for the owner only, and tightens one that already existed. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Tightens a file left from before, when there is one. */
export function tightenFile(file: string): void {
  if (existsSync(file)) chmodSync(file, PRIVATE_FILE_MODE);
}

/**
 * Creates the SQLite file for the owner only before SQLite opens it, and tightens it and its
 * side files when they exist. SQLite gives a new -journal, -wal or -shm file the mode of the
 * database file, so those stay private too.
 */
export function makePrivateSqliteFile(file: string): void {
  closeSync(openSync(file, "a", PRIVATE_FILE_MODE));
  for (const name of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) tightenFile(name);
}
