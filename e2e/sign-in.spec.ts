import { expect, test } from "@playwright/test";
import { ADMIN, expectNoAxeViolations, signIn } from "./support";

test("a wrong password gets a clear error and nothing else happens", async ({ page }) => {
  await signIn(page, { email: ADMIN.email, password: "not the password" });
  await expect(page.getByRole("alert").filter({ hasText: "do not match an account" })).toBeVisible();
  await expect(page).toHaveURL(/\/signin$/);
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
