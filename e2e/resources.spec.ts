import { expect, test, type Page } from "@playwright/test";
import { ADMIN, call, expectNoAxeViolations, pdfWith, secondPerson, signInAsAdmin, uniqueSuffix } from "./support";

/** A 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

const bell = (page: Page) => page.getByRole("button", { name: /^Notifications/ });

async function uploadViaApi(page: Page, name: string, buffer: Buffer, mimeType: string): Promise<string> {
  const response = await page.request.post("/api/uploads", { multipart: { file: { name, mimeType, buffer } } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

test("upload several files with progress, cancel and retry; add links; refuse javascript:", async ({ page }) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await call<{ id: string; handle: string }>(page.request, "group.create", { name: `Library ${uniqueSuffix()}` });

  await page.goto(`/groups/${group.handle}`);
  await page.getByRole("link", { name: "Resources" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Library" })).toBeVisible();
  await expect(page.getByText("Nothing here yet.")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Upload files" }).click();
  const dialog = page.getByRole("dialog", { name: "Upload files" });
  // Two files picked at once.
  await dialog.getByLabel("Files to add").setInputFiles([
    { name: "Minutes March.pdf", mimeType: "application/pdf", buffer: pdfWith("Minutes of March") },
    { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("Bring the budget figures.\n") },
  ]);
  await expect(dialog.getByRole("progressbar", { name: "Upload of Minutes March.pdf" })).toHaveAttribute("aria-valuenow", "100");
  await expect(dialog.getByRole("progressbar", { name: "Upload of notes.txt" })).toHaveAttribute("aria-valuenow", "100");

  // One dropped onto the zone, whose upload fails once and is retried without picking it again.
  let refuseNext = true;
  await page.route("**/api/uploads", async (route) => {
    if (refuseNext) {
      refuseNext = false;
      await route.abort("connectionreset");
    } else {
      await route.continue();
    }
  });
  const dataTransfer = await page.evaluateHandle((bytes) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(bytes)], "poster.png", { type: "image/png" }));
    return transfer;
  }, [...PNG]);
  await dialog.getByTestId("upload-drop-zone").dispatchEvent("drop", { dataTransfer });
  await expect(dialog.getByText("The upload failed. Check your connection and try again.")).toBeVisible();
  await dialog.getByRole("button", { name: "Retry upload of poster.png" }).click();
  await expect(dialog.getByRole("progressbar", { name: "Upload of poster.png" })).toHaveAttribute("aria-valuenow", "100");
  await page.unroute("**/api/uploads");

  // A big one, slowed down so it can be seen moving, cancelled half-way.
  const network = await page.context().newCDPSession(page);
  await network.send("Network.enable");
  await network.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 4 * 1024 * 1024 });
  const big = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(30 * 1024 * 1024, 0x20)]);
  await dialog.getByLabel("Files to add").setInputFiles({ name: "Big scan.pdf", mimeType: "application/pdf", buffer: big });
  const bigBar = dialog.getByRole("progressbar", { name: "Upload of Big scan.pdf" });
  await expect(bigBar).toHaveAttribute("aria-valuenow", /^[1-9]\d?$/);
  await expect(dialog.getByRole("button", { name: "Waiting for uploads…" })).toBeDisabled();
  await dialog.getByRole("button", { name: "Cancel upload of Big scan.pdf" }).click();
  await expect(dialog.getByText("Cancelled")).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Retry upload of Big scan.pdf" })).toBeVisible();
  await network.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await dialog.getByRole("button", { name: "Remove Big scan.pdf" }).click();

  await dialog.getByLabel("Title for notes.txt").fill("Meeting notes");
  await expectNoAxeViolations(page, '[role="dialog"]');
  await dialog.getByRole("button", { name: "Add 3 files to the library" }).click();
  await expect(dialog).toBeHidden();
  const list = page.getByRole("list", { name: "Resources" });
  await expect(list.getByRole("link", { name: "Minutes March" })).toBeVisible();
  await expect(list.getByRole("link", { name: "Meeting notes" })).toBeVisible();
  await expect(list.getByRole("link", { name: "poster" })).toBeVisible();
  await expect(list.getByText(/Text file · 26 bytes/)).toBeVisible();
  // The PDF's first page is drawn as its thumbnail once it scrolls into view.
  const thumbnail = list.getByRole("img", { name: "First page of Minutes March" });
  await thumbnail.scrollIntoViewIfNeeded();
  await expect(thumbnail).toHaveAttribute("data-rendered", "true");

  // Links: javascript: is refused with a clear message, and what was typed stays.
  await page.getByRole("button", { name: "Add link" }).click();
  const linkDialog = page.getByRole("dialog", { name: "Add a link" });
  await linkDialog.getByLabel("Title").fill("Council care page");
  await linkDialog.getByLabel("Web address").fill("javascript:alert(document.cookie)");
  await linkDialog.getByRole("button", { name: "Add link" }).click();
  await expect(linkDialog.getByText("Only web addresses starting with http:// or https:// can be added; “javascript:” links are not allowed.")).toBeVisible();
  await expect(linkDialog.getByLabel("Title")).toHaveValue("Council care page");
  await linkDialog.getByLabel("Web address").fill("www.bathnes.gov.uk/care");
  await linkDialog.getByRole("button", { name: "Add link" }).click();
  await expect(linkDialog).toBeHidden();
  await expect(list.getByRole("link", { name: "Council care page" })).toBeVisible();

  // Search, sort and grid.
  // The library's own box (the header has Hearth's search too).
  await page.getByRole("main").getByLabel("Search").fill("MINUTES");
  await expect(list.getByRole("link")).toHaveCount(1);
  await page.getByRole("main").getByLabel("Search").fill("");
  await page.getByLabel("Sort by").selectOption("name");
  await expect(list.getByRole("link").first()).toHaveText("Council care page");
  await page.getByRole("button", { name: "Grid" }).click();
  await expect(page.getByRole("button", { name: "Grid" })).toHaveAttribute("aria-pressed", "true");
  await expectNoAxeViolations(page);
});

