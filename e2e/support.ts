import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** The administrator the first-run journey creates; later journeys sign in as them. */
export const ADMIN = { name: "Morgan Staff", email: "morgan.staff@example.org", password: "a steady hearth 2026" };

/** Scans the whole page, or only `include` (e.g. an open menu, which lives outside the landmarks). */
export async function expectNoAxeViolations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page });
  const { violations } = await (include ? builder.include(include) : builder).analyze();
  expect(violations.map(({ id, help, nodes }) => ({ id, help, targets: nodes.map((node) => node.target) }))).toEqual([]);
}

export async function signIn(page: Page, credentials: { email: string; password: string } = ADMIN) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
