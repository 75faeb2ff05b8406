import { getDb } from "@/server/db";
import { lifecyclePhase } from "@/server/lifecycle";
import { logger } from "@/server/logger";

export const dynamic = "force-dynamic";

/**
 * Readiness, for a load balancer: 200 only while this instance takes traffic and reaches its
 * database; 503 while it starts, drains for a restart, or has lost the database. (Liveness is
 * /api/health.)
 */
export async function GET() {
  const phase = lifecyclePhase();
  if (phase !== "ready") {
    const message = phase === "starting" ? "Hearth is starting." : "Hearth is shutting down; another instance takes over.";
    return Response.json({ status: phase, message }, { status: 503, headers: { "cache-control": "no-store" } });
  }
  try {
    await getDb().$queryRaw`SELECT 1`;
    return Response.json({ status: "ready" }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    logger.error({ err: error }, "readiness check failed");
    return Response.json({ status: "error", message: "The database is not reachable." }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}
