import { expect, test, type ConsoleMessage, type Page } from "@playwright/test";
import { ADMIN, call, expectHydrated, expectNoAxeViolations, selectText, signInAsAdmin, signInByRequest, uniqueSuffix } from "./support";

const PHONE = { width: 360, height: 740 };
const editorOf = (page: Page) => page.locator(".ProseMirror");
const panelOf = (page: Page) => page.getByRole("region", { name: "Comments" });
/** The bubble by the selection; "Comment on selection" in the panel is the other button. */
const bubbleOf = (page: Page) => page.getByRole("button", { name: "Comment", exact: true });

/** Every console warning and error, and every uncaught exception, from the moment it is called. */
function consoleProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message: ConsoleMessage) => {
    if (message.type() === "warning" || message.type() === "error") problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  return problems;
}

async function groupWithDocument(page: Page, title = "Vision for a compassionate Bath") {
  await signInAsAdmin(page);
  const group = await call<{ id: string; handle: string }>(page.request, "group.create", { name: `Steering circle ${uniqueSuffix()}` });
  const { id: documentId } = await call<{ id: string }>(page.request, "document.create", { groupId: group.id, title });
  return { group, documentId };
}

/** How far the page itself scrolls sideways (0 when it fits the screen). */
const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

const selectionIsCollapsed = (page: Page) => page.evaluate(() => window.getSelection()?.isCollapsed ?? true);

