import { createHash, timingSafeEqual } from "node:crypto";
import type { Db } from "@/server/db";
import { getSiteActor } from "@/server/groups/site-actor";
import { canOnSite } from "@/server/policy";

export type MetricsAccess = { ok: true } | { ok: false; status: 401 | 403; message: string };

const digest = (text: string) => createHash("sha256").update(text).digest();

/**
 * Who may read the metrics: a scraper with the configured token (compared in constant time), or
 * a signed-in instance administrator. Metrics name procedures and counts, not content, but they
 * still describe how the group uses Hearth.
 */
export async function metricsAccess(db: Db, request: { authorization: string | null; userId: string | null }): Promise<MetricsAccess> {
  const token = process.env.HEARTH_METRICS_TOKEN;
  const offered = /^Bearer (.+)$/.exec(request.authorization ?? "")?.[1];
  if (offered !== undefined) {
    if (token && timingSafeEqual(digest(offered), digest(token))) return { ok: true };
    return { ok: false, status: 401, message: "That metrics token is not the one configured (HEARTH_METRICS_TOKEN)." };
  }
  if (!request.userId) return { ok: false, status: 401, message: "Sign in as the instance administrator, or send the metrics token." };
  if (!canOnSite(await getSiteActor(db, request.userId), "site.viewMetrics")) {
    return { ok: false, status: 403, message: "Only the instance administrator may read the metrics." };
  }
  return { ok: true };
}
