import { openConfiguredDb, withDb } from "./cli-support";

/**
 * `npm run search:reindex`: rebuilds the search index from what is in the database, with the
 * server's configuration. The triggers keep it in step on their own; this is for repairs (a
 * database restored without its index, an index thought out of step). Exit codes: 0 done, 1 failed.
 */
const { rebuildSearchIndex } = await import("@/server/search/reindex");

await withDb(openConfiguredDb, "Rebuilding the search index failed", async (db) => {
  const started = Date.now();
  const { entries, documents, files } = await rebuildSearchIndex(db);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`Rebuilt the search index: ${entries} entries, with the text of ${documents} documents and versions and ${files} new files, in ${seconds} s.`);
  return 0;
});
