import { expect, test } from "@playwright/test";
import { ADMIN, call, expectHydrated, expectNoAxeViolations, secondPerson, signInAsAdmin, uniqueSuffix } from "./support";

test("acknowledgements: an admin asks, a member is told and acknowledges, the admin sees who has not; seen by on the outcome", async ({ page, browser }) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await call<{ id: string; handle: string }>(page.request, "group.create", { name: `Allotment ${uniqueSuffix()}` });
  const title = `Water butts ${uniqueSuffix()}`;
  const poll = await call<{ id: string }>(page.request, "poll.create", {
    groupId: group.id,
    kind: "proposal",
    title,
    closingAt: new Date(Date.now() + 7 * 86_400_000),
  });
  await call(page.request, "poll.close", { id: poll.id });
  await call(page.request, "poll.setOutcome", { id: poll.id, statement: "We buy two water butts for the east beds." });
  const second = await secondPerson(browser, page.request, group.id);

  await page.goto(`/polls/${poll.id}`);
  await expectHydrated(page);
  await expect(page.getByTestId("live-indicator")).toHaveText("Live");
  const outcome = page.getByTestId("poll-outcome");
  await expect(outcome.getByRole("button", { name: "Seen by 1 of 2" })).toBeVisible();
  await outcome.getByRole("button", { name: "Please acknowledge" }).click();
  await expect(outcome.getByTestId("ack-count")).toHaveText("0 of 2 acknowledged");
  const notYet = outcome.getByTestId("ack-pending");
  await expect(notYet.getByRole("listitem")).toHaveText([ADMIN.name, second.person.name]);
  await expectNoAxeViolations(page);

  // The member is told, follows the notification, and acknowledges.
  await second.page.goto("/notifications");
  const notice = second.page.getByRole("link", { name: new RegExp(`${ADMIN.name} asks you to acknowledge “Outcome: ${title}”`) });
  await expect(notice).toBeVisible();
  await notice.click();
  await expect(second.page).toHaveURL(`/polls/${poll.id}`);
  await expectHydrated(second.page);
  const theirs = second.page.getByTestId("poll-outcome");
  await expect(theirs.getByRole("button", { name: "Seen by 2 of 2" })).toBeVisible();
  await expect(theirs.getByTestId("ack-pending")).toHaveCount(0);
  await theirs.getByRole("button", { name: "I have read this" }).click();
  await expect(theirs.getByTestId("ack-mine")).toHaveText("Acknowledged ✓");
  await expect(theirs.getByTestId("ack-count")).toHaveText("1 of 2 acknowledged");
  await theirs.getByTestId("ack-count").click();
  await expect(second.page.getByRole("dialog", { name: "Acknowledged" }).getByRole("listitem")).toHaveText([second.person.name]);
  await expectNoAxeViolations(second.page);

  // The admin's open page follows live: 1 of 2, and the member is gone from "not yet".
  await expect(outcome.getByTestId("ack-count")).toHaveText("1 of 2 acknowledged");
  await expect(notYet.getByRole("listitem")).toHaveText([ADMIN.name]);
  await page.reload();
  await expectHydrated(page);
  await page.getByTestId("poll-outcome").getByRole("button", { name: "Seen by 2 of 2" }).click();
  await expect(page.getByRole("dialog", { name: "Seen this outcome" }).getByRole("listitem")).toHaveText([ADMIN.name, second.person.name].sort());

  await second.context.close();
});
