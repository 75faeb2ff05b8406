import { expect, test } from "@playwright/test";
import { call, expectHydrated, expectNoAxeViolations, secondPerson, signInAsAdmin, uniqueSuffix } from "./support";

test("initiatives: a member adds one linked to a discussion; it shows in the directory, filtered by tag, and on the thread page", async ({ page, browser }) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await call<{ id: string; handle: string }>(page.request, "group.create", { name: `Chew Valley ${uniqueSuffix()}` });
  const { id: threadId } = await call<{ id: string }>(page.request, "thread.create", {
    groupId: group.id,
    title: "Who visits people on their own?",
    body: "Which projects already do this?",
  });
  await call(page.request, "initiative.create", { groupId: group.id, name: "Walking football", area: "Twerton", tags: ["sport"] });
  const member = await secondPerson(browser, page.request, group.id);

  // The member finds the tab and adds an initiative, linked to the discussion.
  await member.page.goto(`/groups/${group.handle}`);
  await expectHydrated(member.page);
  await member.page.getByRole("link", { name: "Initiatives", exact: true }).click();
  await expect(member.page.getByRole("heading", { level: 2, name: "Initiatives" })).toBeVisible();
  await expectHydrated(member.page);
  await member.page.getByRole("button", { name: "Add initiative" }).click();
  const dialog = member.page.getByRole("dialog", { name: "Add an initiative" });
  await dialog.getByLabel("Name", { exact: true }).fill("Village agents");
  await dialog.getByLabel("Area (optional)").fill("Chew Valley");
  await dialog.getByLabel("Contact (optional)").fill("agents@example.org");
  await dialog.getByLabel("Website (optional)").fill("javascript:alert(1)");
  await dialog.getByLabel("Tags (optional)").fill("#rural #older-people");
  await dialog.getByRole("checkbox", { name: "Who visits people on their own?" }).check();
  await dialog.getByRole("button", { name: "Add initiative" }).click();
  await expect(dialog.getByText("The website must start with http:// or https://; “javascript:” addresses are not allowed.")).toBeVisible();
  await dialog.getByLabel("Website (optional)").fill("example.org/agents");
  await dialog.getByRole("button", { name: "Add initiative" }).click();
  await expect(dialog).toBeHidden();

  const entries = member.page.getByRole("list", { name: "Initiatives" }).getByRole("listitem").filter({ has: member.page.getByRole("heading", { level: 3 }) });
  await expect(entries.getByRole("heading", { level: 3 })).toHaveText(["Village agents", "Walking football"]);
  const agents = entries.filter({ hasText: "Village agents" });
  await expect(agents).toContainText("Chew Valley");
  await expect(agents).toContainText("agents@example.org");
  await expect(agents.getByRole("link", { name: "https://example.org/agents" })).toBeVisible();
  await expect(agents.getByRole("link", { name: "Who visits people on their own?" })).toHaveAttribute("href", `/threads/${threadId}`);
  await expect(agents.getByRole("button", { name: "Edit Village agents" })).toBeVisible();
  await expect(entries.filter({ hasText: "Walking football" }).getByRole("button", { name: "Edit Walking football" })).toHaveCount(0);
  await expectNoAxeViolations(member.page);

  // Filtering by tag.
  await member.page.getByLabel("Tag", { exact: true }).selectOption("rural");
  await expect(entries.getByRole("heading", { level: 3 })).toHaveText(["Village agents"]);
  await member.page.getByLabel("Tag", { exact: true }).selectOption("");
  await expect(entries).toHaveCount(2);

  // The thread page says what it is about, and leads back to the entry.
  await member.page.goto(`/threads/${threadId}`);
  await expectHydrated(member.page);
  const about = member.page.getByRole("region", { name: "About the initiative" });
  await about.getByRole("link", { name: /Village agents/ }).click();
  await expect(member.page).toHaveURL(new RegExp(`/groups/${group.handle}/initiatives#initiative-`));
  await expect(member.page.getByRole("heading", { level: 3, name: "Village agents" })).toBeVisible();

  // The admin deletes it, after confirming; the thread page no longer names it.
  await page.goto(`/groups/${group.handle}/initiatives`);
  await expectHydrated(page);
  await page.getByRole("button", { name: "Delete Village agents" }).click();
  await page.getByRole("dialog", { name: "Delete “Village agents”?" }).getByRole("button", { name: "Delete initiative" }).click();
  await expect(page.getByRole("heading", { level: 3, name: "Village agents" })).toHaveCount(0);
  await member.page.goto(`/threads/${threadId}`);
  await expectHydrated(member.page);
  await expect(member.page.getByRole("region", { name: "About the initiative" })).toHaveCount(0);

  await member.context.close();
});
