import { expect, test, type Locator, type Page } from "@playwright/test";
import { call, expectHydrated, expectNoAxeViolations, invitedReader, secondPerson, selectText, signInAsAdmin, uniqueSuffix } from "./support";

const editorOf = (page: Page) => page.locator(".ProseMirror");
const panelOf = (page: Page) => page.getByRole("region", { name: /^Suggestions/ });

/** The text of part of the editor without the name labels of other people's carets. */
function textOf(locator: Locator): Promise<string> {
  return locator.first().evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll(".collaboration-carets__caret")) caret.remove();
    return copy.textContent ?? "";
  });
}

/** Puts the caret just before `text` in the editor. */
async function caretBefore(page: Page, text: string) {
  await selectText(page, text);
  await page.keyboard.press("ArrowLeft");
}

test("a guest suggests while a member edits nearby; the admin accepts and the text changes live; suggesting mode for editors", async ({
  page,
  browser,
}) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await call<{ id: string }>(page.request, "group.create", { name: `Vision circle ${uniqueSuffix()}` });
  const { id: documentId } = await call<{ id: string }>(page.request, "document.create", { groupId: group.id, title: "Our vision" });

  await page.goto(`/documents/${documentId}`);
  await expectHydrated(page);
  await editorOf(page).click();
  await page.keyboard.type("We care for the valley.");
  await page.getByLabel("Guests invited to read may suggest").check();
  await expect(page.getByLabel("Guests invited to read may suggest")).toBeChecked();

  const sam = await secondPerson(browser, page.request, group.id);
  await sam.page.goto(`/documents/${documentId}`);
  await expect.poll(() => textOf(editorOf(sam.page))).toBe("We care for the valley.");

  // Rita, invited to read, may only suggest: her typing is underlined, not written into the text.
  const rita = await invitedReader(browser, page, group.id, documentId);
  await rita.page.goto(`/documents/${documentId}`);
  await expect(rita.page.getByText("You can suggest changes to this document")).toBeVisible();
  await caretBefore(rita.page, "valley");
  await rita.page.keyboard.type("green ");
  await expect.poll(() => textOf(editorOf(page).locator("ins"))).toBe("green ");

  // Meanwhile Sam edits right next to it, directly.
  await caretBefore(sam.page, "care");
  await sam.page.keyboard.type("truly ");
  await expect.poll(() => textOf(editorOf(page))).toBe("We truly care for the green valley.");

  const card = panelOf(page).getByRole("article", { name: new RegExp(`^${rita.reader.name} suggested`) });
  await expect(card.locator("ins")).toHaveText("green");
  await expect(panelOf(rita.page).getByRole("button", { name: "Accept" })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Rita's suggestion is talked over before it is decided: the admin's reply shows on both sides.
  await card.getByRole("button", { name: "Reply" }).click();
  await card.getByRole("textbox", { name: `Reply to ${rita.reader.name}` }).fill("Green it is, once the valley survey is in.");
  await card.getByRole("button", { name: "Send reply" }).click();
  await expect(card.getByText("Green it is, once the valley survey is in.")).toBeVisible();
  await expect(card.getByRole("textbox", { name: `Reply to ${rita.reader.name}` })).toHaveCount(0);
  await expect(panelOf(rita.page).getByText("Green it is, once the valley survey is in.")).toBeVisible();

  // The admin accepts: the text changes at once for Sam, who has it open.
  await card.getByRole("button", { name: "Accept" }).click();
  await expect(editorOf(sam.page).locator("ins")).toHaveCount(0);
  await expect.poll(() => textOf(editorOf(sam.page))).toBe("We truly care for the green valley.");
  await expect(panelOf(page).getByText(/^No open suggestions/)).toBeVisible();
  await expect(panelOf(rita.page).getByText(/^No open suggestions/)).toBeVisible();

  // In suggesting mode Sam's deletion becomes a suggestion too; the admin rejects it and the words stay.
  await page.getByRole("radio", { name: "Suggesting" }).check();
  await expect(sam.page.getByText(/^Suggesting: insertions are underlined/)).toBeVisible();
  await selectText(sam.page, "truly ");
  await sam.page.keyboard.press("Backspace");
  await expect.poll(() => textOf(editorOf(page).locator("del"))).toBe("truly ");
  const samsCard = panelOf(page).getByRole("article", { name: new RegExp(`^${sam.person.name} suggested`) });
  await samsCard.getByRole("button", { name: "Reject" }).click();
  await expect(editorOf(sam.page).locator("del")).toHaveCount(0);
  await expect.poll(() => textOf(editorOf(sam.page))).toBe("We truly care for the green valley.");

  await sam.context.close();
  await rita.context.close();
});
