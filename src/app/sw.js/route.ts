import { SERVICE_WORKER_SOURCE } from "@/components/pwa/service-worker";

/**
 * The service worker at the site's root, so its scope is every page. No-cache: browsers check it
 * on each visit and pick up a new version at once.
 */
export function GET(): Response {
  return new Response(SERVICE_WORKER_SOURCE, {
    headers: {
      "content-type": "text/javascript; charset=utf-8",
      "service-worker-allowed": "/",
      "cache-control": "no-cache",
    },
  });
}
