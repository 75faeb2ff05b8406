import { getSessionUserId } from "@/server/api/context";
import { getDb } from "@/server/db";
import { getMetrics } from "@/server/observability/metrics";
import { metricsAccess } from "@/server/observability/metrics-access";

export const dynamic = "force-dynamic";

/** Prometheus text format, for the instance administrator or a scraper with HEARTH_METRICS_TOKEN. */
export async function GET(request: Request) {
  const authorization = request.headers.get("authorization");
  const access = await metricsAccess(getDb(), { authorization, userId: authorization ? null : await getSessionUserId() });
  if (!access.ok) return new Response(access.message, { status: access.status, headers: { "content-type": "text/plain; charset=utf-8" } });
  const { registry } = getMetrics();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType, "cache-control": "no-store" } });
}
