import { expect, test, type Page } from "@playwright/test";
import { call, expectHydrated, expectNoAxeViolations, pdfWith, query, secondPerson, signInAsAdmin, uniqueSuffix } from "./support";

type Created = { id: string };

const editorOf = (page: Page) => page.locator(".ProseMirror");
const results = (page: Page) => page.getByRole("list", { name: "Search results" }).getByRole("listitem");
const resultTitled = (page: Page, title: string) => results(page).filter({ has: page.getByRole("link", { name: title, exact: true }) });

/** Waits until the server has stored the typed text, so a version named now contains it. */
async function expectStored(page: Page, documentId: string, text: string) {
  await expect
    .poll(async () => {
      const diff = await query<{ blocks: { parts: { text: string }[] }[] }>(page.request, "document.diff", { id: documentId, fromVersionId: "current", toVersionId: "current" });
      return diff.blocks.map((block) => block.parts.map((part) => part.text).join("")).join("\n");
    })
    .toBe(text);
}

/**
 * Searches until `title` is among the results: a document's words reach search a few seconds
 * after typing rests, a file's once the server has read it in the background.
 */
async function searchUntilFound(page: Page, q: string, title: string) {
  await expect(async () => {
    await page.goto(`/search?q=${encodeURIComponent(q)}`);
    await expect(resultTitled(page, title)).toHaveCount(1, { timeout: 2_000 });
  }).toPass({ timeout: 45_000 });
}

test("a member finds a document by a word typed in it, a named version, and a PDF by a word inside the file; each result opens it", async ({
  page,
  browser,
}) => {
  test.slow();
  await signInAsAdmin(page);
  const suffix = uniqueSuffix();
  // Words nobody else's journey writes, so the results are exactly this journey's.
  const lighthouse = `lighthouse${suffix}`;
  const kelp = `kelp${suffix}`;
  const group = await call<{ id: string }>(page.request, "group.create", { name: `Harbour circle ${suffix}` });
  const sam = await secondPerson(browser, page.request, group.id);

  const title = `Harbour vision ${suffix}`;
  const { id: documentId } = await call<Created>(page.request, "document.create", { groupId: group.id, title });
  await page.goto(`/documents/${documentId}`);
  await editorOf(page).click();
  await page.keyboard.type(`A ${lighthouse} on every pier.`);
  await expectStored(page, documentId, `A ${lighthouse} on every pier.`);
  const version = await call<Created>(page.request, "document.nameVersion", { id: documentId, name: "First draft" });

  const upload = await page.request.post("/api/uploads", {
    multipart: { file: { name: "Harbour plan.pdf", mimeType: "application/pdf", buffer: pdfWith(`Moorings near the ${kelp} beds`) } },
  });
  expect(upload.status()).toBe(201);
  const { id: fileId } = (await upload.json()) as Created;
  const planTitle = `Harbour plan ${suffix}`;
  const plan = await call<Created>(page.request, "resource.create", { groupId: group.id, kind: "file", title: planTitle, fileId });

  // The document, and its named version, by a word typed in it.
  const member = sam.page;
  await searchUntilFound(member, lighthouse, title);
  await expectHydrated(member);
  await expect(results(member)).toHaveCount(2);
  const found = resultTitled(member, title);
  await expect(found).toContainText("Document");
  await expect(found.locator("mark")).toHaveText(lighthouse);
  await expect(resultTitled(member, `${title} — First draft`)).toContainText("Document");
  // The Documents chip keeps them; Resources has none of them.
  await member.getByRole("main").getByRole("button", { name: "Resources", exact: true }).click();
  await expect(member.getByText(`Nothing found for “${lighthouse}”.`)).toBeVisible();
  await member.getByRole("main").getByRole("button", { name: "Resources", exact: true }).click();
  await member.getByRole("main").getByRole("button", { name: "Documents", exact: true }).click();
  await expect(results(member)).toHaveCount(2);
  await expectNoAxeViolations(member);

  await found.getByRole("link", { name: title, exact: true }).click();
  await expect(member).toHaveURL(`/documents/${documentId}`);
  await expect(member.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(editorOf(member)).toContainText(`A ${lighthouse} on every pier.`);

  await member.goBack();
  await resultTitled(member, `${title} — First draft`).getByRole("link").click();
  await expect(member).toHaveURL(`/documents/${documentId}/history?version=${version.id}`);
  await expect(member.getByRole("heading", { level: 2, name: "First draft" })).toBeVisible();

  // The PDF, by a word inside the file.
  await searchUntilFound(member, kelp, planTitle);
  const file = resultTitled(member, planTitle);
  await expect(file).toContainText("Resource");
  await expect(file.locator("mark")).toHaveText(kelp);
  await file.getByRole("link", { name: planTitle, exact: true }).click();
  await expect(member).toHaveURL(`/resources/${plan.id}`);
  await expect(member.getByRole("heading", { level: 1, name: planTitle })).toBeVisible();
  await sam.context.close();
});
