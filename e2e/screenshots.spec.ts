import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

const OUT = "docs/screenshots";

type DemoPerson = { email: string; password: string; isAdmin: boolean; role: string };

function demoPeople(): DemoPerson[] {
  const file = path.join(process.env.E2E_DATA_DIR ?? "./data/e2e", "demo-sign-ins.json");
  return JSON.parse(readFileSync(file, "utf8")) as DemoPerson[];
}

async function shoot(page: Page, name: string) {
  await expect(page.getByTestId("live-indicator")).toHaveText("Live");
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
}

test.use({ viewport: { width: 1100, height: 760 } });

test("main screens, from the demo steering group", async ({ page }) => {
  test.slow();
  await page.goto("/signin");
  await page.screenshot({ path: `${OUT}/sign-in.png` });

  await signIn(page, demoPeople().find((person) => person.isAdmin)!);
  await shoot(page, "dashboard");

  await page.getByRole("link", { name: "Compassionate Community Steering Group" }).first().click();
  await expect(page.getByRole("heading", { name: "Threads" })).toBeVisible();
  await shoot(page, "group");

  await page.getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("heading", { name: "Search members" })).toBeVisible();
  await shoot(page, "members");

  await page.goto("/groups/compassionate-community");
  await page.getByRole("link", { name: "What helped when you were caring for someone?" }).click();
  await page.waitForURL(/\/threads\//);
  await expect(page.getByRole("heading", { level: 1, name: "What helped when you were caring for someone?" })).toBeVisible();
  await shoot(page, "thread");

  await page.goto("/groups/compassionate-community");
  await page.getByRole("link", { name: "Adopting the Compassionate City Charter" }).click();
  await page.waitForURL(/\/threads\//);
  await expect(page.getByRole("heading", { level: 2, name: "Adopt the Compassionate City Charter as our shared commitment" })).toBeVisible();
  await shoot(page, "proposal");

  await page.goto("/groups/compassionate-community/resources");
  await expect(page.getByRole("heading", { level: 2, name: "Library" })).toBeVisible();
  await page.getByRole("link", { name: /^Meeting papers/ }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Meeting papers" })).toBeVisible();
  await expect(page.getByRole("img", { name: "First page of Agenda: November meeting" })).toHaveAttribute("data-rendered", "true");
  await shoot(page, "resources");

  await page.goto("/groups/compassionate-community/meetings");
  await page.getByRole("link", { name: "December steering group meeting" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "December steering group meeting" })).toBeVisible();
  await shoot(page, "meeting");

  await page.goto("/groups/compassionate-community/documents");
  await page.getByRole("link", { name: "Vision for a compassionate Bath" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Vision for a compassionate Bath" })).toBeVisible();
  await expect(page.getByText("Saved")).toBeVisible();
  await expect(page.getByText(/Amendment 1/).first()).toBeVisible();
  await shoot(page, "document");
  await page.getByRole("button", { name: "Who wrote this" }).click();
  await expect(page.getByRole("list", { name: "Authors and their colours" })).toBeVisible();
  await shoot(page, "who-wrote-this");

  await page.goto("/groups/compassionate-community/decisions");
  await expect(page.getByRole("heading", { level: 3, name: "November steering group meeting" })).toBeVisible();
  await shoot(page, "decisions");

  await page.goto("/groups/compassionate-community/stakeholders");
  await expect(page.locator(".react-flow__node").first()).toBeVisible();
  await shoot(page, "stakeholders");

  await page.goto("/groups/compassionate-community/charter");
  await expect(page.getByRole("heading", { name: "Compassionate City Charter for Bath & North East Somerset" })).toBeVisible();
  await shoot(page, "charter");

  await page.goto("/tasks");
  await expect(page.getByTestId("task-row").first()).toBeVisible();
  await shoot(page, "my-tasks");

  // The same steering group on a phone: one column, the header on one row.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/groups/compassionate-community");
  await expect(page.getByRole("heading", { name: "Threads" })).toBeVisible();
  await expect(page.getByRole("banner").getByText("Live", { exact: true })).toBeVisible();
  await page.screenshot({ path: `${OUT}/phone.png` });
});
