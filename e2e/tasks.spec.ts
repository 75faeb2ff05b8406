import { expect, test } from "@playwright/test";
import { call, expectHydrated, expectNoAxeViolations, query, secondPerson, signInAsAdmin, uniqueSuffix } from "./support";

test("tasks: assigned in a comment, seen in My tasks, ticked in the thread and on My tasks, live both ways", async ({ page, browser }) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await call<{ id: string; handle: string }>(page.request, "group.create", { name: `Allotment ${uniqueSuffix()}` });
  const { id: threadId } = await call<{ id: string }>(page.request, "thread.create", { groupId: group.id, title: "Open day", body: "Who does what?" });
  const second = await secondPerson(browser, page.request, group.id);
  const sam = await query<{ id: string; name: string }>(second.context.request, "user.me");

  await page.goto(`/threads/${threadId}`);
  await expectHydrated(page);
  await page.getByRole("textbox", { name: "Add a comment" }).fill(`- [ ] [@${sam.name}](mention:${sam.id}) book the room due 2026-12-10\n- [ ] bring cake`);
  await page.getByRole("button", { name: "Send comment" }).click();
  const comment = page.getByRole("article").filter({ hasText: "book the room" });
  await expect(comment.getByTestId("task-checkbox")).toBeVisible();
  await expect(comment.getByTestId("task-checkbox")).not.toBeChecked();
  // The item without a mention is a plain checkbox, not a task.
  await expect(comment.getByRole("checkbox")).toHaveCount(2);
  await expect(page.getByTestId("task-panel").getByText(`@${sam.name} book the room`)).toBeVisible();

  const title = `@${sam.name} book the room`;
  const myTasks = second.page;
  await myTasks.goto("/tasks");
  await expectHydrated(myTasks);
  const row = myTasks.getByTestId("task-row").filter({ hasText: title });
  await expect(row).toBeVisible();
  await expect(row.getByText("Due Thu 10 Dec 2026")).toBeVisible();
  await expect(row.getByRole("link", { name: "Open day" })).toHaveAttribute("href", /\/threads\//);
  await expectNoAxeViolations(myTasks);

  // Sam ticks it in the thread (another tab): My tasks and the admin's open thread update live.
  const threadTab = await second.context.newPage();
  await threadTab.goto(`/threads/${threadId}`);
  await expectHydrated(threadTab);
  const box = threadTab.getByRole("article").filter({ hasText: "book the room" }).getByTestId("task-checkbox");
  await expect(box).toBeEnabled();
  await box.check();
  await expect(myTasks.getByTestId("my-tasks-empty")).toBeVisible();
  await expect(comment.getByTestId("task-checkbox")).toBeChecked();

  // And back: reopened from My tasks (the Done list), the thread's checkbox clears live.
  await myTasks.getByRole("button", { name: "Done" }).click();
  const doneRow = myTasks.getByTestId("task-row").filter({ hasText: title });
  await expect(doneRow.getByText(`Done by ${sam.name}`)).toBeVisible();
  await doneRow.getByRole("checkbox").uncheck();
  await expect(box).not.toBeChecked();
  await expect(comment.getByTestId("task-checkbox")).not.toBeChecked();
  await myTasks.getByRole("button", { name: "To do" }).click();
  await expect(myTasks.getByTestId("task-row").filter({ hasText: title })).toBeVisible();

  await second.context.close();
});
