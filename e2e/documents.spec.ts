import { expect, test, type Page } from "@playwright/test";
import { ADMIN, call, expectNoAxeViolations, invitedReader, secondPerson, signInAsAdmin, uniqueSuffix } from "./support";

const editorOf = (page: Page) => page.locator(".ProseMirror");
const presenceOf = (page: Page) => page.getByTestId("document-presence");

/** The document's text, without the other people's carets (their name labels sit inside the editor). */
const textOf = (page: Page) =>
  editorOf(page).evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll(".collaboration-carets__caret")) caret.remove();
    return copy.textContent;
  });

test("two people edit the same paragraph at once and both see the merged text, with each other's names", async ({ page, browser }) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await call<{ id: string; handle: string }>(page.request, "group.create", { name: `Vision circle ${uniqueSuffix()}` });
  await call(page.request, "document.create", { groupId: group.id, title: "Meeting notes" });
  const { id: documentId } = await call<{ id: string }>(page.request, "document.create", { groupId: group.id, title: "Vision for the valley" });
  const sam = await secondPerson(browser, page.request, group.id);

  // The group's Documents tab lists the vision first.
  await page.goto(`/groups/${group.handle}/documents`);
  const titles = page.getByRole("list", { name: "Documents" }).getByRole("link");
  await expect(titles).toHaveText(["Vision for the valley", "Meeting notes"]);
  await expectNoAxeViolations(page);
  await titles.first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Vision for the valley" })).toBeVisible();

  await sam.page.goto(`/documents/${documentId}`);
  await expect(presenceOf(page)).toContainText(`${ADMIN.name} (you)`);
  await expect(presenceOf(page)).toContainText(sam.person.name);
  await expect(presenceOf(sam.page)).toContainText(ADMIN.name);

  await editorOf(page).click();
  await page.keyboard.type("We want homes.");
  await expect.poll(() => textOf(sam.page)).toBe("We want homes.");
  await expect(page.getByTestId("sync-status")).toHaveText("Saved");

  // Both type into the same paragraph at the same time: Sam at its start, the admin at its end.
  await editorOf(sam.page).click();
  await sam.page.keyboard.press("Home");
  await page.keyboard.press("End");
  await Promise.all([page.keyboard.type(" And parks.", { delay: 30 }), sam.page.keyboard.type("Together: ", { delay: 30 })]);
  const merged = "Together: We want homes. And parks.";
  await expect.poll(() => textOf(page)).toBe(merged);
  await expect.poll(() => textOf(sam.page)).toBe(merged);

  // The toolbar formats shared text, and the other person sees it.
  await page.getByRole("button", { name: "Heading", exact: true }).click();
  await expect(editorOf(sam.page).locator("h1")).toContainText(merged);
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Insert a table" }).click();
  await expect(editorOf(sam.page).locator("table")).toBeVisible();
  await expect(page.getByTestId("sync-status")).toHaveText("Saved");

  await expectNoAxeViolations(page);
  await expectNoAxeViolations(sam.page);

  // What was typed is stored: a fresh load shows it.
  await sam.page.reload();
  await expect(editorOf(sam.page).locator("h1")).toContainText(merged);
  await sam.context.close();
});

test("a guest invited to a document reads it live but cannot change it", async ({ page, browser }) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await call<{ id: string; handle: string }>(page.request, "group.create", { name: `Stakeholders ${uniqueSuffix()}` });
  const { id: documentId } = await call<{ id: string }>(page.request, "document.create", { groupId: group.id, title: "Vision draft" });
  const { id: otherId } = await call<{ id: string }>(page.request, "document.create", { groupId: group.id, title: "Internal notes" });
  await page.goto(`/documents/${documentId}`);
  await editorOf(page).click();
  await page.keyboard.type("First draft.");
  await expect(page.getByTestId("sync-status")).toHaveText("Saved");

  const rita = await invitedReader(browser, page, group.id, documentId);
  await rita.page.goto(`/documents/${documentId}`);
  await expect.poll(() => textOf(rita.page)).toBe("First draft.");
  await expect(editorOf(rita.page)).toHaveAttribute("contenteditable", "false");
  await expect(rita.page.getByRole("toolbar", { name: "Formatting" })).toHaveCount(0);
  await expect(rita.page.getByText("You can read this document")).toBeVisible();
  await expect(presenceOf(page)).toContainText(rita.reader.name);

  await editorOf(rita.page).click();
  await rita.page.keyboard.type("Guest text");
  await page.keyboard.type(" Second sentence.");
  await expect.poll(() => textOf(rita.page)).toBe("First draft. Second sentence.");
  await expect.poll(() => textOf(page)).toBe("First draft. Second sentence.");
  await expectNoAxeViolations(rita.page);

  // Only the document they were invited to.
  await rita.page.goto(`/groups/${group.handle}/documents`);
  await expect(rita.page.getByRole("list", { name: "Documents" }).getByRole("link")).toHaveText(["Vision draft"]);
  await rita.page.goto(`/documents/${otherId}`);
  await expect(rita.page.getByRole("heading", { name: "Internal notes" })).toHaveCount(0);
  await rita.context.close();
});

