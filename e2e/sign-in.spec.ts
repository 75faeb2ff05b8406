import { expect, test, type Browser, type Page } from "@playwright/test";
import { ADMIN, call, expectNoAxeViolations, secondPerson, signIn, signInAsAdmin, uniqueSuffix } from "./support";

test("a wrong password gets a clear error and nothing else happens", async ({ page }) => {
  await signIn(page, { email: ADMIN.email, password: "not the password" });
  await expect(page.getByRole("alert").filter({ hasText: "do not match an account" })).toBeVisible();
  await expect(page).toHaveURL(/\/signin$/);
  await expectNoAxeViolations(page);
});

test("after many wrong passwords the sign-in page says how long to wait", async ({ page }) => {
  const email = `nobody.${uniqueSuffix()}@example.org`;
  for (let attempt = 1; attempt <= 6; attempt++) {
    await signIn(page, { email, password: `guess number ${attempt}` });
    await expect(page.getByRole("alert").filter({ hasText: "do not match an account" })).toBeVisible();
  }
  await signIn(page, { email, password: "one guess too many" });
  // The wait is a minute from the last counted attempt, so by now a few seconds of it may have passed.
  await expect(page.getByRole("alert").filter({ hasText: /^Too many attempts\. Try again in (1 minute|\d\d seconds)\.$/ })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("sign in, see the dashboard live, sign out", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin$/);
  await expectNoAxeViolations(page);

  await signIn(page);
  await expect(page.getByRole("heading", { name: `Welcome, ${ADMIN.name}` })).toBeVisible();
  await expect(page.getByTestId("live-indicator")).toHaveText("Live");
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: ADMIN.name }).click();
  await expect(page.getByText(`Signed in as ${ADMIN.email}`)).toBeVisible();
  await expectNoAxeViolations(page, '[role="menu"]');
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin$/);

  await page.goto("/");
  await expect(page).toHaveURL(/\/signin$/);
});

test("the live indicator shows reconnecting when the socket drops, and live again when it returns", async ({ page }) => {
  const sockets: { close: () => Promise<void> }[] = [];
  await page.routeWebSocket(/\/socket\.io\//, (socket) => {
    socket.connectToServer();
    sockets.push(socket);
  });
  await signIn(page);
  const indicator = page.getByTestId("live-indicator");
  await expect(indicator).toHaveText("Live");

  await Promise.all(sockets.map((socket) => socket.close()));
  await expect(indicator).toHaveText("Reconnecting…");
  await expect(indicator).toHaveText("Live", { timeout: 15_000 });
});

/** Sam, a member signed in in two browsers: `sam.page` and a second device (`phone`), both on the dashboard. */
async function samOnTwoDevices(page: Page, browser: Browser) {
  await signInAsAdmin(page);
  const group = await call<{ id: string }>(page.request, "group.create", { name: `Trust circle ${uniqueSuffix()}` });
  const sam = await secondPerson(browser, page.request, group.id);
  const otherDevice = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const phone = await otherDevice.newPage();
  await signIn(phone, sam.person);
  await expect(phone.getByRole("heading", { name: `Welcome, ${sam.person.name}` })).toBeVisible();
  return { sam, otherDevice, phone };
}

test("sign out everywhere ends the session in another browser too", async ({ page, browser }) => {
  test.slow();
  const { sam, otherDevice, phone } = await samOnTwoDevices(page, browser);
  await expect(phone.getByTestId("live-indicator")).toHaveText("Live");

  await sam.page.goto("/account");
  await expectNoAxeViolations(sam.page);
  await sam.page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(sam.page).toHaveURL(/\/signin$/);

  // The other browser's live connection closes at once, and its next page asks it to sign in.
  await expect(phone.getByTestId("live-indicator")).toHaveText("Offline: please sign in again");
  await phone.reload();
  await expect(phone).toHaveURL(/\/signin$/);

  await signIn(phone, sam.person);
  await expect(phone.getByRole("heading", { name: `Welcome, ${sam.person.name}` })).toBeVisible();
  await otherDevice.close();
  await sam.context.close();
});

test("changing the password keeps this browser signed in and signs the others out", async ({ page, browser }) => {
  test.slow();
  const { sam, otherDevice, phone } = await samOnTwoDevices(page, browser);

  await sam.page.goto("/account");
  await sam.page.getByLabel("Current password").fill(sam.person.password);
  await sam.page.getByLabel("New password").fill("a changed steady hearth");
  await sam.page.getByRole("button", { name: "Change password" }).click();
  await expect(sam.page.getByText("Your password has been changed. Any other devices signed in to your account have been signed out.")).toBeVisible();
  await expect(sam.page.getByTestId("live-indicator")).toHaveText("Live");
  await sam.page.reload();
  await expect(sam.page.getByRole("heading", { name: "Your account" })).toBeVisible();

  await phone.reload();
  await expect(phone).toHaveURL(/\/signin$/);
  await otherDevice.close();
  await sam.context.close();
});
