import pg from "pg";

/**
 * One short plain connection to a PostgreSQL server, closed afterwards, for what Prisma does not
 * do: creating and dropping databases, or asking whether one is empty.
 */
export async function withPostgres<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
