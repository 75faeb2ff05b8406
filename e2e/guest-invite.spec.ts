import { expect, test } from "@playwright/test";
import { call, expectHydrated, expectNoAxeViolations, signInAsAdmin, uniqueSuffix } from "./support";

const GUEST = { name: `Gale Guest ${uniqueSuffix()}`, email: "guest@example.org", password: "a guest's steady hearth" };

test("an admin invites a guest to one discussion from its page; the guest sees that thread and nothing else", async ({ page, browser }) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await call<{ id: string; handle: string; name: string }>(page.request, "group.create", { name: `Allotment ${uniqueSuffix()}` });
  const { id: threadId } = await call<{ id: string }>(page.request, "thread.create", {
    groupId: group.id,
    title: "Water butts for the east beds",
    body: "Our neighbour knows about rainwater.",
  });
  await call(page.request, "thread.create", { groupId: group.id, title: "Members-only budget", body: "Not for guests." });

  await page.goto(`/threads/${threadId}`);
  await expectHydrated(page);
  await page.getByRole("button", { name: "Invite someone to this discussion" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite someone to this discussion" });
  await dialog.getByLabel("Email addresses").fill(GUEST.email);
  await dialog.getByRole("button", { name: "Send the invitation" }).click();
  const linkField = dialog.getByLabel(`Invitation link for ${GUEST.email}`);
  await expect(linkField).toHaveValue(/\/invitations\/\S+$/);
  await dialog.getByRole("button", { name: "Copy link" }).click();
  await expect(dialog.getByRole("button", { name: "Copied" }).or(dialog.getByText("Copying is not available here"))).toBeVisible();
  await expectNoAxeViolations(page, '[role="dialog"]');
  const link = await linkField.inputValue();

  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const guest = await context.newPage();
  await guest.goto(new URL(link).pathname);
  await expect(guest.getByText("Water butts for the east beds")).toBeVisible();
  await guest.getByLabel("Your name").fill(GUEST.name);
  await guest.getByLabel("Choose a password").fill(GUEST.password);
  await guest.getByRole("button", { name: `Join ${group.name}` }).click();
  await expect(guest).toHaveURL(new RegExp(`/groups/${group.handle}$`));

  const threads = guest.getByRole("list", { name: "Threads" });
  await expect(threads.getByRole("link", { name: "Water butts for the east beds" })).toBeVisible();
  await expect(threads.locator(":scope > li")).toHaveCount(1);
  await expect(guest.getByText("Members-only budget")).toHaveCount(0);
  await expect(guest.getByText("No threads yet. Start the first one.")).toHaveCount(0);

  await guest.goto(`/groups/${group.handle}/documents`);
  await expect(guest.getByText("You have not been invited to any documents yet.")).toBeVisible();

  await guest.goto(`/threads/${threadId}`);
  await expect(guest.getByRole("heading", { level: 1, name: "Water butts for the east beds" })).toBeVisible();
  await expect(guest.getByRole("button", { name: "Invite someone to this discussion" })).toHaveCount(0);
  await context.close();
});

test("the Invitations page asks which discussion a guest is invited to, and refuses to send without one", async ({ page }) => {
  await signInAsAdmin(page);
  const group = await call<{ id: string; handle: string }>(page.request, "group.create", { name: `Orchard ${uniqueSuffix()}` });
  await call(page.request, "thread.create", { groupId: group.id, title: "Pruning day", body: "Saturday?" });

  await page.goto(`/groups/${group.handle}/invitations`);
  await expectHydrated(page);
  await page.getByLabel("Email addresses").fill("visitor@example.org");
  await page.getByLabel("Invite as").selectOption("guest");
  const picker = page.getByLabel("Which discussion (or document)?");
  await expect(picker.getByRole("option", { name: "Discussion: Pruning day" })).toBeAttached();
  await page.getByRole("button", { name: "Create invitations" }).click();
  await expect(page.getByText("Choose the discussion or document to invite the guest to")).toBeVisible();
  await expect(page.getByText("No invitations are waiting for an answer.")).toBeVisible();

  await picker.selectOption({ label: "Discussion: Pruning day" });
  await page.getByRole("button", { name: "Create invitations" }).click();
  await expect(page.getByRole("heading", { name: "1 invitation created" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Pending invitations" }).getByRole("heading", { name: "visitor@example.org" })).toBeVisible();
});
