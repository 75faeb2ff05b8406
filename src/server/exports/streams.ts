/** The stream closed (a download the browser gave up on) before everything was written. */
const closedEarly = () => new Error("The export was stopped: the download closed before it was complete.");

/**
 * Writes a chunk and, when the reader is behind, waits until it has caught up: an export of any
 * size holds only a page of rows in memory. Rejects once `signal` aborts or the stream fails or
 * closes, so a writer whose reader has gone never waits for ever.
 */
export async function writeChunk(out: NodeJS.WritableStream, chunk: string | Uint8Array, signal?: AbortSignal): Promise<void> {
  signal?.throwIfAborted();
  if ((out as { destroyed?: boolean }).destroyed) throw closedEarly();
  if (out.write(chunk)) return;
  await new Promise<void>((resolve, reject) => {
    const settle = (error?: unknown) => {
      out.off("drain", onDrain);
      out.off("error", onError);
      out.off("close", onClose);
      signal?.removeEventListener("abort", onAbort);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onError = (error: Error) => settle(error);
    const onClose = () => settle(closedEarly());
    const onAbort = () => settle(signal?.reason);
    out.on("drain", onDrain);
    out.on("error", onError);
    out.on("close", onClose);
    signal?.addEventListener("abort", onAbort);
  });
}

/** Rows read this many at a time. */
export const PAGE_SIZE = 500;

/**
 * The pages of a keyset-paginated query: `load` gets the last row of the previous page (undefined
 * first; typed as the cursor `C`, the columns it orders by) and the page size, and answers the
 * rows after it in order.
 */
export async function* pages<T extends C, C>(load: (last: C | undefined, take: number) => Promise<T[]>, take = PAGE_SIZE): AsyncGenerator<T[]> {
  let last: C | undefined;
  for (;;) {
    const page = await load(last, take);
    if (page.length) yield page;
    if (page.length < take) return;
    last = page.at(-1);
  }
}

/** Every row of a keyset-paginated query (see pages), one at a time. */
export async function* paged<T extends C, C>(load: (last: C | undefined, take: number) => Promise<T[]>, take = PAGE_SIZE): AsyncGenerator<T> {
  for await (const page of pages(load, take)) yield* page;
}

/** The cursor of a query ordered by id alone. */
export type IdCursor = { id: string } | undefined;

/** Keyset pagination by id: the rows after the last one of the previous page. */
export const afterId = (last: IdCursor) => (last ? { id: { gt: last.id } } : {});

/** The findMany arguments of one page of a query ordered by id alone, to spread into the query. */
export type IdPage<W> = { where: W; orderBy: { id: "asc" }; take: number };

/**
 * The pages of the rows matching `where`, ordered by id (see pages): `find` runs the query with
 * the page's arguments spread in, e.g. `pagesById({ groupId }, (page) => db.thread.findMany({ ...page, select }))`.
 */
export function pagesById<W extends object, T extends { id: string }>(where: W, find: (page: IdPage<W>) => Promise<T[]>, take = PAGE_SIZE): AsyncGenerator<T[]> {
  return pages((last: IdCursor, take) => find({ where: { ...where, ...afterId(last) }, orderBy: { id: "asc" }, take }), take);
}

/** The rows of pages already being read (e.g. a shared loader's), one at a time. */
export async function* rowsOf<T>(pageStream: AsyncIterable<T[]>): AsyncGenerator<T> {
  for await (const page of pageStream) yield* page;
}

/** Every row of pagesById, one at a time. */
export async function* pagedById<W extends object, T extends { id: string }>(where: W, find: (page: IdPage<W>) => Promise<T[]>, take = PAGE_SIZE): AsyncGenerator<T> {
  for await (const page of pagesById(where, find, take)) yield* page;
}
