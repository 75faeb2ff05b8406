import type { Db } from "@/server/db";
import { requireThreadAccess } from "@/server/threads/access";

/** Follow (true) or mute (false) a thread the caller can see; see emailDecision for what mute silences. */
export async function followThread(db: Db, userId: string, threadId: string, following: boolean): Promise<{ following: boolean }> {
  await requireThreadAccess(db, userId, threadId);
  await db.threadFollow.upsert({
    where: { userId_threadId: { userId, threadId } },
    create: { userId, threadId, following },
    update: { following, automatic: false },
  });
  return { following };
}
