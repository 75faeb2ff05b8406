import type { Metadata } from "next";

/** The title of the not-found page an address shows when its thing is not there for the caller. */
export const NOT_FOUND_TITLE = "Page not found";

/**
 * A page's title from the loader its page uses. Metadata streams after the page has begun, so a
 * not-found thrown here could reach the browser with status 200; the page answers the 404 itself
 * (with the same cached loader), and the title only says what it is.
 */
export async function titleOrNotFound(load: () => Promise<string>): Promise<Metadata> {
  try {
    return { title: await load() };
  } catch {
    return { title: NOT_FOUND_TITLE };
  }
}
