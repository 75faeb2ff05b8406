import { expect, test, type Browser, type Page } from "@playwright/test";
import { call, expectNoAxeViolations, signIn } from "./support";

const suffix = Math.random().toString(36).slice(2, 8);
const GROUP = `Seed Library ${suffix}`;
const NEWCOMER = { name: `Nia Newcomer ${suffix}`, email: `nia-${suffix}@example.org`, password: "a first long password" };
const SECOND = `sam-${suffix}@example.org`;
const NEW_PASSWORD = "a second long password";

/** A signed-out visitor at phone width, with cookies of its own. */
async function newVisitor(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  return context.newPage();
}

const pathOf = (link: string) => new URL(link).pathname;

/** Nothing wider than the screen: no sideways scrolling at phone width. */
async function expectNoSidewaysScroll(page: Page) {
  const width = page.viewportSize()!.width;
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(width);
}

test.describe.configure({ mode: "serial" });

let inviter: Page;
let links: { newcomer: string; second: string };
let groupPath: string;

test.beforeAll(async ({ browser }) => {
  inviter = await (await browser.newContext()).newPage();
});

test.afterAll(async () => {
  await inviter.context().close();
});

test("an admin invites two people and gets their links", async () => {
  await signIn(inviter);
  await inviter.getByRole("button", { name: "New group" }).click();
  await inviter.getByRole("dialog").getByLabel("Name").fill(GROUP);
  await inviter.getByRole("button", { name: "Create group" }).click();
  await expect(inviter.getByRole("heading", { level: 1, name: GROUP })).toBeVisible();
  groupPath = new URL(inviter.url()).pathname;

  await inviter.getByRole("link", { name: "Invitations" }).click();
  await expect(inviter.getByRole("heading", { name: `Invite people to ${GROUP}` })).toBeVisible();
  await expect(inviter.getByText("No invitations are waiting for an answer.")).toBeVisible();
  await expectNoAxeViolations(inviter);

  await inviter.getByLabel("Email addresses").fill(`${NEWCOMER.email.toUpperCase()};\n ${SECOND}, ${NEWCOMER.email}`);
  await expect(inviter.getByText("2 addresses")).toBeVisible();
  await inviter.getByLabel("Personal message (optional)").fill("Come and help us sort the seeds.");
  await inviter.getByRole("button", { name: "Create invitations" }).click();

  await expect(inviter.getByRole("heading", { name: "2 invitations created" })).toBeVisible();
  await expect(inviter.getByText("Email is not set up on this server: send these links yourself.")).toBeVisible();
  links = {
    newcomer: await inviter.getByLabel(`Invitation link for ${NEWCOMER.email}`).inputValue(),
    second: await inviter.getByLabel(`Invitation link for ${SECOND}`).inputValue(),
  };
  const pending = inviter.getByRole("list", { name: "Pending invitations" });
  await expect(pending.getByRole("heading", { name: NEWCOMER.email })).toBeVisible();
  await expect(pending.getByRole("heading", { name: SECOND })).toBeVisible();
  await expectNoAxeViolations(inviter);

  await inviter.getByLabel("Email addresses").fill(SECOND);
  await inviter.getByRole("button", { name: "Create invitations" }).click();
  await expect(inviter.getByRole("alert").filter({ hasText: `${SECOND} is already invited — resend it instead` })).toBeVisible();
  await expect(inviter.getByLabel("Email addresses")).toHaveValue(SECOND);
});

test("a newcomer opens their link signed out, creates an account and lands in the group", async ({ browser }) => {
  const visitor = await newVisitor(browser);
  await visitor.goto(pathOf(links.newcomer));
  await expect(visitor.getByRole("heading", { name: `Join ${GROUP}` })).toBeVisible();
  await expect(visitor.getByText("Come and help us sort the seeds.")).toBeVisible();
  await expect(visitor.getByText(`invited ${NEWCOMER.email} to join`)).toBeVisible();
  await expectNoAxeViolations(visitor);
  await expectNoSidewaysScroll(visitor);

  await visitor.getByLabel("Your name").fill(NEWCOMER.name);
  await visitor.getByLabel("Choose a password").fill("short");
  await visitor.getByRole("button", { name: `Join ${GROUP}` }).click();
  await expect(visitor.getByText("Use at least 10 characters")).toBeVisible();
  await expect(visitor.getByLabel("Your name")).toHaveValue(NEWCOMER.name);

  await visitor.getByLabel("Choose a password").fill(NEWCOMER.password);
  await visitor.getByRole("button", { name: `Join ${GROUP}` }).click();
  await expect(visitor).toHaveURL(/\/groups\/[a-z0-9-]+$/);
  await expect(visitor.getByRole("heading", { level: 1, name: GROUP })).toBeVisible();
  await visitor.context().close();

  await inviter.reload();
  const pending = inviter.getByRole("list", { name: "Pending invitations" });
  await expect(pending.getByRole("heading", { name: SECOND })).toBeVisible();
  await expect(pending.getByRole("heading", { name: NEWCOMER.email })).toHaveCount(0);
});

