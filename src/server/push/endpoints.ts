/**
 * The push services browsers use, by host: Chrome, Edge on Android and Opera (Firebase Cloud
 * Messaging), Firefox (Mozilla autopush), Safari (Apple) and Edge on Windows (WNS). Hearth POSTs
 * to a subscription's endpoint, so an endpoint anywhere else is refused: it would turn Hearth
 * into a way to send requests to any address, an internal one included.
 */
const EXACT_HOSTS = new Set(["fcm.googleapis.com", "updates.push.services.mozilla.com", "web.push.apple.com"]);
const HOST_SUFFIXES = [".push.services.mozilla.com", ".push.apple.com", ".notify.windows.com"];

/**
 * Tests only (NODE_ENV=test): an http origin such as "http://127.0.0.1:40123" that stands in for
 * a push service, so delivery can be tested against a local server.
 */
export function testPushOrigin(env: Record<string, string | undefined> = process.env): string | null {
  return env.NODE_ENV === "test" && env.HEARTH_PUSH_TEST_ORIGIN ? env.HEARTH_PUSH_TEST_ORIGIN : null;
}

/** Whether Hearth may send to this endpoint: https on the default port at a known push service (or the test origin). */
export function isAllowedPushEndpoint(endpoint: string, testOrigin: string | null = testPushOrigin()): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (testOrigin !== null && url.origin === testOrigin) return true;
  if (url.protocol !== "https:" || url.port !== "") return false;
  const host = url.hostname.toLowerCase();
  return EXACT_HOSTS.has(host) || HOST_SUFFIXES.some((suffix) => host.endsWith(suffix) && host.length > suffix.length);
}
