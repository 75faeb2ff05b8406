import { expect, test, type Page } from "@playwright/test";
import { ADMIN, call, expectHydrated, expectNoAxeViolations, query, secondPerson, signInAsAdmin, uniqueSuffix } from "./support";

const editorOf = (page: Page) => page.locator(".ProseMirror");

/** Waits until the server has stored the text, so what is asked of it next contains it. */
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

test("who wrote this: two people type, the text shows in their colours with both names, and history counts their words", async ({ page, browser }) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await call<{ id: string }>(page.request, "group.create", { name: `Writers ${uniqueSuffix()}` });
  const { id: documentId } = await call<{ id: string }>(page.request, "document.create", { groupId: group.id, title: `Vision ${uniqueSuffix()}` });
  const second = await secondPerson(browser, page.request, group.id);

  await page.goto(`/documents/${documentId}`);
  await expectHydrated(page);
  await editorOf(page).click();
  await page.keyboard.type("Morgan wrote the first line.");
  await expectStored(page, documentId, "Morgan wrote the first line.");

  await second.page.goto(`/documents/${documentId}`);
  await expectHydrated(second.page);
  // Contains: the editor also shows the other person's caret with their name.
  await expect(editorOf(second.page)).toContainText("Morgan wrote the first line.");
  await editorOf(second.page).click();
  await second.page.keyboard.press("Control+End");
  await second.page.keyboard.type(" Sam added this.");
  await expectStored(page, documentId, "Morgan wrote the first line. Sam added this.");

  await page.getByRole("button", { name: "Who wrote this" }).click();
  await expect(page.getByRole("button", { name: "Who wrote this" })).toHaveAttribute("aria-pressed", "true");
  const view = page.getByTestId("authorship-view");
  await expect(view.getByTestId("authorship-author")).toHaveText([ADMIN.name, second.person.name]);
  await expect(view.locator(`[data-author="${ADMIN.name}"]`)).toHaveText("Morgan wrote the first line. ");
  await expect(view.locator(`[data-author="${second.person.name}"]`)).toHaveText("Sam added this.");
  // Each in their own colour, the colour of their cursor.
  const tint = (name: string) => view.locator(`[data-author="${name}"]`).evaluate((element) => getComputedStyle(element).boxShadow);
  expect(await tint(ADMIN.name)).not.toBe(await tint(second.person.name));
  await expectNoAxeViolations(page);
  // It follows edits made meanwhile.
  await second.page.keyboard.type(" More.");
  await expect(view.locator(`[data-author="${second.person.name}"]`)).toHaveText("Sam added this. More.");
  // Back to the editor, which kept the text.
  await page.getByRole("button", { name: "Who wrote this" }).click();
  await expect(editorOf(page)).toBeVisible();
  await expect(editorOf(page)).toContainText("Morgan wrote the first line. Sam added this. More.");

  await call(page.request, "document.nameVersion", { id: documentId, name: "First draft" });
  await page.goto(`/documents/${documentId}/history`);
  await expectHydrated(page);
  const row = page.getByRole("listitem").filter({ has: page.getByRole("checkbox", { name: /First draft/ }) });
  await expect(row.getByTestId("contribution")).toHaveText([`${ADMIN.name} +5 −0 words`, `${second.person.name} +4 −0 words`]);

  await page.getByRole("checkbox", { name: /Current text/ }).uncheck();
  await page.getByRole("checkbox", { name: /First draft/ }).check();
  await page.getByRole("button", { name: "Who wrote this" }).click();
  await expect(page.getByTestId("authorship-view").getByTestId("authorship-author")).toHaveText([ADMIN.name, second.person.name]);
  await expectNoAxeViolations(page);

  await second.context.close();
});
