/**
 * Prisma 7 cannot switch providers at run time, so each provider has its own schema file and
 * migration history; the database URL decides which one applies.
 */
export const databaseProviders = {
  sqlite: { schemaFile: "prisma/schema.prisma", migrationsDir: "prisma/migrations" },
  postgresql: { schemaFile: "prisma/postgres/schema.prisma", migrationsDir: "prisma/postgres/migrations" },
} as const;

export type DatabaseProvider = keyof typeof databaseProviders;

export function providerOf(databaseUrl: string): DatabaseProvider {
  if (databaseUrl.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return "postgresql";
  // Only the scheme is echoed: the rest of a URL may hold a password.
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(databaseUrl)?.[0] ?? "(none)";
  throw new Error(`Unsupported database URL scheme "${scheme}": use file: (SQLite) or postgresql://`);
}
