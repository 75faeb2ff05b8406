/**
 * The service worker, served as it is at /sw.js (app/sw.js/route.ts). Plain JavaScript in a
 * string: it runs in the browser's worker scope, outside the app's bundles.
 *
 * Offline pages: the page tells the worker when a signed-in person has opened it (message
 * "keep" from components/pwa/service-worker-registration.tsx); only then is a copy kept, in a
 * cache of that person's own ("hearth-pages:<userId>"), the last KEEP pages, HTML only, never
 * /api/. A copy is made read-only when it is kept: scripts removed, a policy that runs none, and
 * a line saying it is an offline copy. Offline, a page with a copy shows it; any other shows a
 * page listing the copies. Sign-out deletes the person's cache (components/pwa/offline-pages.ts),
 * and a different person signing in, or a signed-out page, deletes every other person's.
 *
 * Push: shows the notification the server sent (title, one sentence, a link inside Hearth) and
 * opens its link when clicked.
 */
export const SERVICE_WORKER_SOURCE = String.raw`"use strict";
const PAGES = "hearth-pages:";
const STATIC = "hearth-static";
const META = "hearth-meta";
const USER_KEY = "/__hearth/current-user";
const KEEP = 20;
const KEEP_STATIC = 400;
const FRESH_MS = 5 * 60 * 1000;
const PENDING = 6;
/** Full page loads seen recently, kept in memory until the page says who it was for. */
const pending = new Map();
/** Bumped by every sign-out, so work that started before it keeps nothing. */
let generation = 0;

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

function isHtml(response) {
  return (response.headers.get("content-type") || "").startsWith("text/html");
}

async function currentUser() {
  const meta = await caches.open(META);
  const response = await meta.match(USER_KEY);
  return response ? response.text() : null;
}

async function forgetEveryone(except) {
  for (const name of await caches.keys()) {
    if (name.startsWith(PAGES) && name !== PAGES + except) await caches.delete(name);
  }
}

async function forget(userId) {
  generation += 1;
  pending.clear();
  if (userId) await caches.delete(PAGES + userId);
  else await forgetEveryone(null);
  const meta = await caches.open(META);
  await meta.delete(USER_KEY);
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

function titleOf(html) {
  const match = /<title[^>]*>([^<]*)<\/title>/i.exec(html);
  return match ? match[1].trim() : "";
}

/** The page as it was, with nothing that runs and a line saying when it was saved. */
function readOnly(html, savedAt) {
  const when = new Date(savedAt).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
  const notice =
    '<p role="status" style="margin:0;padding:8px 16px;background:#7c2d12;color:#fff;font:600 15px system-ui,sans-serif">' +
    "You are offline. This is the copy of this page saved " + escapeHtml(when) + ": read-only until you are back online.</p>";
  return html
    .replace(/<script\b[\s\S]*?<\/script>/gi, "")
    .replace(/<link\b[^>]*rel="(?:preload|modulepreload)"[^>]*as="script"[^>]*>/gi, "")
    .replace(/<link\b[^>]*rel="modulepreload"[^>]*>/gi, "")
    .replace(/<body([^>]*)>/i, (body) => body + notice);
}

const OFFLINE_POLICY =
  "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; form-action 'none'; base-uri 'none'";

function page(html, status) {
  return new Response(html, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": OFFLINE_POLICY, "cache-control": "no-store" },
  });
}

async function trim(cache, limit) {
  const keys = await cache.keys();
  for (const request of keys.slice(0, Math.max(0, keys.length - limit))) await cache.delete(request);
}

/** Stylesheets the copy needs offline: fetched now when the worker has not seen them yet. */
async function keepStylesheets(html) {
  const cache = await caches.open(STATIC);
  const hrefs = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="(\/_next\/static\/[^"]+)"/gi)].map((m) => m[1]);
  for (const href of new Set(hrefs)) {
    if (!(await cache.match(href))) {
      const response = await fetch(href).catch(() => null);
      if (response && response.ok) await cache.put(href, response);
    }
  }
  await trim(cache, KEEP_STATIC);
}

async function keep(userId, url) {
  if (typeof userId !== "string" || !userId || typeof url !== "string") return;
  const target = new URL(url, self.location.origin);
  if (target.origin !== self.location.origin || target.pathname.startsWith("/api/")) return;
  target.hash = "";
  const key = target.href;
  const started = generation;
  const cache = await caches.open(PAGES + userId);
  let html = null;
  const seen = pending.get(key);
  pending.delete(key);
  if (seen) html = await seen.text();
  else {
    const existing = await cache.match(key);
    const savedAt = existing ? Date.parse(existing.headers.get("x-hearth-saved") || "") : NaN;
    if (existing && Date.now() - savedAt < FRESH_MS) return;
    // A page reached inside the app (no full load): fetched once more for the copy.
    const response = await fetch(key, { credentials: "same-origin", redirect: "manual" }).catch(() => null);
    if (!response || !response.ok || !isHtml(response)) return;
    html = await response.text();
  }
  if (started !== generation) return;
  if ((await currentUser()) !== userId) {
    await forgetEveryone(userId);
    const meta = await caches.open(META);
    await meta.put(USER_KEY, new Response(userId));
  }
  const savedAt = new Date().toISOString();
  await cache.delete(key);
  await cache.put(
    key,
    new Response(readOnly(html, savedAt), {
      headers: {
        "content-type": "text/html; charset=utf-8",
        "x-hearth-title": encodeURIComponent(titleOf(html) || target.pathname),
        "x-hearth-saved": savedAt,
      },
    }),
  );
  await trim(cache, KEEP);
  if (started !== generation) await caches.delete(PAGES + userId);
  await keepStylesheets(html);
}

async function offlineList(userId) {
  const cache = userId ? await caches.open(PAGES + userId) : null;
  const keys = cache ? (await cache.keys()).reverse() : [];
  const items = [];
  for (const request of keys) {
    const response = await cache.match(request);
    if (!response) continue;
    const title = decodeURIComponent(response.headers.get("x-hearth-title") || "");
    const path = new URL(request.url).pathname;
    items.push('<li><a href="' + escapeHtml(path) + '">' + escapeHtml(title || path) + "</a></li>");
  }
  const list = items.length
    ? "<p>These pages you opened recently are saved on this device, read-only:</p><ul>" + items.join("") + "</ul>"
    : "<p>No pages are saved on this device yet. Pages you open while online are kept here for when you are not.</p>";
  return page(
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
      "<title>Offline · Hearth</title><style>body{font:17px/1.5 system-ui,sans-serif;background:#faf7f2;color:#1c1917;max-width:40rem;margin:0 auto;padding:2rem 1rem}" +
      "h1{color:#9a3412}a{color:#9a3412;font-weight:600}li{margin:.5rem 0}</style></head><body><main>" +
      "<p><strong>Hearth</strong></p><h1>You are offline</h1>" + list +
      '<p><a href="">Try again</a></p></main></body></html>',
    503,
  );
}

async function navigate(request) {
  try {
    const response = await fetch(request);
    if (response.ok && isHtml(response) && !response.redirected) {
      pending.set(request.url, response.clone());
      while (pending.size > PENDING) pending.delete(pending.keys().next().value);
    }
    return response;
  } catch (error) {
    const userId = await currentUser();
    if (userId) {
      const copy = await (await caches.open(PAGES + userId)).match(request.url, { ignoreSearch: false });
      if (copy) return page(await copy.text(), 200);
    }
    return offlineList(userId);
  }
}

async function staticAsset(request) {
  const cache = await caches.open(STATIC);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    await cache.put(request, response.clone());
    await trim(cache, KEEP_STATIC);
  }
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
  if (url.pathname.startsWith("/_next/static/")) event.respondWith(staticAsset(request));
  else if (request.mode === "navigate") event.respondWith(navigate(request));
});

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "keep") event.waitUntil(keep(data.userId, data.url));
  else if (data.type === "forget") event.waitUntil(forget(typeof data.userId === "string" ? data.userId : null));
});

self.addEventListener("push", (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch (error) {
    data = {};
  }
  const title = typeof data.title === "string" && data.title ? data.title : "Hearth";
  const url = typeof data.url === "string" && data.url.startsWith("/") ? data.url : "/notifications";
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof data.body === "string" ? data.body : "",
      icon: "/icons/icon-192.png",
      badge: "/icons/icon-192.png",
      tag: typeof data.tag === "string" ? data.tag : undefined,
      data: { url },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = new URL((event.notification.data && event.notification.data.url) || "/notifications", self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      for (const client of windows) {
        if (client.url === url && "focus" in client) return client.focus();
      }
      return self.clients.openWindow(url);
    }),
  );
});
`;
