import { expect, type Browser, type Page } from "@playwright/test";
import { ADMIN, call, expectHydrated, signInByRequest, uniqueSuffix } from "./support";

/**
 * The administrator using `adminUrl`, and a member they invited who uses `samUrl` (another
 * instance of the same Hearth, or the same address), each signed in.
 */
export async function twoPeople(browser: Browser, adminUrl: string, samUrl: string) {
  const adminContext = await browser.newContext({ baseURL: adminUrl });
  await signInByRequest(adminContext.request);
  const group = await call<{ id: string; handle: string }>(adminContext.request, "group.create", { name: `Two instances ${uniqueSuffix()}` });
  const sam = { name: `Sam Rivers ${uniqueSuffix()}`, email: `sam.${uniqueSuffix()}@example.org`, password: "another steady hearth" };
  const { invitations } = await call<{ invitations: { link: string }[] }>(adminContext.request, "invitation.create", {
    groupId: group.id,
    emails: [sam.email],
    role: "member",
  });
  const samContext = await browser.newContext({ baseURL: samUrl });
  const token = new URL(invitations[0]!.link).pathname.split("/").pop();
  await call(samContext.request, "invitation.accept", { token, name: sam.name, password: sam.password });
  await signInByRequest(samContext.request, sam);
  return {
    group,
    sam,
    samContext,
    admin: await adminContext.newPage(),
    samPage: await samContext.newPage(),
    close: () => Promise.all([adminContext.close(), samContext.close()]),
  };
}

type TwoPeople = Awaited<ReturnType<typeof twoPeople>>;

/** Each posts a comment on a thread both are reading; each sees the other's at once, and each comment once. */
export async function exchangeComments({ group, sam, admin, samPage }: TwoPeople): Promise<void> {
  const { id: threadId } = await call<{ id: string }>(admin.request, "thread.create", { groupId: group.id, title: "Winter plans", body: "What shall we do?" });
  for (const page of [samPage, admin]) {
    await page.goto(`/threads/${threadId}`);
    await expectHydrated(page);
  }

  await admin.getByRole("textbox", { name: "Add a comment" }).fill("Soup on Thursdays, said by the admin");
  await admin.getByRole("button", { name: "Send comment" }).click();
  await expect(samPage.getByRole("article").filter({ hasText: "Soup on Thursdays, said by the admin" })).toBeVisible();

  await samPage.getByRole("textbox", { name: "Add a comment" }).fill("Count me in, said by Sam");
  await samPage.getByRole("button", { name: "Send comment" }).click();
  await expect(admin.getByRole("article").filter({ hasText: "Count me in, said by Sam" })).toBeVisible();
  for (const page of [samPage, admin]) await expect(page.getByRole("article").filter({ hasText: "said by" })).toHaveCount(2);
  await expect(admin.getByText(sam.name).first()).toBeVisible();

  // Stored once each: a fresh load shows both.
  await samPage.reload();
  await expect(samPage.getByRole("article").filter({ hasText: "said by" })).toHaveCount(2);
}

const editorOf = (page: Page) => page.locator(".ProseMirror");
const textOf = (page: Page) =>
  editorOf(page).evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll(".collaboration-carets__caret")) caret.remove();
    return copy.textContent;
  });

/** Both edit one document at once; each sees the other and the other's typing, and both end with the same text, stored. */
export async function editTogether({ group, sam, admin, samPage }: TwoPeople): Promise<void> {
  const { id: documentId } = await call<{ id: string }>(admin.request, "document.create", { groupId: group.id, title: "Vision on two servers" });

  await admin.goto(`/documents/${documentId}`);
  await samPage.goto(`/documents/${documentId}`);
  await expect(admin.getByTestId("document-presence")).toContainText(sam.name);
  await expect(samPage.getByTestId("document-presence")).toContainText(ADMIN.name);

  await editorOf(admin).click();
  await admin.keyboard.type("Homes for all.");
  await expect.poll(() => textOf(samPage)).toBe("Homes for all.");

  await editorOf(samPage).click();
  await samPage.keyboard.press("End");
  await admin.keyboard.press("Home");
  await Promise.all([samPage.keyboard.type(" And parks.", { delay: 30 }), admin.keyboard.type("Together: ", { delay: 30 })]);
  const merged = "Together: Homes for all. And parks.";
  await expect.poll(() => textOf(admin)).toBe(merged);
  await expect.poll(() => textOf(samPage)).toBe(merged);
  await expect(admin.getByTestId("sync-status")).toHaveText("Saved");
  await expect(samPage.getByTestId("sync-status")).toHaveText("Saved");

  // Stored once, whole: a fresh load shows the merged text.
  await samPage.reload();
  await expect.poll(() => textOf(samPage)).toBe(merged);
}
