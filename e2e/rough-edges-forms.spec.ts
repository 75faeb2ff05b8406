import { expect, test } from "@playwright/test";
import { call, expectHydrated, expectNoAxeViolations, query, secondPerson, signInAsAdmin, signInByRequest, uniqueSuffix } from "./support";

type Group = { id: string; handle: string; name: string };

const newGroup = (request: Parameters<typeof call>[0], name: string) => call<Group>(request, "group.create", { name: `${name} ${uniqueSuffix()}` });
const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString();

/** 205 characters of words: a cut at 200 would land mid-word. */
const TOO_LONG = `${"Replanting the community garden beds ".repeat(6)}before spring`.slice(0, 205);

test("a title over 200 characters is counted and refused, never cut", async ({ page }) => {
  await signInAsAdmin(page);
  const group = await newGroup(page.request, "Titles");
  await page.goto(`/groups/${group.handle}`);
  await expectHydrated(page);

  await page.getByRole("button", { name: "New thread", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Start a thread" });
  const title = dialog.getByRole("textbox", { name: /^Title/ });
  await title.fill("Garden rota");
  await expect(dialog.getByTestId("title-counter")).toHaveText("11 / 200");

  await title.fill(TOO_LONG);
  await expect(title).toHaveValue(TOO_LONG);
  await expect(dialog.getByTestId("title-counter")).toHaveText("205 / 200");
  await expect(dialog.getByText("Keep the title to 200 characters or fewer")).toBeVisible();
  await expect(title).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page, '[role="dialog"]');

  await dialog.getByRole("textbox", { name: "What would you like to discuss?" }).fill("Who waters on Sundays?");
  await dialog.getByRole("button", { name: "Start thread" }).click();
  await expect(dialog.getByText("Keep the title to 200 characters or fewer")).toBeVisible();
  await expect(title).toHaveValue(TOO_LONG);

  // Exactly 200 once trimmed, as the server counts: the 200th character of TOO_LONG is a space.
  await title.fill(`${TOO_LONG.slice(0, 199)}s`);
  await expect(dialog.getByTestId("title-counter")).toHaveText("200 / 200");
  await expect(dialog.getByText("Keep the title to 200 characters or fewer")).toHaveCount(0);

  // The same field on another kind of title: a new document.
  await page.keyboard.press("Escape");
  await page.goto(`/groups/${group.handle}/documents`);
  await expectHydrated(page);
  await page.getByRole("button", { name: "New document" }).click();
  const documentDialog = page.getByRole("dialog", { name: "New document" });
  await documentDialog.getByRole("textbox", { name: /^Title/ }).fill(TOO_LONG);
  await expect(documentDialog.getByTestId("title-counter")).toHaveText("205 / 200");
  await documentDialog.getByRole("button", { name: "Create the document" }).click();
  await expect(documentDialog.getByText("Keep the title to 200 characters or fewer")).toBeVisible();
  await expectNoAxeViolations(page, '[role="dialog"]');
});

test("one mistyped address does not hold back the rest of an invitation list", async ({ page }) => {
  await signInAsAdmin(page);
  const group = await newGroup(page.request, "Invites");
  const [ana, ben] = [`ana.${uniqueSuffix()}@example.org`, `ben.${uniqueSuffix()}@example.org`];
  await page.goto(`/groups/${group.handle}/invitations`);
  await expectHydrated(page);

  const field = page.getByLabel("Email addresses");
  await field.fill(`${ana}, pat@, ${ben}`);
  await expect(page.getByText("2 addresses · not an email address: pat@")).toBeVisible();
  await page.getByRole("button", { name: "Create invitations" }).click();

  await expect(page.getByRole("heading", { name: "2 invitations created" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "2 invitations created. Not sent: pat@ (not an email address)." })).toBeVisible();
  await expect(field).toHaveValue("pat@");

  // No mail server here: the rows say the email is waiting, not that it was sent.
  const pending = page.getByRole("list", { name: "Pending invitations" });
  const row = pending.getByRole("listitem").filter({ has: page.getByRole("heading", { name: ana }) });
  await expect(row.getByText(/Email waiting to be sent/)).toBeVisible();
  await expect(pending.getByText(/sent once/)).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("notifications show the first words, and a request to vote says once you voted", async ({ page, browser }) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await newGroup(page.request, "Excerpts");
  const sam = await secondPerson(browser, page.request, group.id);
  const threadTitle = `Seeds ${uniqueSuffix()}`;
  await call(sam.context.request, "thread.create", {
    groupId: group.id,
    title: threadTitle,
    body: "## Order\n\nPlease check **the seed list** and [the budget](https://example.org/budget) by Friday.",
  });
  const pollTitle = `Plant beans ${uniqueSuffix()}`;
  const { id: pollId } = await call<{ id: string }>(sam.context.request, "poll.create", {
    groupId: group.id,
    kind: "proposal",
    title: pollTitle,
    closingAt: inDays(7),
  });

  await page.goto("/notifications");
  await expectHydrated(page);
  const started = page.getByRole("link", { name: new RegExp(`started “${threadTitle}”`) });
  await expect(started).toContainText("Order Please check the seed list and the budget by Friday.");
  await expect(started).not.toContainText("**");
  const request = page.getByRole("link", { name: new RegExp(`^Unread: .*asks for your vote on “${pollTitle}”`) });
  await expect(request).toBeVisible();
  await expect(request).not.toContainText("You voted");
  await expectNoAxeViolations(page);

  const poll = await query<{ options: { id: string }[] }>(page.request, "poll.byId", { id: pollId });
  await call(page.request, "poll.vote", { pollId, choices: [{ optionId: poll.options[0]!.id }] });
  await page.reload();
  const answered = page.getByRole("link", { name: new RegExp(`asks for your vote on “${pollTitle}”`) });
  await expect(answered).toContainText("You voted");
  await expect(answered).toHaveAttribute("data-read", "true");

  await page.getByRole("button", { name: /^Notifications/ }).click();
  const popover = page.getByRole("dialog", { name: "Notifications" });
  await expect(popover.getByRole("link", { name: new RegExp(`asks for your vote on “${pollTitle}”`) })).toContainText("You voted");
  await expect(popover.getByRole("link", { name: new RegExp(`started “${threadTitle}”`) })).toContainText("Please check the seed list");
  await expectNoAxeViolations(page, '[role="dialog"]');
  await sam.context.close();
});

test("the upload dialog offers Remove for a refused file, counts only good files, and hides the native picker", async ({ page, browser }) => {
  await signInAsAdmin(page);
  const group = await newGroup(page.request, "Uploads");
  await page.goto(`/groups/${group.handle}/resources`);
  await expectHydrated(page);

  await page.getByRole("button", { name: "Upload files" }).click();
  const dialog = page.getByRole("dialog", { name: "Upload files" });
  await expect(dialog.getByRole("button", { name: "Choose files" })).toBeVisible();
  await expect(dialog.getByText("Drag files here, or choose them.")).toBeVisible();
  const input = dialog.getByLabel("Files to add");
  // The native control is there for the picker and for screen readers' label, but takes no room.
  expect(await input.evaluate((element) => element.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
  const footer = dialog.getByRole("button", { name: "No files to add yet" });
  await expect(footer).toBeDisabled();

  await input.setInputFiles({ name: "setup.exe", mimeType: "application/octet-stream", buffer: Buffer.from("MZ not a document") });
  await expect(dialog.getByRole("alert")).toContainText("setup.exe");
  await expect(dialog.getByText("Not accepted")).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Retry upload of setup.exe" })).toHaveCount(0);
  await expect(dialog.getByRole("button", { name: "Remove setup.exe" })).toBeVisible();
  await expect(footer).toBeDisabled();
  await expect(dialog.getByRole("button", { name: /^Add 0/ })).toHaveCount(0);
  await expectNoAxeViolations(page, '[role="dialog"]');

  await input.setInputFiles({ name: "rota.txt", mimeType: "text/plain", buffer: Buffer.from("Sundays: Sam.\n") });
  await expect(dialog.getByRole("button", { name: "Add 1 file to the library" })).toBeEnabled();
  await dialog.getByRole("button", { name: "Remove setup.exe" }).click();
  await expect(dialog.getByText("setup.exe")).toHaveCount(0);
  await expect(dialog.getByRole("button", { name: "Add 1 file to the library" })).toBeEnabled();

  // On a touch screen nothing can be dragged in, so the hint only speaks of choosing.
  const touch = await browser.newContext({ baseURL: test.info().project.use.baseURL, hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  await signInByRequest(touch.request);
  const phone = await touch.newPage();
  await phone.goto(`/groups/${group.handle}/resources`);
  await expectHydrated(phone);
  await phone.getByRole("button", { name: "Upload files" }).click();
  const phoneDialog = phone.getByRole("dialog", { name: "Upload files" });
  await expect(phoneDialog.getByText("Choose files to upload.")).toBeVisible();
  await expect(phoneDialog.getByText("Drag files here, or choose them.")).toBeHidden();
  await expectNoAxeViolations(phone, '[role="dialog"]');
  await touch.close();
});