test("members see only published resources; publishing rings their bell; new versions keep the old", async ({ page, browser }) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await call<{ id: string; handle: string }>(page.request, "group.create", { name: `Papers ${uniqueSuffix()}` });
  const sam = await secondPerson(browser, page.request, group.id);

  const folder = await call<{ id: string }>(page.request, "folder.create", { groupId: group.id, name: "Budget" });
  const agendaFile = await uploadViaApi(page, "agenda.pdf", pdfWith("Agenda"), "application/pdf");
  await call(page.request, "resource.create", { groupId: group.id, kind: "file", title: "Agenda", fileId: agendaFile, folderId: folder.id });
  const draftFile = await uploadViaApi(page, "budget.pdf", pdfWith("Budget draft"), "application/pdf");
  const draft = await call<{ id: string }>(page.request, "resource.create", {
    groupId: group.id,
    kind: "file",
    title: "Budget draft",
    fileId: draftFile,
    folderId: folder.id,
    draft: true,
    tags: ["budget"],
  });

  await sam.page.goto(`/groups/${group.handle}/resources?folder=${folder.id}`);
  await expect(sam.page.getByRole("navigation", { name: "Folder path" }).getByText("Budget")).toBeVisible();
  const samList = sam.page.getByRole("list", { name: "Resources" });
  await expect(samList.getByRole("link", { name: "Agenda" })).toBeVisible();
  await expect(samList.getByRole("link", { name: "Budget draft" })).toHaveCount(0);
  await expect(sam.page.getByRole("button", { name: "Upload files" })).toHaveCount(0);
  // The agenda was published as it was added.
  await expect(bell(sam.page)).toHaveAccessibleName("Notifications, 1 unread");

  await page.goto(`/groups/${group.handle}/resources?folder=${folder.id}`);
  await expect(page.getByRole("list", { name: "Resources" }).getByText("Draft", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Budget draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Budget draft" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Page 1 of Budget draft" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published. The group has been told.")).toBeVisible();

  // Sam's open library shows it without a reload.
  await expect(samList.getByRole("link", { name: "Budget draft" })).toBeVisible();
  await expect(bell(sam.page)).toHaveAccessibleName("Notifications, 2 unread");
  await bell(sam.page).click();
  await sam.page
    .getByRole("dialog", { name: "Notifications" })
    .getByRole("link", { name: new RegExp(`^Unread: ${ADMIN.name} published “Budget draft”`) })
    .click();
  await expect(sam.page.getByRole("heading", { level: 1, name: "Budget draft" })).toBeVisible();

  // A new version; the first stays downloadable.
  await page.getByRole("button", { name: "Upload new version" }).click();
  const versionDialog = page.getByRole("dialog", { name: "Upload a new version" });
  await versionDialog.getByLabel("New version").setInputFiles({ name: "budget v2.pdf", mimeType: "application/pdf", buffer: pdfWith("Budget v2") });
  await expect(versionDialog.getByRole("progressbar", { name: "Upload of budget v2.pdf" })).toHaveAttribute("aria-valuenow", "100");
  await versionDialog.getByLabel("What changed? (optional)").fill("Figures for Q3");
  await versionDialog.getByRole("button", { name: "Add version" }).click();
  const versions = page.getByRole("list", { name: "Versions" });
  await expect(versions.getByRole("listitem")).toHaveCount(2);
  await expect(versions.getByRole("listitem").first()).toContainText("Version 2");
  await expect(versions.getByRole("listitem").first()).toContainText("Figures for Q3");
  const first = versions.getByRole("link", { name: /budget\.pdf/ });
  const download = await page.request.get((await first.getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect((await download.body()).toString("latin1")).toContain("Budget draft");
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog", { name: "Delete “Budget draft”?" }).getByRole("button", { name: "Delete resource" }).click();
  // Back in the library once the resource is deleted (the resource's own page has a "Budget" heading too).
  await page.waitForURL(new RegExp(`/groups/${group.handle}/resources`));
  await expect(page.getByRole("heading", { level: 2, name: "Budget" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Resources" }).getByRole("link", { name: "Budget draft" })).toHaveCount(0);
  expect((await page.request.get(`/resources/${draft.id}`)).status()).toBe(404);
  await sam.context.close();
});

test("a member's open library shows folders created, renamed and deleted without a reload", async ({ page, browser }) => {
  await signInAsAdmin(page);
  const group = await call<{ id: string; handle: string }>(page.request, "group.create", { name: `Shelves ${uniqueSuffix()}` });
  const sam = await secondPerson(browser, page.request, group.id);
  await sam.page.goto(`/groups/${group.handle}/resources`);
  await expect(sam.page.getByTestId("live-indicator")).toHaveText("Live");
  const folders = sam.page.getByRole("list", { name: "Folders" });

  const folder = await call<{ id: string }>(page.request, "folder.create", { groupId: group.id, name: "Minutes" });
  await expect(folders.getByRole("link", { name: /Minutes/ })).toBeVisible();
  await call(page.request, "folder.rename", { id: folder.id, name: "Minutes 2026" });
  await expect(folders.getByRole("link", { name: /Minutes 2026/ })).toBeVisible();
  await call(page.request, "folder.delete", { id: folder.id });
  await expect(folders).toHaveCount(0);
  await sam.context.close();
});