test.describe("on a 360 px phone", () => {
  test.use({ viewport: PHONE });

  test("the header is one row, and its menu opens and works by keyboard", async ({ page }) => {
    await signInAsAdmin(page);
    await page.goto("/");
    await expectHydrated(page);

    const header = page.getByRole("banner");
    const box = (await header.boundingBox())!;
    expect(box.height, "the header's height: one row").toBeLessThan(64);
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);

    const menuButton = header.getByRole("button", { name: ADMIN.name });
    await menuButton.focus();
    await page.keyboard.press("Enter");
    const menu = page.getByRole("menu");
    await expect(menu.getByText(`Signed in as ${ADMIN.email}`)).toBeVisible();
    await expect(menu.getByRole("menuitem", { name: "Your account" })).toBeFocused();
    await expectNoAxeViolations(page, '[role="menu"]');
    await page.keyboard.press("Escape");
    await expect(menu).toBeHidden();
    await expect(menuButton).toBeFocused();

    await page.keyboard.press("Enter");
    await expect(page.getByRole("menuitem", { name: "Your account" })).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(page.getByRole("menuitem", { name: "Email settings" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: "Email settings" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("the group tabs scroll in their own row, with a fade where more tabs are, and the current tab in view", async ({ page }) => {
    await signInAsAdmin(page);
    const group = await call<{ handle: string }>(page.request, "group.create", { name: `Steering circle ${uniqueSuffix()}` });
    const base = `/groups/${group.handle}`;
    const tabs = page.getByRole("navigation", { name: "Group sections" });

    await page.goto(base);
    await expectHydrated(page);
    // An admin has ten tabs: more than a phone's width, so some lie off to the right.
    await expect(page.getByTestId("group-tabs-more-after")).toBeVisible();
    await expect(page.getByTestId("group-tabs-more-before")).toHaveCount(0);
    expect(await sidewaysScroll(page), "the page itself does not scroll sideways").toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);

    await page.goto(`${base}/settings`);
    await expectHydrated(page);
    const current = tabs.getByRole("link", { name: "Settings" });
    await expect(current).toHaveAttribute("aria-current", "page");
    await expect
      .poll(async () => {
        const row = (await tabs.boundingBox())!;
        const tab = (await current.boundingBox())!;
        return tab.x >= row.x && tab.x + tab.width <= row.x + row.width;
      }, "the current tab is scrolled into view")
      .toBe(true);
    await expect(page.getByTestId("group-tabs-more-before")).toBeVisible();
    expect(await sidewaysScroll(page), "the page itself does not scroll sideways").toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
  });

  test("the document's text starts on the first screen; its actions are under “More document actions”; no console warnings", async ({
    page,
  }) => {
    test.slow();
    const problems = consoleProblems(page);
    const { documentId } = await groupWithDocument(page);
    await page.goto(`/documents/${documentId}`);
    await expectHydrated(page);
    await expect(editorOf(page)).toBeVisible();

    const editorTop = (await editorOf(page).boundingBox())!.y;
    expect(editorTop, "the editor's top, at the top of the page").toBeLessThan(PHONE.height);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await expect(page.getByRole("button", { name: "Rename" })).toBeHidden();

    const more = page.getByRole("button", { name: "More document actions" });
    await more.click();
    const actions = page.getByRole("dialog", { name: "More document actions" });
    await expect(actions.getByRole("button", { name: "Name this version" })).toBeVisible();
    await expect(actions.getByRole("link", { name: "History" })).toBeVisible();
    await expect(actions.getByRole("button", { name: "Export" })).toBeVisible();
    await expect(actions.getByRole("button", { name: "Rename" })).toBeVisible();
    await expect(actions.getByRole("button", { name: "Invite a reader" })).toBeVisible();
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);

    // An action's dialog opens from the menu, and closing it comes back to the action.
    await actions.getByRole("button", { name: "Rename" }).click();
    await expect(page.getByRole("dialog", { name: "Rename the document" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog", { name: "Rename the document" })).toBeHidden();
    await expect(actions.getByRole("button", { name: "Rename" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(actions).toBeHidden();
    await expect(more).toBeFocused();

    expect(problems, "console warnings and errors on the document page").toEqual([]);
  });
});

test("the Comment bubble hides once the comment is added or cancelled; focus rings show at once; no console warnings", async ({ page }) => {
  test.slow();
  const problems = consoleProblems(page);
  const { documentId } = await groupWithDocument(page, "Our vision");
  await page.goto(`/documents/${documentId}`);
  await expectHydrated(page);
  await editorOf(page).click();
  await page.keyboard.type("We want a shared future for the whole valley.");
  await expect(page.getByTestId("sync-status")).toHaveText("Saved");

  await selectText(page, "shared future");
  await expect(bubbleOf(page)).toBeVisible();
  await bubbleOf(page).click();
  await expect(bubbleOf(page), "hidden while the comment is written").toBeHidden();
  await panelOf(page).getByRole("textbox", { name: "Your comment" }).fill("Is “shared” the right word?");
  await panelOf(page).getByRole("button", { name: "Add comment" }).click();
  await expect(panelOf(page).getByText("Is “shared” the right word?")).toBeVisible();
  await expect(editorOf(page)).toBeFocused();
  await expect.poll(() => selectionIsCollapsed(page), "the commented words are no longer selected").toBe(true);
  await expect(bubbleOf(page)).toBeHidden();
  // Typing goes after the commented words rather than over them, and brings no bubble back.
  await page.keyboard.type(" Yes");
  await expect(editorOf(page).locator(".doc-comment")).toHaveText("shared future");
  await expect(bubbleOf(page)).toBeHidden();

  await selectText(page, "whole valley");
  await expect(bubbleOf(page)).toBeVisible();
  await bubbleOf(page).click();
  await panelOf(page).getByRole("button", { name: "Cancel" }).click();
  await expect(editorOf(page)).toBeFocused();
  await expect.poll(() => selectionIsCollapsed(page)).toBe(true);
  await expect(bubbleOf(page)).toBeHidden();

  // On a keyboard the shortcut is offered.
  await expect(panelOf(page).getByText(/Ctrl\+Alt\+M/)).toBeVisible();

  // Keyboard focus: every ring is there from its first frame (nothing fades the outline in).
  await page.getByRole("link", { name: "Hearth", exact: true }).focus();
  const seen: string[] = [];
  for (let step = 0; step < 14; step += 1) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const style = getComputedStyle(element);
      const fades = /\b(all|outline|outline-color|box-shadow)\b/.test(style.transitionProperty) && !/^0s(, 0s)*$/.test(style.transitionDuration);
      return { name: (element.getAttribute("aria-label") ?? element.textContent ?? "").trim().slice(0, 40), ring: element.matches(":focus-visible"), fades };
    });
    seen.push(focused.name);
    expect(focused.ring, `a focus ring on “${focused.name}”`).toBe(true);
    expect(focused.fades, `the focus ring of “${focused.name}” fades in`).toBe(false);
  }
  expect(seen, "the walk reached a button with a colour transition").toContain("Name this version");

  expect(problems, "console warnings and errors on the document page").toEqual([]);
});

test("the Live pill explains itself on keyboard focus", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/");
  await expectHydrated(page);
  await page.getByRole("link", { name: "Hearth", exact: true }).focus();
  await page.keyboard.press("Tab");
  const pill = page.getByTestId("live-indicator");
  await expect(pill).toBeFocused();
  await expect(page.getByRole("tooltip")).toHaveText("Updates appear as they happen");
  await expect(pill).toHaveAccessibleDescription("Updates appear as they happen");
  await expectNoAxeViolations(page);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("tooltip")).toBeHidden();
});

test("the favicon and the app icon are linked and served", async ({ page }) => {
  await page.goto("/signin");
  for (const [rel, type] of [
    ["icon", "image/svg+xml"],
    ["apple-touch-icon", "image/png"],
  ] as const) {
    // Next streams the metadata of dynamic pages, so the link may arrive after the body.
    const link = page.locator(`link[rel="${rel}"]`).first();
    await expect(link, `a <link rel="${rel}">`).toHaveAttribute("href", /\S/);
    const href = await link.getAttribute("href");
    const response = await page.request.get(href!);
    expect(response.status(), `${rel} ${href}`).toBe(200);
    expect(response.headers()["content-type"]).toContain(type);
  }
});

test("on a touch screen the comment hint leaves out the keyboard shortcut", async ({ page, browser }) => {
  const { group, documentId } = await groupWithDocument(page);
  const phone = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: PHONE, hasTouch: true, isMobile: true });
  await signInByRequest(phone.request, ADMIN);
  const touch = await phone.newPage();
  await touch.goto(`/documents/${documentId}`);
  await expectHydrated(touch);
  await expect(panelOf(touch).getByText("Select text in the document, then choose Comment")).toBeVisible();
  await expect(panelOf(touch).getByText(/Ctrl\+Alt\+M/)).toBeHidden();
  await expectNoAxeViolations(touch);

  // The reply box's formatting buttons are named without keyboard shortcuts there too.
  const { id: threadId } = await call<{ id: string }>(page.request, "thread.create", { groupId: group.id, title: "Bike racks", body: "Where should they go?" });
  await touch.goto(`/threads/${threadId}`);
  await expectHydrated(touch);
  await expect(touch.getByRole("button", { name: "Bold", exact: true }).first()).toBeVisible();
  await expect(touch.getByRole("button", { name: /Ctrl\+/ })).toHaveCount(0);
  await phone.close();
});
