"use client";

import { usePathname } from "next/navigation";
import { useEffect } from "react";

/** Registers /sw.js once per page load; browsers without service workers (or insecure origins) skip it. */
function register(): Promise<ServiceWorkerRegistration | null> {
  if (typeof navigator === "undefined" || !("serviceWorker" in navigator)) return Promise.resolve(null);
  return navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => null);
}

/**
 * Installs the service worker and tells it which pages the signed-in person opens, so it can keep
 * them for reading offline in that person's own cache. `userId` null (signed-out pages) tells it to
 * keep nobody's pages any longer.
 */
export function ServiceWorkerRegistration({ userId }: { userId: string | null }) {
  const pathname = usePathname();
  useEffect(() => {
    let cancelled = false;
    void register().then(async (registration) => {
      if (!registration || cancelled) return;
      const worker = (await navigator.serviceWorker.ready).active;
      if (cancelled || !worker) return;
      worker.postMessage(userId ? { type: "keep", userId, url: window.location.href } : { type: "forget", userId: null });
    });
    return () => {
      cancelled = true;
    };
  }, [userId, pathname]);
  return null;
}
