/**
 * Each person's copy of a document on this device (IndexedDB, through y-indexeddb) keeps edits
 * made offline across a closed tab until they reach the server. The name carries the user so
 * two people sharing a browser never see each other's copies, and sign-out can remove one
 * person's copies only.
 */
const prefix = (userId: string) => `hearth-doc:${userId}:`;

export function localCopyName(userId: string, documentId: string): string {
  return `${prefix(userId)}${documentId}`;
}

/** Longest that sign-out waits for the browser to delete the copies. */
const FORGET_WAIT_MS = 2000;

/**
 * Deletes every document copy this person keeps on this device, for shared computers. Browsers
 * without `indexedDB.databases()` cannot list them, so nothing is deleted there; it never throws
 * and never holds sign-out up for long.
 */
export async function forgetLocalCopies(userId: string): Promise<void> {
  if (typeof indexedDB === "undefined" || typeof indexedDB.databases !== "function") return;
  try {
    const databases = await indexedDB.databases();
    const names = databases.flatMap(({ name }) => (name?.startsWith(prefix(userId)) ? [name] : []));
    const deletions = Promise.all(names.map(deleteDatabase));
    await Promise.race([deletions, new Promise((resolve) => setTimeout(resolve, FORGET_WAIT_MS))]);
  } catch {
    // Signing out matters more than tidying up; the next sign-out tries again.
  }
}

/** Open copies close themselves when asked (y-indexeddb closes on versionchange), so this settles. */
function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
  });
}
