import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { call, expectHydrated, expectNoAxeViolations, secondPerson, signInAsAdmin, uniqueSuffix } from "./support";

const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString();

test("decision register: an outcome becomes a decision; the admin gives it an owner, a status and a note; filters and the CSV follow", async ({ page, browser }) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await call<{ id: string; handle: string }>(page.request, "group.create", { name: `Allotments ${uniqueSuffix()}` });
  const owner = await secondPerson(browser, page.request, group.id);
  const { id: pollId } = await call<{ id: string }>(page.request, "poll.create", {
    groupId: group.id,
    kind: "proposal",
    title: "Open the tool shed on Sundays",
    closingAt: inDays(7),
  });

  // Closing the proposal and writing its outcome, as people do.
  await page.goto(`/polls/${pollId}`);
  await expectHydrated(page);
  await page.getByRole("button", { name: "Close now" }).click();
  await page.getByRole("button", { name: "Write the outcome" }).click();
  await page.getByLabel("Outcome").fill("Agreed: open **10 till 2** on Sundays.");
  await page.getByRole("button", { name: "Save outcome" }).click();
  const outcome = page.getByTestId("poll-outcome");
  await expect(outcome).toContainText("open 10 till 2 on Sundays");
  await outcome.getByRole("link", { name: "Decision register" }).click();

  // It is in the register, agreed, owned by whoever wrote the outcome.
  await expect(page).toHaveURL(new RegExp(`/groups/${group.handle}/decisions$`));
  await expect(page.getByRole("link", { name: "Decisions", exact: true })).toHaveAttribute("aria-current", "page");
  const row = page.getByTestId("decision-row").filter({ hasText: "Open the tool shed on Sundays" });
  await expect(row).toContainText("open 10 till 2 on Sundays");
  await expect(row.getByTestId("decision-status")).toHaveText("Agreed");
  const title = row.getByRole("heading", { level: 3, name: "Open the tool shed on Sundays" }).getByRole("link");
  await expect(title).toBeVisible();
  await expectNoAxeViolations(page);

  // The admin hands it to the second person, starts it and notes progress.
  await title.click();
  await expect(page.getByRole("heading", { level: 2, name: "Open the tool shed on Sundays" })).toBeVisible();
  await expectHydrated(page);
  const form = page.getByRole("form", { name: "Update this decision" });
  await form.getByLabel("Status").selectOption("in_progress");
  await form.getByLabel("Owner", { exact: true }).selectOption({ label: owner.person.name });
  await form.getByRole("textbox", { name: "Progress note (optional)" }).fill("Keys copied for the **volunteers**.");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved.");
  await expect(page.getByTestId("decision-owner")).toHaveText(owner.person.name);
  await expect(page.getByTestId("decision-status")).toHaveText("In progress");
  await expect(page.getByTestId("decision-notes")).toContainText("Keys copied for the volunteers.");
  await expect(page.getByTestId("decision-notes")).toContainText("set the status to in progress");
  await expectNoAxeViolations(page);

  // The owner sees it as theirs to report on, without the admin's fields.
  await owner.page.goto(page.url());
  await expectHydrated(owner.page);
  const ownersForm = owner.page.getByRole("form", { name: "Update this decision" });
  await expect(ownersForm.getByLabel("Status")).toHaveValue("in_progress");
  await expect(ownersForm.getByLabel("Review on")).toHaveCount(0);

  // Filtering by status.
  await page.getByRole("link", { name: "All decisions" }).click();
  const filters = page.getByRole("search", { name: "Filter decisions" });
  await filters.getByLabel("Status").selectOption("done");
  await expect(page.getByText("No decisions match these filters.")).toBeVisible();
  await filters.getByLabel("Status").selectOption("in_progress");
  await expect(page.getByTestId("decision-row")).toHaveCount(1);
  await expect(page.getByTestId("decision-row").getByTestId("decision-status")).toHaveText("In progress");

  // The CSV holds what the filters show.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^hearth-${group.handle}-decisions-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv.split("\r\n")[0]).toContain("question,result,verdict,status,owner");
  expect(csv).toContain("Open the tool shed on Sundays");
  expect(csv).toContain(`in progress,${owner.person.name}`);

  await owner.context.close();
});
