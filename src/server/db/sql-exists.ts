/** What `EXISTS (…)` selects through `$queryRaw`: a boolean in PostgreSQL, 0 or 1 (a number or a bigint) in SQLite. */
export type SqlExists = boolean | number | bigint;
