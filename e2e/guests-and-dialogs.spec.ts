import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { ADMIN, call, expectHydrated, expectNoAxeViolations, invitedGuest, secondPerson, signInAsAdmin, uniqueSuffix } from "./support";

type Group = { id: string; handle: string; name: string };

/** A guest invited to one thread, their account made through the invitation, signed in in their own context. */
async function threadGuest(browser: Browser, adminPage: Page, groupId: string, threadId: string) {
  const guest = { name: `Gil Guest ${uniqueSuffix()}`, email: `gil.${uniqueSuffix()}@example.org`, password: "a guest's steady hearth" };
  return { guest, ...(await invitedGuest(browser, adminPage, groupId, { threadId }, guest)) };
}

/**
 * Focus sits on the open dialog's first visible form field: an input, select or textarea, or a
 * control standing for one (the "Choose files" button, a decision's first process).
 */
async function expectFocusOnFirstField(dialog: Locator) {
  await expect(dialog).toBeVisible();
  await expect
    .poll(() =>
      dialog.evaluate((element) => {
        const selector =
          "input:not([type=hidden]):not([disabled]):not([tabindex='-1']), select:not([disabled]), textarea:not([disabled]), [contenteditable=true], [data-dialog-field]";
        const first = [...element.querySelectorAll<HTMLElement>(selector)].find((candidate) => candidate.getClientRects().length > 0);
        return first !== undefined && document.activeElement === first && !first.matches("[aria-label=Close]");
      }),
    )
    .toBe(true);
}

/** Opens a dialog by its trigger, checks where focus went, and closes it again with Escape. */
async function checkDialog(page: Page, trigger: string, title: string | RegExp) {
  await page.getByRole("button", { name: trigger, exact: true }).click();
  const dialog = page.getByRole("dialog", { name: title });
  await expectFocusOnFirstField(dialog);
  await expectNoAxeViolations(page, '[role="dialog"]');
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
}

test("a guest invited to one thread sees no empty Documents tab, no subgroup and no organisations directory", async ({ page, browser }) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await call<Group>(page.request, "group.create", { name: `Commons ${uniqueSuffix()}` });
  const subgroup = await call<Group>(page.request, "group.create", { name: `Budget ${uniqueSuffix()}`, parentId: group.id });
  const { id: threadId } = await call<{ id: string }>(page.request, "thread.create", {
    groupId: group.id,
    title: "Bike racks by the hall",
    body: "Where should they go?",
  });
  const { context, page: guest } = await threadGuest(browser, page, group.id, threadId);

  await guest.goto(`/groups/${group.handle}`);
  await expectHydrated(guest);
  const sections = guest.getByRole("navigation", { name: "Group sections" });
  await expect(sections.getByRole("link", { name: "Overview" })).toBeVisible();
  await expect(sections.getByRole("link", { name: "Documents" })).toHaveCount(0);
  await expect(guest.getByRole("link", { name: "Bike racks by the hall" })).toBeVisible();
  await expectNoAxeViolations(guest);

  // Typed in by hand, the Documents address says why it is empty.
  await guest.goto(`/groups/${group.handle}/documents`);
  await expect(guest.getByText("You have not been invited to any documents yet.")).toBeVisible();

  await guest.goto(`/groups/${subgroup.handle}`);
  await expect(guest.getByRole("heading", { name: /^(Page not found|This page is not available)$/ })).toBeVisible();
  await expect(guest.getByText(subgroup.name)).toHaveCount(0);
  await expect(guest.getByRole("button", { name: "Ask to join" })).toHaveCount(0);
  await expectNoAxeViolations(guest);

  await guest.goto("/organisations");
  await expect(guest.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();

  await guest.goto(`/threads/${threadId}`);
  await expectHydrated(guest);
  await guest.getByRole("button", { name: /Gil Guest/ }).click();
  await expect(guest.getByRole("menuitem", { name: "Your account" })).toBeVisible();
  await expect(guest.getByRole("menuitem", { name: "Organisations" })).toHaveCount(0);
  await guest.keyboard.press("Escape");
  await context.close();
});

test("a member who may not add to the library is told so; where members may, they are offered to suggest", async ({ page, browser }) => {
  await signInAsAdmin(page);
  const group = await call<Group>(page.request, "group.create", { name: `Library ${uniqueSuffix()}` });
  const { context, page: member } = await secondPerson(browser, page.request, group.id);

  await member.goto(`/groups/${group.handle}/resources`);
  await expect(member.getByRole("heading", { level: 2, name: "Library" })).toBeVisible();
  await expect(member.getByText("Only admins add here.")).toBeVisible();
  await expect(member.getByRole("button", { name: "Upload files" })).toHaveCount(0);
  await expectNoAxeViolations(member);

  await call(page.request, "group.update", { id: group.id, membersCanAddResources: true });
  await member.reload();
  const suggest = member.getByRole("group", { name: "Suggest a resource" });
  await expect(suggest).toBeVisible();
  await expect(suggest.getByRole("button", { name: "Upload files" })).toBeVisible();
  await expect(suggest).toContainText("What you add stays a draft until an admin publishes it.");
  await expect(member.getByText("Only admins add here.")).toHaveCount(0);
  await expectNoAxeViolations(member);
  await context.close();
});

