import { expect, test } from "@playwright/test";
import { call, expectHydrated, expectNoAxeViolations, query, secondPerson, signInAsAdmin, uniqueSuffix } from "./support";

/** An 8×8 PNG, as an organisation's logo. */
const LOGO = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGM45MiDFTEMLQkAps5DwRGu074AAAAASUVORK5CYII=", "base64");

test("the charter: an admin writes it and makes it public, a member asks to sign for their organisation, the admin approves, anyone reads it until it is private again", async ({
  page,
  browser,
}) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await call<{ id: string; handle: string; name: string }>(page.request, "group.create", { name: `Riverside ${uniqueSuffix()}` });
  const upload = await page.request.post("/api/images", { multipart: { file: { name: "logo.png", mimeType: "image/png", buffer: LOGO } } });
  expect(upload.status()).toBe(201);
  const { id: logoId } = (await upload.json()) as { id: string };
  const organisation = await call<{ id: string; name: string }>(page.request, "organisation.create", { name: `Dorothy House ${uniqueSuffix()}`, logoId });
  const second = await secondPerson(browser, page.request, group.id);
  await call(second.context.request, "member.setOrganisation", { userId: (await query<{ id: string }>(second.context.request, "user.me")).id, organisationId: organisation.id });

  // The admin writes the charter and opens its public page.
  await page.goto(`/groups/${group.handle}`);
  await page.getByRole("link", { name: "Charter", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/groups/${group.handle}/charter$`));
  await expectHydrated(page);
  await page.getByRole("button", { name: "Write the charter" }).click();
  await page.getByRole("textbox", { name: "Charter text" }).fill("# Our promise\n\nNobody in Riverside dies **alone**.");
  await page.getByRole("button", { name: "Save charter" }).click();
  const text = page.getByRole("article", { name: "Charter text" });
  await expect(text.getByRole("heading", { name: "Our promise" })).toBeVisible();
  await expect(text).toContainText("Version 1, saved");
  await page.getByRole("checkbox", { name: /Anyone can read the charter/ }).check();
  await expect(page.getByRole("textbox", { name: "Public charter link" })).toHaveValue(new RegExp(`/charter/${group.handle}$`));
  await expectNoAxeViolations(page);

  // The member asks for their organisation to sign.
  await second.page.goto(`/groups/${group.handle}/charter`);
  await expectHydrated(second.page);
  await expect(second.page.getByRole("checkbox", { name: /Anyone can read/ })).toHaveCount(0);
  await second.page.getByRole("button", { name: `Ask to sign for ${organisation.name}` }).click();
  await expect(second.page.getByText(`${organisation.name} has asked to sign.`)).toBeVisible();

  // The admin's page hears of the request and approves it.
  const requests = page.getByRole("list", { name: "Requests to sign" });
  await expect(requests.getByText(organisation.name, { exact: true })).toBeVisible();
  // The admin is also notified, and the notice leads back to the requests.
  await page.goto("/notifications");
  await page.getByRole("link", { name: `Unread: ${second.person.name} asks to sign the charter of ${group.name}` }).click();
  await expect(page).toHaveURL(`/groups/${group.handle}/charter#requests-heading`);
  await expectHydrated(page);
  await requests.getByRole("button", { name: "Approve" }).click();
  const signatories = page.getByRole("list", { name: "Signatories" });
  await expect(signatories.getByText(organisation.name, { exact: true })).toBeVisible();
  await expect(page.getByText("No organisation is waiting to sign.")).toBeVisible();
  await expect(second.page.getByText(`${organisation.name} has signed this charter.`)).toBeVisible();

  // A signed-out visitor reads the charter and sees the signatory's logo, and nothing else of the group.
  const visitor = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const anyone = await visitor.newPage();
  const publicPage = await anyone.goto(`/charter/${group.handle}`);
  expect(publicPage?.status()).toBe(200);
  await expect(anyone.getByRole("heading", { name: "Our promise" })).toBeVisible();
  const signed = anyone.getByRole("list", { name: "Signatories" }).getByRole("listitem");
  await expect(signed).toHaveCount(1);
  await expect(signed).toContainText(organisation.name);
  await expect(signed).toContainText("Signed on");
  await expect.poll(() => signed.locator("img").evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(8);
  const html = await publicPage!.text();
  expect(html).not.toContain(group.name);
  expect(html).not.toContain(second.person.name);
  expect(html).not.toContain(group.id);
  await expectNoAxeViolations(anyone);
  expect((await visitor.request.get(`/api/images/${logoId}`)).status()).toBe(401);

  // Private again: the page and the logo are gone for the visitor, with nothing of the charter in the answer.
  await page.getByRole("checkbox", { name: /Anyone can read the charter/ }).uncheck();
  await expect(page.getByRole("textbox", { name: "Public charter link" })).toHaveCount(0);
  const hidden = await anyone.goto(`/charter/${group.handle}`);
  expect(hidden?.status()).toBe(404);
  const hiddenHtml = await hidden!.text();
  expect(hiddenHtml).not.toContain("Our promise");
  expect(hiddenHtml).not.toContain(organisation.name);
  expect((await visitor.request.get(`/charter/${group.handle}/logos/${logoId}`)).status()).toBe(404);

  await visitor.close();
  await second.context.close();
});
