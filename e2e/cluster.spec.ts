import { expect, test, type APIRequestContext } from "@playwright/test";
import { startCluster, type Cluster } from "../scripts/bench/harness";
import { ADMIN, call } from "./support";
import { editTogether, exchangeComments, twoPeople } from "./two-people";

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

/** A tRPC query on one instance by its full address (queries answer GET only). */
async function queryOn(request: APIRequestContext, base: string, path: string, input: unknown): Promise<Record<string, unknown>> {
  const response = await request.get(`${base}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  const body = await response.json();
  if (!response.ok()) throw new Error(`${path} failed: ${JSON.stringify(body.error?.json?.message ?? body)}`);
  return body.result.data.json;
}

test("a comment posted through instance A appears at once for someone reading the thread on instance B", async ({ browser }) => {
  test.slow();
  const people = await twoPeople(browser, instanceA(), instanceB());
  await exchangeComments(people);
  await people.close();
});

test("a document edited on instance A reaches an editor on instance B, and both converge", async ({ browser }) => {
  test.slow();
  const people = await twoPeople(browser, instanceA(), instanceB());
  await editTogether(people);
  await people.close();
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
