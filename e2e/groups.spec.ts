import { expect, test } from "@playwright/test";
import { ADMIN, expectNoAxeViolations, signIn } from "./support";

const suffix = Math.random().toString(36).slice(2, 8);
const GROUP = `Carers Network ${suffix}`;
const SUBGROUP = `Carers Cafe Planning ${suffix}`;
const ORGANISATION = `Widcombe Carers ${suffix}`;

test("the instance administrator runs a group: create, settings, subgroup, members, organisations", async ({ page }) => {
  test.slow();
  await signIn(page);
  await expect(page.getByRole("heading", { name: `Welcome, ${ADMIN.name}` })).toBeVisible();

  await page.getByRole("button", { name: "New group" }).click();
  const dialog = page.getByRole("dialog", { name: "New group" });
  await dialog.getByLabel("Name").fill(GROUP);
  await dialog.getByRole("button", { name: "Create group" }).click();
  await expect(page).toHaveURL(/\/groups\/carers-network-/);
  await expect(page.getByRole("heading", { level: 1, name: GROUP })).toBeVisible();
  const groupUrl = new URL(page.url()).pathname;

  await page.goto("/");
  await expect(page.getByRole("link", { name: GROUP })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: GROUP }).click();
  await expect(page).toHaveURL(new RegExp(`${groupUrl}$`));
  await expect(page.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("You are Admin")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Handle").fill("Not A Handle!");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Use lowercase letters, digits and single hyphens")).toBeVisible();
  await page.getByLabel("Handle").fill(groupUrl.split("/").at(-1)!);
  await page.getByLabel("Description").fill("We **care** for carers in Bath.");
  await page.getByLabel("Members can invite people").check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();

  await page.getByRole("link", { name: "Overview" }).click();
  await expect(page.locator(".markdown strong")).toHaveText("care");

  await page.getByRole("button", { name: "New subgroup" }).click();
  const subDialog = page.getByRole("dialog", { name: `New subgroup of ${GROUP}` });
  await subDialog.getByLabel("Name").fill(SUBGROUP);
  await subDialog.getByRole("button", { name: "Create subgroup" }).click();
  await expect(page.getByRole("heading", { level: 1, name: SUBGROUP })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: GROUP })).toBeVisible();

  await page.goto(groupUrl);
  await expect(page.getByRole("link", { name: SUBGROUP })).toBeVisible();
  await page.getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("heading", { name: "Search members" })).toBeVisible();
  const me = page.getByRole("listitem").filter({ hasText: `${ADMIN.name} (you)` });
  await expect(me.locator("span", { hasText: /^Admin$/ })).toBeVisible();
  await expect(me.getByRole("combobox", { name: `Role of ${ADMIN.name}` })).toHaveValue("admin");
  await expect(me.getByText(ADMIN.email)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto("/organisations");
  await page.getByRole("button", { name: "New organisation" }).click();
  const orgDialog = page.getByRole("dialog", { name: "New organisation" });
  await orgDialog.getByLabel("Name").fill(ORGANISATION);
  await orgDialog.getByLabel("Website (optional)").fill("javascript:alert(1)");
  await orgDialog.getByRole("button", { name: "Create organisation" }).click();
  await expect(orgDialog.getByText("Enter a web address starting with https:// or http://")).toBeVisible();
  await orgDialog.getByLabel("Website (optional)").fill("https://example.org/carers");
  await orgDialog.getByLabel("Has signed the charter").check();
  await orgDialog.getByLabel("Date signed (optional)").fill("2025-09-01");
  await orgDialog.getByRole("button", { name: "Create organisation" }).click();
  await expect(orgDialog).toBeHidden();
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: ORGANISATION }) });
  await expect(card.getByText("Charter signed on 1 September 2025")).toBeVisible();
  await expect(card.getByRole("link", { name: /example\.org\/carers/ })).toHaveAttribute("rel", "noopener nofollow ugc");
  await expectNoAxeViolations(page);
});

test("a group page fits a 360 px wide screen", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page);
  await page.getByRole("button", { name: "New group" }).click();
  await page.getByRole("dialog", { name: "New group" }).getByLabel("Name").fill(`Narrow Screen Group With A Long Name ${suffix}`);
  await page.getByRole("button", { name: "Create group" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Narrow Screen Group");
  for (const path of ["", "/members", "/settings"]) {
    await page.goto(`${new URL(page.url()).pathname.replace(/\/(members|settings)$/, "")}${path}`);
    await expect(page.getByRole("navigation", { name: "Group sections" })).toBeVisible();
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(360);
  }
});

test("a group that does not exist is a 404", async ({ page }) => {
  await signIn(page);
  await expect(page.getByRole("heading", { name: `Welcome, ${ADMIN.name}` })).toBeVisible();
  const response = await page.goto(`/groups/no-such-group-${suffix}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
