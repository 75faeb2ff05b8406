import { expect, test } from "@playwright/test";
import { call, query, secondPerson, signInAsAdmin, uniqueSuffix } from "./support";

test("a new thread's body mentions a member chosen from the suggestions, and they are notified", async ({ page, browser }) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await call<{ id: string; handle: string }>(page.request, "group.create", { name: `Circle ${uniqueSuffix()}` });
  const sam = await secondPerson(browser, page.request, group.id);

  await page.goto(`/groups/${group.handle}`);
  await page.getByRole("button", { name: "New thread" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Title").fill("Who holds the keys?");
  const body = dialog.getByRole("textbox", { name: "What would you like to discuss?" });
  await body.pressSequentially("Could @Sam");
  const suggestions = dialog.getByRole("listbox", { name: "People to mention" });
  await suggestions.getByRole("option", { name: sam.person.name }).click();
  await expect(suggestions).toHaveCount(0);
  await expect(body).toHaveValue(new RegExp(`^Could \\[@${sam.person.name}\\]\\(mention:[a-z0-9]+\\) $`));
  await body.pressSequentially("check the hall?");
  await dialog.getByRole("button", { name: "Start thread" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Who holds the keys?" })).toBeVisible();
  await expect(page.getByText(`@${sam.person.name}`, { exact: true })).toBeVisible();

  const notifications = await query<{ items: { kind: string; url: string }[] }>(sam.context.request, "notification.list", {});
  const threadPath = new URL(page.url()).pathname;
  expect(notifications.items.filter(({ url }) => url === threadPath).map(({ kind }) => kind)).toEqual(["mention"]);
  await sam.context.close();
});
