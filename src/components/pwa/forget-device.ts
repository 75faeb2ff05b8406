/** Longest that sign-out waits for the push service to forget this browser. */
const FORGET_WAIT_MS = 2000;

/**
 * What this browser keeps for one person, removed at sign-out for shared computers: the pages the
 * service worker keeps for reading offline (components/pwa/service-worker.ts; deleted here, and the
 * worker told, so nothing it is saving lands afterwards), and this browser's push subscription
 * (ended with the push service and, through `unsubscribe` (push.unsubscribe), on the server).
 * Never throws and never holds sign-out up for long.
 */
export async function forgetThisDevice(userId: string, unsubscribe: (endpoint: string) => Promise<unknown>): Promise<void> {
  if (typeof navigator === "undefined" || !("serviceWorker" in navigator)) return;
  try {
    navigator.serviceWorker.controller?.postMessage({ type: "forget", userId });
    if (typeof caches !== "undefined") await caches.delete(`hearth-pages:${userId}`);
    const registration = await navigator.serviceWorker.getRegistration("/");
    const subscription = await registration?.pushManager?.getSubscription();
    if (subscription) {
      const ended = Promise.allSettled([unsubscribe(subscription.endpoint), subscription.unsubscribe()]);
      await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, FORGET_WAIT_MS))]);
    }
  } catch {
    // Signing out matters more than tidying up; the next person to sign in here clears the pages.
  }
}
