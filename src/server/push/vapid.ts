import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import webpush from "web-push";
import { z } from "zod";
import { makePrivateDir, PRIVATE_FILE_MODE, tightenFile } from "@/server/private-files";

/** Kept beside the database (config.ts tightens it at start-up with the other secrets). */
export const VAPID_FILE = "vapid-keys.json";

const zKeys = z.object({ publicKey: z.string().min(80), privateKey: z.string().min(40) });
export type VapidKeys = z.infer<typeof zKeys>;

const loaded = new Map<string, VapidKeys>();

function dataDir(env: Record<string, string | undefined>): string {
  return path.resolve(env.HEARTH_DATA_DIR ?? "./data");
}

/**
 * The server's VAPID key pair, generated once and kept in the data directory (owner-only), so every
 * browser's subscription stays valid across restarts and every instance signs with the same key.
 * Created with "wx": when two processes race, the second reads the first one's file.
 */
export function vapidKeys(env: Record<string, string | undefined> = process.env): VapidKeys {
  const dir = dataDir(env);
  const cached = loaded.get(dir);
  if (cached) return cached;
  const file = path.join(dir, VAPID_FILE);
  let keys: VapidKeys;
  try {
    keys = zKeys.parse(JSON.parse(readFileSync(file, "utf8")));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    makePrivateDir(dir);
    const fresh = webpush.generateVAPIDKeys();
    try {
      writeFileSync(file, JSON.stringify(fresh) + "\n", { mode: PRIVATE_FILE_MODE, flag: "wx" });
      keys = fresh;
    } catch (raced) {
      if ((raced as NodeJS.ErrnoException).code !== "EEXIST") throw raced;
      keys = zKeys.parse(JSON.parse(readFileSync(file, "utf8")));
    }
  }
  tightenFile(file);
  loaded.set(dir, keys);
  return keys;
}

/**
 * Who push services should contact about this server (the VAPID "sub" claim): the site when it is
 * served over https, else the address Hearth sends email from.
 */
export function vapidSubject(env: Record<string, string | undefined> = process.env): string {
  const site = env.NEXTAUTH_URL;
  if (site?.startsWith("https://")) return new URL(site).origin;
  const address = /<([^<>\s]+@[^<>\s]+)>/.exec(env.MAIL_FROM ?? "")?.[1] ?? env.MAIL_FROM?.trim();
  return `mailto:${address && /^[^\s@]+@[^\s@]+$/.test(address) ? address : "hearth@localhost"}`;
}
