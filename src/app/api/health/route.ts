import { databaseReachable } from "@/server/observability/dependencies";

export const dynamic = "force-dynamic";

/** Liveness: the process answers and reaches its database. (Readiness is /api/ready.) */
export async function GET() {
  const database = await databaseReachable();
  if (database.ok) return Response.json({ status: "ok" });
  return Response.json({ status: "error", message: database.message }, { status: 503 });
}