test("a used link explains itself", async ({ browser }) => {
  const visitor = await newVisitor(browser);
  await visitor.goto(pathOf(links.newcomer));
  await expect(visitor.getByRole("heading", { name: "This invitation has already been used" })).toBeVisible();
  await expectNoAxeViolations(visitor);
  await visitor.goto("/invitations/not-a-real-token");
  await expect(visitor.getByRole("heading", { name: "This invitation link is not valid" })).toBeVisible();
  await visitor.context().close();
});

test("a revoked link stops working", async ({ browser }) => {
  const row = inviter.getByRole("listitem").filter({ has: inviter.getByRole("heading", { name: SECOND }) });
  await row.getByRole("button", { name: "Revoke" }).click();
  const dialog = inviter.getByRole("dialog", { name: "Revoke this invitation?" });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(inviter, '[role="dialog"]');
  await dialog.getByRole("button", { name: "Revoke invitation" }).click();
  await expect(inviter.getByText("No invitations are waiting for an answer.")).toBeVisible();

  const visitor = await newVisitor(browser);
  await visitor.goto(pathOf(links.second));
  await expect(visitor.getByRole("heading", { name: "This invitation was revoked" })).toBeVisible();
  await expectNoAxeViolations(visitor);
  await visitor.context().close();
});

test("the requests page starts empty for the group's admin", async () => {
  await inviter.getByRole("link", { name: "Requests" }).click();
  await expect(inviter.getByRole("heading", { name: "Asking to join" })).toBeVisible();
  await expect(inviter.getByText("Nobody is waiting for an answer.")).toBeVisible();
  await expectNoAxeViolations(inviter);
});