test("avatars or initials sit beside comment authors and in the members list", async ({ page, browser }) => {
  await signInAsAdmin(page);
  const group = await call<Group>(page.request, "group.create", { name: `Faces ${uniqueSuffix()}` });
  const { id: threadId } = await call<{ id: string }>(page.request, "thread.create", { groupId: group.id, title: "Hello all", body: "Say hi." });
  const { person, context, page: member } = await secondPerson(browser, page.request, group.id);
  await call(member.request, "comment.create", { threadId, body: "Hi from the member" });

  await page.goto(`/threads/${threadId}`);
  const initials = (name: string) => name.split(" ").map((word, index, words) => (index === 0 || index === words.length - 1 ? word[0] : "")).join("").toUpperCase();
  const comment = page.getByRole("article").filter({ hasText: "Hi from the member" });
  const avatar = comment.getByTestId("avatar");
  await expect(avatar).toHaveText(initials(person.name));
  await expect(avatar).toHaveAttribute("aria-hidden", "true");
  await expect(page.getByText("Started by").getByTestId("avatar")).toHaveText(initials(ADMIN.name));
  await expectNoAxeViolations(page);

  await page.goto(`/groups/${group.handle}/members`);
  const rows = page.getByRole("listitem").filter({ has: page.getByTestId("avatar") });
  await expect(rows.filter({ hasText: person.name }).getByTestId("avatar")).toHaveText(initials(person.name));
  await expect(rows.filter({ hasText: ADMIN.name }).getByTestId("avatar")).toHaveText(initials(ADMIN.name));
  await expectNoAxeViolations(page);
  await context.close();
});

test("every form dialog opens with focus in its first field", async ({ page }) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await call<Group>(page.request, "group.create", { name: `Focus ${uniqueSuffix()}` });
  const { id: threadId } = await call<{ id: string }>(page.request, "thread.create", { groupId: group.id, title: "Focus please", body: "On the field." });

  await page.goto("/");
  await expectHydrated(page);
  await checkDialog(page, "New group", "New group");

  await page.goto(`/groups/${group.handle}`);
  await expectHydrated(page);
  await checkDialog(page, "New thread", "Start a thread");
  await checkDialog(page, "New subgroup", `New subgroup of ${group.name}`);

  // A decision starts by picking its process; the form that follows starts on its first field.
  await page.getByRole("button", { name: "New decision", exact: true }).click();
  const decision = page.getByRole("dialog", { name: "Start a decision" });
  await expectFocusOnFirstField(decision);
  await decision.getByRole("button").filter({ hasText: "Consent decision" }).first().click();
  await expect(decision.getByRole("button", { name: "Choose another process" })).toBeVisible();
  await expectFocusOnFirstField(decision);
  await page.keyboard.press("Escape");

  await page.goto(`/threads/${threadId}`);
  await expectHydrated(page);
  await checkDialog(page, "Invite someone to this discussion", "Invite someone to this discussion");

  await page.goto(`/groups/${group.handle}/documents`);
  await expectHydrated(page);
  await checkDialog(page, "New document", "New document");

  await page.goto(`/groups/${group.handle}/meetings`);
  await expectHydrated(page);
  await checkDialog(page, "Schedule a meeting", "Schedule a meeting");

  await page.goto(`/groups/${group.handle}/resources`);
  await expectHydrated(page);
  await checkDialog(page, "Upload files", "Upload files");
  await checkDialog(page, "Add link", "Add a link");
  await checkDialog(page, "New folder", "New folder");

  await page.goto("/organisations");
  await expectHydrated(page);
  await checkDialog(page, "New organisation", "New organisation");
});

test("Escape on a half-written thread keeps the draft and says so, across a reload", async ({ page }) => {
  await signInAsAdmin(page);
  const group = await call<Group>(page.request, "group.create", { name: `Drafts ${uniqueSuffix()}` });
  await page.goto(`/groups/${group.handle}`);
  await expectHydrated(page);

  await page.getByRole("button", { name: "New thread", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Start a thread" });
  await dialog.getByRole("textbox", { name: /^Title/ }).fill("Half a thought about the garden");
  await dialog.getByRole("textbox", { name: "What would you like to discuss?" }).fill("We could plant");
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "Your draft is kept; it'll be here when you come back." })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.reload();
  await expectHydrated(page);
  await expect(page.getByText("Your draft is kept; it'll be here when you come back.")).toBeVisible();
  await page.getByRole("button", { name: "New thread", exact: true }).click();
  await expect(dialog.getByRole("textbox", { name: /^Title/ })).toHaveValue("Half a thought about the garden");
  await expect(dialog.getByRole("textbox", { name: "What would you like to discuss?" })).toHaveValue("We could plant");

  await dialog.getByRole("button", { name: "Start thread" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Half a thought about the garden" })).toBeVisible();
  await page.goto(`/groups/${group.handle}`);
  await expectHydrated(page);
  await expect(page.getByText("Your draft is kept; it'll be here when you come back.")).toHaveCount(0);
});
