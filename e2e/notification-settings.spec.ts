import { expect, test } from "@playwright/test";
import { ADMIN, call, expectNoAxeViolations, signInAsAdmin, uniqueSuffix } from "./support";

test("email settings read like sentences, save on change and persist; a thread can be muted", async ({ page }) => {
  await signInAsAdmin(page);
  const groupName = `Quiet ${uniqueSuffix()}`;
  const group = await call<{ id: string }>(page.request, "group.create", { name: groupName });
  const thread = await call<{ id: string }>(page.request, "thread.create", { groupId: group.id, title: `Noisy ${uniqueSuffix()}`, body: "Lots" });

  try {
    await page.goto("/");
    await page.getByRole("button", { name: ADMIN.name }).click();
    await page.getByRole("menuitem", { name: "Email settings" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Email settings" })).toBeVisible();

    const account = page.getByRole("group", { name: "All my groups" });
    await expect(account.getByRole("radio", { name: "Email me only about mentions, replies and decisions" })).toBeChecked();
    await expect(account.getByText("e.g. “Priya Shah mentioned you in Charter” and “Outcome: Adopt the charter”")).toBeVisible();
    await expect(account.getByText(/^e\.g\. one email each morning: “Steering: 3 new/)).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Threads you follow or mute" })).toBeVisible();
    await account.getByRole("radio", { name: "Email me nothing" }).check();
    await expect(account.getByRole("status")).toHaveText("Saved");

    await page.reload();
    await expect(page.getByRole("group", { name: "All my groups" }).getByRole("radio", { name: "Email me nothing" })).toBeChecked();

    const perGroup = page.getByRole("group", { name: groupName });
    await expect(perGroup.getByRole("radio", { name: "Same as my account setting" })).toBeChecked();
    await expect(perGroup.getByText("Currently: “Email me nothing”")).toBeVisible();
    await perGroup.getByRole("radio", { name: "Email me about everything" }).check();
    await expect(perGroup.getByRole("status")).toHaveText("Saved");
    await page.reload();
    await expect(page.getByRole("group", { name: groupName }).getByRole("radio", { name: "Email me about everything" })).toBeChecked();
    await page.getByRole("group", { name: groupName }).getByRole("radio", { name: "Same as my account setting" }).check();
    await expect(page.getByRole("group", { name: groupName }).getByRole("status")).toHaveText("Saved");
    await page.reload();
    await expect(page.getByRole("group", { name: groupName }).getByRole("radio", { name: "Same as my account setting" })).toBeChecked();
    await expectNoAxeViolations(page);

    // Push chosen for the group leaves its email following the account, and email chosen back leaves push as it was.
    const pushForGroup = () => page.getByRole("combobox", { name: `For ${groupName}` });
    const pushSaved = () => page.waitForResponse((response) => response.url().includes("notificationSettings.update") && response.ok());
    await Promise.all([pushSaved(), pushForGroup().selectOption({ label: "Push to this device: everything" })]);
    await page.reload();
    await expect(pushForGroup()).toHaveValue("all");
    await expect(page.getByRole("group", { name: groupName }).getByRole("radio", { name: "Same as my account setting" })).toBeChecked();
    await page.getByRole("group", { name: groupName }).getByRole("radio", { name: "Email me about everything" }).check();
    await expect(page.getByRole("group", { name: groupName }).getByRole("status")).toHaveText("Saved");
    await page.getByRole("group", { name: groupName }).getByRole("radio", { name: "Same as my account setting" }).check();
    await expect(page.getByRole("group", { name: groupName }).getByRole("status")).toHaveText("Saved");
    await page.reload();
    await expect(page.getByRole("group", { name: groupName }).getByRole("radio", { name: "Same as my account setting" })).toBeChecked();
    await expect(pushForGroup()).toHaveValue("all");

    await page.goto(`/threads/${thread.id}`);
    const mute = page.getByRole("button", { name: "Mute" });
    await expect(mute).toHaveAttribute("aria-pressed", "false");
    // The button shows the choice while it saves: the reload waits for the save itself.
    await Promise.all([page.waitForResponse((response) => response.url().includes("thread.follow") && response.ok()), mute.click()]);
    await expect(mute).toHaveAttribute("aria-pressed", "true");
    await page.reload();
    await expect(page.getByRole("button", { name: "Mute" })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByRole("button", { name: "Follow" })).toHaveAttribute("aria-pressed", "false");
    await expectNoAxeViolations(page);
  } finally {
    // The administrator is shared with later journeys, which expect the default email level.
    await call(page.request, "notificationSettings.update", { level: "important" });
  }
});
