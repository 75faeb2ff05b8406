import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support";

test("an unknown page answers 404 with a way back", async ({ page }) => {
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the health route checks the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});

test("malformed tRPC input gets a readable 400, and the server keeps serving", async ({ request }) => {
  const response = await request.post("/api/trpc/setup.createAdmin", {
    data: { json: { name: "", email: "x", password: "y" } },
  });
  expect(response.status()).toBe(400);
  const body = await response.json();
  expect(body.error.json.message).toContain("email: Enter a valid email address");
  expect(JSON.stringify(body)).not.toContain("stack");
  expect((await request.get("/api/health")).status()).toBe(200);
});

test("an oversize body is refused before it is read", async ({ request }) => {
  const response = await request.post("/api/trpc/setup.createAdmin", {
    headers: { "content-type": "application/json" },
    data: JSON.stringify({ json: { name: "x".repeat(2_000_000) } }),
  });
  expect(response.status()).toBe(413);
  expect((await response.json()).error.message).toMatch(/too large/);
  expect((await request.get("/api/health")).status()).toBe(200);
});
