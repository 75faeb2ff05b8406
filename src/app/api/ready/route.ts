import { lifecyclePhase } from "@/server/lifecycle";
import { dependenciesReachable } from "@/server/observability/dependencies";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

/**
 * Readiness, for a load balancer: 200 only while this instance takes traffic and reaches its
 * database (and Redis, with several instances); 503 while it starts, drains for a restart, or has
 * lost either. (Liveness is /api/health.)
 */
export async function GET() {
  const phase = lifecyclePhase();
  if (phase !== "ready") {
    const message = phase === "starting" ? "Hearth is starting." : "Hearth is shutting down; another instance takes over.";
    return Response.json({ status: phase, message }, { status: 503, headers: NO_STORE });
  }
  const dependencies = await dependenciesReachable();
  if (dependencies.ok) return Response.json({ status: "ready" }, { headers: NO_STORE });
  return Response.json({ status: "error", message: dependencies.message }, { status: 503, headers: NO_STORE });
}