test("a forgotten password is reset with the emailed link, which signs the person in", async ({ browser }) => {
  test.slow();
  const visitor = await newVisitor(browser);
  await visitor.goto("/signin");
  await visitor.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(visitor.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await expectNoAxeViolations(visitor);
  await visitor.getByLabel("Email").fill(NEWCOMER.email);
  await visitor.getByRole("button", { name: "Send me a link" }).click();
  await expect(visitor.getByText(`If ${NEWCOMER.email} has a Hearth account`)).toBeVisible();

  await inviter.goto("/outbox");
  await expect(inviter.getByRole("heading", { name: "Email outbox" })).toBeVisible();
  await expectNoAxeViolations(inviter);
  const email = inviter.getByRole("listitem").filter({ hasText: "Reset your Hearth password" }).filter({ hasText: NEWCOMER.email }).first();
  await email.getByText("Reset your Hearth password").click();
  const body = await email.locator("pre").innerText();
  const resetPath = pathOf(/https?:\/\/\S+\/reset-password\/\S+/.exec(body)![0]);

  await visitor.goto(resetPath);
  await expect(visitor.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await expectNoAxeViolations(visitor);
  await expectNoSidewaysScroll(visitor);
  await visitor.getByLabel("New password").fill(NEW_PASSWORD);
  await visitor.getByRole("button", { name: "Save and sign in" }).click();
  await expect(visitor.getByRole("heading", { name: `Welcome, ${NEWCOMER.name}` })).toBeVisible();
  await visitor.context().close();

  const again = await newVisitor(browser);
  await again.goto(resetPath);
  await again.getByLabel("New password").fill("yet another password");
  await again.getByRole("button", { name: "Save and sign in" }).click();
  await expect(again.getByRole("alert").filter({ hasText: "already been used" })).toBeVisible();
  await signIn(again, { email: NEWCOMER.email, password: NEW_PASSWORD });
  await expect(again.getByRole("heading", { name: `Welcome, ${NEWCOMER.name}` })).toBeVisible();

  await again.goto("/account");
  await expect(again.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expectNoAxeViolations(again);
  await again.getByLabel("About you").fill("I look after the seed library.");
  await again.getByRole("button", { name: "Save profile" }).click();
  await expect(again.getByText("Your profile is saved.")).toBeVisible();
  await again.getByLabel("Current password").fill("not my password");
  await again.getByLabel("New password").fill("a third long password");
  await again.getByRole("button", { name: "Change password" }).click();
  await expect(again.getByRole("alert").filter({ hasText: "Your current password is not right." })).toBeVisible();
  await again.context().close();
});

test("the outbox is only for the instance administrator", async ({ browser }) => {
  const visitor = await newVisitor(browser);
  await signIn(visitor, { email: NEWCOMER.email, password: NEW_PASSWORD });
  await expect(visitor.getByRole("heading", { name: `Welcome, ${NEWCOMER.name}` })).toBeVisible();
  const response = await visitor.goto("/outbox");
  expect(response?.status()).toBe(404);
  await visitor.context().close();
});

test("someone with a group's address asks to join, and an admin approves", async ({ browser }) => {
  test.slow();
  const toolLibrary = `Tool Library ${suffix}`;
  await inviter.goto("/");
  await inviter.getByRole("button", { name: "New group" }).click();
  await inviter.getByRole("dialog").getByLabel("Name").fill(toolLibrary);
  await inviter.getByRole("button", { name: "Create group" }).click();
  await expect(inviter.getByRole("heading", { level: 1, name: toolLibrary })).toBeVisible();
  const toolLibraryPath = new URL(inviter.url()).pathname;

  const visitor = await newVisitor(browser);
  await signIn(visitor, { email: NEWCOMER.email, password: NEW_PASSWORD });
  await expect(visitor.getByRole("heading", { name: `Welcome, ${NEWCOMER.name}` })).toBeVisible();
  await visitor.goto(toolLibraryPath);
  await expect(visitor.getByRole("heading", { name: `Ask to join ${toolLibrary}` })).toBeVisible();
  await expectNoAxeViolations(visitor);
  await visitor.getByLabel("Introduce yourself (optional)").fill("I can mend bicycles.");
  await visitor.getByRole("button", { name: "Ask to join" }).click();
  await expect(visitor.getByRole("heading", { name: "Your request is waiting for an admin" })).toBeVisible();
  await expectNoAxeViolations(visitor);

  await inviter.goto(`${toolLibraryPath}/requests`);
  const request = inviter.getByRole("list", { name: "Requests waiting for an answer" }).getByRole("listitem");
  await expect(request.getByRole("heading", { name: NEWCOMER.name })).toBeVisible();
  await expect(request.getByText("I can mend bicycles.")).toBeVisible();
  await expectNoAxeViolations(inviter);
  await request.getByLabel(`Message to ${NEWCOMER.name} (optional)`).fill("Welcome, the workshop is on Tuesdays.");
  await request.getByRole("button", { name: "Approve" }).click();
  await expect(inviter.getByText("Nobody is waiting for an answer.")).toBeVisible();
  await expect(inviter.getByRole("list", { name: "Answered requests" })).toContainText(`approved by`);

  await visitor.reload();
  await expect(visitor.getByRole("link", { name: "Overview" })).toBeVisible();
  await expect(visitor.getByRole("heading", { name: "Your request is waiting for an admin" })).toHaveCount(0);
  await visitor.context().close();
});

test("the invitations and requests pages fit a 360 px wide screen", async () => {
  await inviter.setViewportSize({ width: 360, height: 740 });
  for (const section of ["invitations", "requests"]) {
    await inviter.goto(`${groupPath}/${section}`);
    await expect(inviter.getByRole("navigation", { name: "Group sections" })).toBeVisible();
    await expectNoSidewaysScroll(inviter);
  }
  await inviter.goto("/outbox");
  await expectNoSidewaysScroll(inviter);
});

test("a guest invited to read a document sees its title on the invitation page", async ({ browser }) => {
  const group = await call<{ id: string }>(inviter.request, "group.create", { name: `Reading Room ${suffix}` });
  const document = await call<{ id: string }>(inviter.request, "document.create", { groupId: group.id, title: `Tool charter ${suffix}` });
  const { invitations } = await call<{ invitations: { link: string }[] }>(inviter.request, "invitation.create", {
    groupId: group.id,
    emails: [`gil-${suffix}@example.org`],
    role: "guest",
    documentId: document.id,
  });

  const visitor = await newVisitor(browser);
  await visitor.goto(pathOf(invitations[0]!.link));
  await expect(visitor.getByText(`to read “Tool charter ${suffix}” in Reading Room ${suffix}.`)).toBeVisible();
  await expectNoAxeViolations(visitor);
  await visitor.context().close();
});
