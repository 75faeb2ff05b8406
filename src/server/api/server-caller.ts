import { createRequestContext } from "@/server/api/context";
import { createCaller } from "@/server/api/root";

/** Calls procedures from server components with the same checks as over HTTP. */
export async function getServerCaller() {
  return createCaller(await createRequestContext());
}