test("New document opens an empty document ready to write in", async ({ page }) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await call<{ id: string; handle: string }>(page.request, "group.create", { name: `Writers ${uniqueSuffix()}` });
  await page.goto(`/groups/${group.handle}/documents`);
  await expect(page.getByText("No documents yet.")).toBeVisible();
  await page.getByRole("button", { name: "New document" }).click();
  await page.getByLabel("Title").fill("Vision 2030");
  await page.getByRole("button", { name: "Create the document" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Vision 2030" })).toBeVisible();
  await editorOf(page).click();
  await page.keyboard.type("A start.");
  await expect(page.getByTestId("sync-status")).toHaveText("Saved");
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Rename" }).click();
  await page.getByLabel("Title").fill("Vision 2031");
  await page.getByRole("button", { name: "Rename" }).last().click();
  await expect(page.getByRole("heading", { level: 1, name: "Vision 2031" })).toBeVisible();
  await expect.poll(() => textOf(page)).toBe("A start.");
});

test("edits made offline survive a closed tab and reach everyone when the connection returns", async ({ page, context, browser }) => {
  test.slow();
  let online = true;
  const sockets: { close: () => Promise<void> }[] = [];
  await context.routeWebSocket(/\/socket\.io\//, (socket) => {
    if (!online) return void socket.close();
    socket.connectToServer();
    sockets.push(socket);
  });
  await signInAsAdmin(page);
  const group = await call<{ id: string; handle: string }>(page.request, "group.create", { name: `Commuters ${uniqueSuffix()}` });
  const { id: documentId } = await call<{ id: string }>(page.request, "document.create", { groupId: group.id, title: "Train notes" });
  const sam = await secondPerson(browser, page.request, group.id);
  await sam.page.goto(`/documents/${documentId}`);
  await page.goto(`/documents/${documentId}`);
  const status = page.getByTestId("sync-status");
  await expect(status).toHaveText("Saved");

  online = false;
  await context.setOffline(true);
  await Promise.all(sockets.map((socket) => socket.close()));
  await expect(status).toHaveText("Offline — your edits are kept on this device and will merge when you reconnect");
  await editorOf(page).click();
  // At a person's pace, then closed at once: each keystroke is on the device before the next.
  await page.keyboard.type("Written in a tunnel.", { delay: 40 });
  await page.close();

  online = true;
  await context.setOffline(false);
  const again = await context.newPage();
  await again.goto(`/documents/${documentId}`);
  await expect.poll(() => textOf(again)).toBe("Written in a tunnel.");
  await expect(again.getByTestId("sync-status")).toHaveText("Saved");
  await expect.poll(() => textOf(sam.page)).toBe("Written in a tunnel.");
  await sam.page.reload();
  await expect.poll(() => textOf(sam.page)).toBe("Written in a tunnel.");

  // Signing out removes the copy from this device.
  const copies = () => again.evaluate(async () => (await indexedDB.databases()).filter(({ name }) => name?.startsWith("hearth-doc:")).length);
  expect(await copies()).toBe(1);
  await again.getByRole("button", { name: ADMIN.name }).click();
  await again.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(again).toHaveURL(/\/signin/);
  expect(await copies()).toBe(0);
  await sam.context.close();
});
