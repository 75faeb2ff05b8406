import { expect, test } from "@playwright/test";
import { call, expectNoAxeViolations, signInAsAdmin, uniqueSuffix } from "./support";

/** A minimal valid one-page PDF. */
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n" +
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

test("attach a PDF to a new thread, refuse a disguised file, and keep downloads private", async ({ page, browser }) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await call<{ id: string; handle: string }>(page.request, "group.create", { name: `Papers ${uniqueSuffix()}` });

  await page.goto(`/groups/${group.handle}`);
  await page.getByRole("button", { name: "New thread" }).click();
  const dialog = page.getByRole("dialog");
  const picker = dialog.getByLabel("Attach files (optional)");

  await picker.setInputFiles({ name: "report.pdf", mimeType: "application/pdf", buffer: PNG });
  await expect(dialog.getByRole("alert")).toHaveText(
    "“report.pdf” is named like a PDF, but its contents look like a PNG image. Check that it is the right file, or give it the right extension.",
  );
  // A refused file would be refused again: it offers Remove, not Retry.
  await expect(dialog.getByRole("button", { name: "Retry upload of report.pdf" })).toHaveCount(0);
  await dialog.getByRole("button", { name: "Remove report.pdf" }).click();
  await expect(dialog.getByText("report.pdf")).toHaveCount(0);

  await picker.setInputFiles({ name: "Budget 2026.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(dialog.getByRole("progressbar", { name: "Upload of Budget 2026.pdf" })).toHaveAttribute("aria-valuenow", "100");
  await expect(dialog.getByText(`Uploaded · ${PDF.length} bytes`)).toBeVisible();
  await expectNoAxeViolations(page, '[role="dialog"]');

  await dialog.getByLabel("Title").fill("Budget papers");
  await dialog.getByRole("textbox", { name: "What would you like to discuss?" }).fill("The draft budget is attached.");
  await dialog.getByRole("button", { name: "Start thread" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Budget papers" })).toBeVisible();

  const attachments = page.getByRole("region", { name: "Attachments" });
  const link = attachments.getByRole("link", { name: /Budget 2026\.pdf/ });
  await expect(link).toContainText(`${PDF.length} bytes`);
  await expectNoAxeViolations(page);
  const url = await link.getAttribute("href");
  expect(url).toMatch(/^\/api\/files\/\w+$/);

  const download = await page.request.get(url!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect(download.headers()["x-content-type-options"]).toBe("nosniff");
  expect(download.headers()["content-disposition"]).toBe(`inline; filename="Budget 2026.pdf"; filename*=UTF-8''Budget%202026.pdf`);
  expect(Buffer.from(await download.body()).equals(PDF)).toBe(true);

  const stranger = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  expect([401, 404]).toContain((await stranger.request.get(url!)).status());
  await stranger.close();
});

test("uploads need a session", async ({ browser }) => {
  const stranger = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const response = await stranger.request.post("/api/uploads", {
    multipart: { file: { name: "notes.pdf", mimeType: "application/pdf", buffer: PDF } },
  });
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({ error: { message: "Please sign in first." } });
  await stranger.close();
});
