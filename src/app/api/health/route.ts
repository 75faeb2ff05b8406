import { getDb } from "@/server/db";
import { logger } from "@/server/logger";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await getDb().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" });
  } catch (error) {
    logger.error({ err: error }, "health check failed");
    return Response.json({ status: "error", message: "The database is not reachable." }, { status: 503 });
  }
}
