import { cache } from "react";
import { getServerCaller, orNotFound } from "@/server/api/server-caller";

/**
 * The document and the viewer, once per request (metadata and page both ask). Documents the
 * viewer cannot see are simply not found.
 */
export const loadDocument = cache(async (id: string) => {
  const caller = await getServerCaller();
  return orNotFound(async () => {
    const [document, me] = await Promise.all([caller.document.byId({ id }), caller.user.me()]);
    return { document, me };
  });
});
