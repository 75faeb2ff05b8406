import { expect, test, type Page } from "@playwright/test";
import { call, expectNoAxeViolations, query, signInAsAdmin, uniqueSuffix } from "./support";

const editorOf = (page: Page) => page.locator(".ProseMirror");

/** Waits until the server has stored the text, so a version made now contains it. */
async function expectStored(page: Page, documentId: string, text: string) {
  await expect
    .poll(async () => {
      const diff = await query<{ blocks: { parts: { text: string }[] }[] }>(page.request, "document.diff", {
        id: documentId,
        fromVersionId: "current",
        toVersionId: "current",
      });
      return diff.blocks.map((block) => block.parts.map((part) => part.text).join("")).join("\n");
    })
    .toBe(text);
}

test("name a version, edit, compare, restore live, and propose adopting it", async ({ page, context }) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await call<{ id: string }>(page.request, "group.create", { name: `Vision circle ${uniqueSuffix()}` });
  const title = `Our vision ${uniqueSuffix()}`;
  const { id: documentId } = await call<{ id: string }>(page.request, "document.create", { groupId: group.id, title });

  await page.goto(`/documents/${documentId}`);
  await editorOf(page).click();
  await page.keyboard.type("The river is clean and the woods are open.");
  await expectStored(page, documentId, "The river is clean and the woods are open.");

  await page.getByRole("button", { name: "Name this version" }).click();
  const nameDialog = page.getByRole("dialog", { name: "Name this version" });
  await nameDialog.getByLabel("Version name").fill("Draft for November");
  await expectNoAxeViolations(page, '[role="dialog"]');
  await nameDialog.getByRole("button", { name: "Save version" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved the version “Draft for November”." })).toBeVisible();

  // Replace "clean" with "wide" and add a sentence.
  await editorOf(page).click();
  await page.keyboard.press("Control+A");
  await page.keyboard.type("The river is wide and the woods are open. We plant trees.");
  await expectStored(page, documentId, "The river is wide and the woods are open. We plant trees.");

  await page.getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `History of ${title}` })).toBeVisible();
  await page.getByRole("checkbox", { name: /Draft for November/ }).check();
  await expect(page.getByRole("heading", { level: 2, name: "Changes from “Draft for November” to “Current text”" })).toBeVisible();
  const text = page.getByTestId("version-text");
  await expect(text.locator("ins")).toHaveText(["Inserted: wide", "Inserted: We plant trees."]);
  await expect(text.locator("del")).toHaveText("Deleted: clean");
  await expect(page.getByText("4 words inserted (underlined), 1 word deleted (struck through).")).toBeVisible();
  await expectNoAxeViolations(page);

  // An editor open in another tab sees the restore arrive.
  const editor = await context.newPage();
  await editor.goto(`/documents/${documentId}`);
  await expect(editorOf(editor)).toHaveText("The river is wide and the woods are open. We plant trees.");

  await page.getByRole("checkbox", { name: /Current text/ }).uncheck();
  await expect(page.getByRole("heading", { level: 2, name: "Draft for November" })).toBeVisible();
  await page.getByRole("button", { name: "Restore this version" }).click();
  const restoreDialog = page.getByRole("dialog", { name: "Restore “Draft for November”?" });
  await expectNoAxeViolations(page, '[role="dialog"]');
  await restoreDialog.getByRole("button", { name: "Restore", exact: true }).click();
  await expect(page.getByText("Restored. The document reads like this version again")).toBeVisible();
  await expect(editorOf(editor)).toHaveText("The river is clean and the woods are open.");
  await expect(page.getByRole("checkbox", { name: /Restored “Draft for November”/ })).toBeChecked();
  // The text it replaced is still a version.
  await expect(page.getByRole("checkbox", { name: /Automatic checkpoint/ })).toHaveCount(1);

  await page.getByRole("checkbox", { name: /Restored/ }).uncheck();
  await page.getByRole("checkbox", { name: /^Draft for November/ }).check();
  await page.getByRole("button", { name: "Propose adopting this version" }).click();
  const proposeDialog = page.getByRole("dialog", { name: "Propose adopting this version" });
  await expect(proposeDialog.getByLabel("Voting closes")).not.toHaveValue("");
  await expectNoAxeViolations(page, '[role="dialog"]');
  await proposeDialog.getByRole("button", { name: "Start the proposal" }).click();
  await expect(page).toHaveURL(/\/polls\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: `Adopt “Draft for November” of ${title}` })).toBeVisible();
  await expect(page.getByRole("link", { name: "“Draft for November”" })).toHaveAttribute("href", new RegExp(`/documents/${documentId}/history\\?version=`));
});

test("export the current text as Markdown and HTML", async ({ page }) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await call<{ id: string }>(page.request, "group.create", { name: `Export circle ${uniqueSuffix()}` });
  const { id: documentId } = await call<{ id: string }>(page.request, "document.create", { groupId: group.id, title: "Plan <2027>" });
  await page.goto(`/documents/${documentId}`);
  await editorOf(page).click();
  await page.keyboard.type("Grow food together.");
  await expectStored(page, documentId, "Grow food together.");

  const markdown = await page.request.get(`/api/documents/${documentId}/export?format=md`);
  expect(markdown.headers()["content-disposition"]).toMatch(/^attachment; filename="plan-2027-\d{4}-\d\d-\d\d\.md"$/);
  expect(await markdown.text()).toBe("# Plan \\<2027\\>\n\nGrow food together.\n");
  const html = await page.request.get(`/api/documents/${documentId}/export?format=html`);
  expect(await html.text()).toContain("<h1>Plan &#60;2027&#62;</h1>");

  await page.getByRole("button", { name: "Export", exact: true }).click();
  await expect(page.getByRole("menuitem", { name: "PDF (.pdf)" })).toHaveAttribute("href", `/api/documents/${documentId}/export?format=pdf`);
  const signedOut = await page.context().browser()!.newContext({ baseURL: test.info().project.use.baseURL });
  expect((await signedOut.request.get(`/api/documents/${documentId}/export?format=md`)).status()).toBe(401);
  await signedOut.close();
});
