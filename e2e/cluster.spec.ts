import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { startCluster, type Cluster } from "../scripts/bench/harness";
import { ADMIN, call, expectHydrated } from "./support";
import { twoPeople } from "./two-people";

/**
 * Two Hearth instances behind one address, as docker-compose.yml runs them: people on instance A
 * and people on instance B see each other's comments and edits live.
 */
test.describe.configure({ mode: "serial" });

let cluster: Cluster;
const instanceA = () => cluster.instances[0]!.url;
const instanceB = () => cluster.instances[1]!.url;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  cluster = await startCluster(2, {
    HEARTH_ADMIN_EMAIL: ADMIN.email,
    HEARTH_ADMIN_PASSWORD: ADMIN.password,
    HEARTH_ADMIN_NAME: ADMIN.name,
    DIGEST_HOUR: "0",
    DIGEST_TIME_ZONE: "UTC",
  });
});

test.afterAll(async () => {
  await cluster?.stop();
});

const editorOf = (page: Page) => page.locator(".ProseMirror");
const textOf = (page: Page) =>
  editorOf(page).evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll(".collaboration-carets__caret")) caret.remove();
    return copy.textContent;
  });

/** A tRPC query on one instance by its full address (queries answer GET only). */
async function queryOn(request: APIRequestContext, base: string, path: string, input: unknown): Promise<Record<string, unknown>> {
  const response = await request.get(`${base}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  const body = await response.json();
  if (!response.ok()) throw new Error(`${path} failed: ${JSON.stringify(body.error?.json?.message ?? body)}`);
  return body.result.data.json;
}

test("a comment posted through instance A appears at once for someone reading the thread on instance B", async ({ browser }) => {
  test.slow();
  const { group, sam, admin, samPage, close } = await twoPeople(browser, instanceA(), instanceB());
  const { id: threadId } = await call<{ id: string }>(admin.request, "thread.create", { groupId: group.id, title: "Winter plans", body: "What shall we do?" });

  await samPage.goto(`/threads/${threadId}`);
  await expectHydrated(samPage);
  await admin.goto(`/threads/${threadId}`);
  await expectHydrated(admin);

  await admin.getByRole("textbox", { name: "Add a comment" }).fill("Soup on Thursdays, said on A");
  await admin.getByRole("button", { name: "Send comment" }).click();
  await expect(samPage.getByRole("article").filter({ hasText: "Soup on Thursdays, said on A" })).toBeVisible();

  await samPage.getByRole("textbox", { name: "Add a comment" }).fill("Count me in, said on B");
  await samPage.getByRole("button", { name: "Send comment" }).click();
  await expect(admin.getByRole("article").filter({ hasText: "Count me in, said on B" })).toBeVisible();
  // Each comment once, on both sides.
  await expect(samPage.getByRole("article").filter({ hasText: "said on" })).toHaveCount(2);
  await expect(admin.getByRole("article").filter({ hasText: "said on" })).toHaveCount(2);
  await expect(admin.getByText(sam.name).first()).toBeVisible();
  await close();
});

test("a document edited on instance A reaches an editor on instance B, and both converge", async ({ browser }) => {
  test.slow();
  const { group, sam, admin, samPage, close } = await twoPeople(browser, instanceA(), instanceB());
  const { id: documentId } = await call<{ id: string }>(admin.request, "document.create", { groupId: group.id, title: "Vision on two servers" });

  await admin.goto(`/documents/${documentId}`);
  await samPage.goto(`/documents/${documentId}`);
  // Presence lists both, though each is connected to a different instance.
  await expect(admin.getByTestId("document-presence")).toContainText(sam.name);
  await expect(samPage.getByTestId("document-presence")).toContainText(ADMIN.name);

  await editorOf(admin).click();
  await admin.keyboard.type("Homes for all.");
  await expect.poll(() => textOf(samPage)).toBe("Homes for all.");

  await editorOf(samPage).click();
  await samPage.keyboard.press("End");
  await admin.keyboard.press("Home");
  await Promise.all([samPage.keyboard.type(" And parks.", { delay: 30 }), admin.keyboard.type("Together: ", { delay: 30 })]);
  const merged = "Together: Homes for all. And parks.";
  await expect.poll(() => textOf(admin)).toBe(merged);
  await expect.poll(() => textOf(samPage)).toBe(merged);
  await expect(admin.getByTestId("sync-status")).toHaveText("Saved");
  await expect(samPage.getByTestId("sync-status")).toHaveText("Saved");

  // Stored once, whole: a fresh load from either instance shows the merged text.
  await samPage.reload();
  await expect.poll(() => textOf(samPage)).toBe(merged);
  await close();
});

test("restarted together, the two instances close an overdue poll once and send a day's digest once", async ({ browser }) => {
  test.slow();
  const { group, sam, admin, samPage, close } = await twoPeople(browser, instanceA(), instanceB());
  await call(samPage.request, "notificationSettings.update", { groupId: group.id, level: "digest" });
  // News for Sam's digest: the new poll, which closes while both instances are down.
  const closingAt = new Date(Date.now() + 3_000);
  const poll = await call<{ id: string }>(admin.request, "poll.create", { groupId: group.id, kind: "proposal", title: "Close me once", closingAt });
  await cluster.stopAll();
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, closingAt.getTime() - Date.now() + 500)));
  // Both start at the same moment, and each runs its overdue jobs at once: only one may act.
  await cluster.startAll();

  // The ports are new: every address below names its instance.
  await expect.poll(async () => (await queryOn(samPage.request, instanceB(), "poll.byId", { id: poll.id })).closedAt).not.toBeNull();
  await samPage.goto(`${instanceB()}/polls/${poll.id}`);
  await expect(samPage.getByText(/^Closed /).first()).toBeVisible();
  // Closed once: one entry in the group's audit log, by Hearth.
  const { items: audit } = await queryOn(admin.request, instanceA(), "audit.list", { groupId: group.id });
  const closes = (audit as { action: string; subject: { id: string | null } }[]).filter(({ subject }) => subject.id === poll.id);
  expect(closes.map(({ action }) => action)).toEqual(["poll.closed_on_time"]);
  await expect
    .poll(async () => {
      const { items } = await queryOn(admin.request, instanceA(), "outbox.list", {});
      return (items as { to: string; subject: string }[]).filter(({ to, subject }) => to === sam.email && subject.startsWith("Your daily digest")).length;
    })
    .toBe(1);
  await close();
});
