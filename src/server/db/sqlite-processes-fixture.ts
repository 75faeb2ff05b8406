import { createDb } from "@/server/db";

/**
 * What sqlite-adapter.test.ts runs twice at once on one SQLite file: transactions that read a
 * counter and then write it, holding the transaction open across a wait as a request might.
 * Prints how many failed.
 */
const db = createDb(process.env.FIXTURE_DATABASE_URL!);
const failures: string[] = [];
for (let index = 0; index < Number(process.env.FIXTURE_TRANSACTIONS); index++) {
  try {
    await db.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ value: bigint | number }[]>`SELECT value FROM counter WHERE id = 1`;
      await new Promise((resolve) => setTimeout(resolve, 1));
      await tx.$executeRaw`UPDATE counter SET value = ${Number(row!.value) + 1} WHERE id = 1`;
    });
  } catch (error) {
    failures.push(error instanceof Error ? error.message : String(error));
  }
}
await db.$disconnect();
console.log(JSON.stringify({ failures }));
