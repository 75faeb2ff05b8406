import { expect, test, type Page } from "@playwright/test";
import { ADMIN, call, expectHydrated, expectNoAxeViolations, signInAsAdmin, uniqueSuffix } from "./support";

/** The names of this origin's caches that hold someone's offline pages. */
const pageCaches = (page: Page) => page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith("hearth-pages:")));

/** Whether the service worker has kept a copy of `path` for reading offline. */
const kept = (page: Page, path: string) =>
  page.evaluate(async (wanted) => {
    for (const name of await caches.keys()) {
      if (name.startsWith("hearth-pages:") && (await (await caches.open(name)).match(new URL(wanted, location.origin).href))) return true;
    }
    return false;
  }, path);

test("installable: the manifest, icons and service worker are served, and the settings page offers push", async ({ page }) => {
  const manifest = await page.request.get("/manifest.webmanifest");
  expect(manifest.ok()).toBe(true);
  const body = await manifest.json();
  expect(body).toMatchObject({ name: "Hearth", start_url: "/", display: "standalone", theme_color: "#9a3412" });
  for (const icon of body.icons as { src: string; sizes: string }[]) {
    const response = await page.request.get(icon.src);
    expect(response.headers()["content-type"]).toBe("image/png");
  }
  expect(body.icons.map(({ sizes }: { sizes: string }) => sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));

  const worker = await page.request.get("/sw.js");
  expect(worker.headers()).toMatchObject({ "content-type": "text/javascript; charset=utf-8", "service-worker-allowed": "/", "cache-control": "no-cache" });

  await signInAsAdmin(page);
  await page.goto("/settings/notifications");
  await expectHydrated(page);
  await expect(page.getByRole("heading", { level: 2, name: "Push notifications" })).toBeVisible();
  await expect(page.getByTestId("push-device-state")).toHaveText(/Push is off in this browser|cannot show push|blocked/);
  const account = page.getByRole("combobox", { name: "For all my groups" });
  await expect(account).toHaveValue("important");
  const saved = () => page.waitForResponse((response) => response.url().includes("notificationSettings.update") && response.ok());
  await Promise.all([saved(), account.selectOption({ label: "Push to this device: everything" })]);
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  await Promise.all([saved(), page.getByRole("checkbox", { name: "Also at night" }).check()]);
  await page.reload();
  await expect(page.getByRole("combobox", { name: "For all my groups" })).toHaveValue("all");
  await expect(page.getByRole("checkbox", { name: "Also at night" })).toBeChecked();
  await expectNoAxeViolations(page);
  await Promise.all([
    saved(),
    page.getByRole("combobox", { name: "For all my groups" }).selectOption({ label: "Push to this device: only what’s addressed to me and decisions" }),
  ]);
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
});

test("offline: pages a person opened are kept for them, read-only, listed when offline, and gone after sign-out", async ({ page, context }) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await call<{ id: string; handle: string }>(page.request, "group.create", { name: `Lantern ${uniqueSuffix()}` });
  const title = `Winter rota ${uniqueSuffix()}`;
  const { id: threadId } = await call<{ id: string }>(page.request, "thread.create", { groupId: group.id, title, body: "Who takes the Tuesday visits?" });

  await page.goto(`/threads/${threadId}`);
  await expectHydrated(page);
  await expect.poll(() => page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active))).toBe(true);
  await expect.poll(() => kept(page, `/threads/${threadId}`)).toBe(true);
  // The first page loaded before the worker was in charge (it fetched its own copy); this one passes through it.
  await page.goto(`/groups/${group.handle}`);
  await expectHydrated(page);
  await expect.poll(() => kept(page, `/groups/${group.handle}`)).toBe(true);

  await context.setOffline(true);
  await page.goto(`/threads/${threadId}`);
  await expect(page.getByRole("status").filter({ hasText: "You are offline. This is the copy of this page saved" })).toBeVisible();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  expect(await page.evaluate(() => document.scripts.length)).toBe(0);

  await page.goto("/tasks");
  await expect(page.getByRole("heading", { level: 1, name: "You are offline" })).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(title) })).toHaveAttribute("href", `/threads/${threadId}`);
  await page.getByRole("link", { name: new RegExp(title) }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();

  await context.setOffline(false);
  await page.goto("/");
  await expectHydrated(page);
  expect(await pageCaches(page)).toHaveLength(1);
  await page.getByRole("button", { name: ADMIN.name }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await expect.poll(() => pageCaches(page)).toEqual([]);

  await context.setOffline(true);
  await page.goto(`/threads/${threadId}`);
  await expect(page.getByRole("heading", { level: 1, name: "You are offline" })).toBeVisible();
  await expect(page.getByText(title)).toHaveCount(0);
  await context.setOffline(false);
});
