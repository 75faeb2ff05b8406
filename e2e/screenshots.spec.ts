import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signIn } from "./support";

const OUT = "docs/screenshots";

function demoStaff(): { email: string; password: string } {
  const file = path.join(process.env.E2E_DATA_DIR ?? "./data/e2e", "demo-sign-ins.json");
  const people = JSON.parse(readFileSync(file, "utf8")) as { email: string; password: string; isAdmin: boolean }[];
  return people.find((person) => person.isAdmin)!;
}

test.use({ viewport: { width: 1100, height: 720 } });

test("main screens", async ({ page }) => {
  await page.goto("/signin");
  await page.screenshot({ path: `${OUT}/sign-in.png` });

  await signIn(page, demoStaff());
  await expect(page.getByTestId("live-indicator")).toHaveText("Live");
  await page.screenshot({ path: `${OUT}/dashboard.png`, fullPage: true });
});
