import { expect, test } from "@playwright/test";
import { call, expectNoAxeViolations, query, secondPerson, signInAsAdmin, uniqueSuffix } from "./support";

const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString();

type Poll = { options: { id: string; name: string }[] };

test("a proposal with a quorum, two thirds and reasons for Disagree: the reason is asked for, and the verdict shows on the page and in the draft outcome", async ({ page, browser }) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await call<{ id: string; handle: string }>(page.request, "group.create", { name: `Rules ${uniqueSuffix()}` });
  const warmUp = await call<{ id: string }>(page.request, "poll.create", { groupId: group.id, kind: "poll", title: "Warm-up", options: ["Yes", "No"], closingAt: inDays(7) });
  const member = await secondPerson(browser, page.request, group.id);
  const third = await secondPerson(browser, page.request, group.id);
  await page.goto(`/polls/${warmUp.id}`);
  await expect(page.getByTestId("live-indicator")).toHaveText("Live");

  await page.getByRole("button", { name: "New decision in this group" }).click();
  const dialog = page.getByRole("dialog", { name: "Start a decision" });
  await dialog.getByRole("button", { name: /Consensus proposal/ }).click();
  await dialog.getByLabel("Title").fill("Move the meeting to Thursdays");
  await dialog.getByLabel("Quorum").selectOption("count");
  await dialog.getByLabel("Voters needed").fill("2");
  await dialog.getByLabel("Threshold to pass").selectOption("two_thirds");
  await dialog.getByRole("checkbox", { name: "Disagree" }).check();
  await expectNoAxeViolations(page, '[role="dialog"]');
  await dialog.getByRole("button", { name: "Start the decision" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Move the meeting to Thursdays" })).toBeVisible();
  const pollId = new URL(page.url()).pathname.split("/").pop()!;
  await expect(page.getByTestId("poll-rules")).toHaveText("Rules: Needs 2 voters · passes with two thirds of votes cast · reasons required for Disagree");

  // The member sees the requirement before voting; without a reason, Disagree is refused.
  await member.page.goto(`/polls/${pollId}`);
  await expect(member.page.getByTestId("live-indicator")).toHaveText("Live");
  const reason = member.page.getByLabel("Your reason (required if you vote Disagree)");
  await expect(reason).toBeVisible();
  await member.page.getByRole("radio", { name: "Disagree" }).check();
  await member.page.getByRole("button", { name: "Vote", exact: true }).click();
  await expect(member.page.getByRole("article").getByRole("alert")).toHaveText("Give a reason for voting Disagree.");
  await reason.fill("Thursdays clash with the carers' group.");
  await member.page.getByRole("button", { name: "Vote", exact: true }).click();
  await expect(member.page.getByText("You voted", { exact: true })).toBeVisible();

  const { options } = await query<Poll>(page.request, "poll.byId", { id: pollId });
  const agree = options.find((option) => option.name === "Agree")!.id;
  await call(third.context.request, "poll.vote", { pollId, choices: [{ optionId: agree }] });
  await call(page.request, "poll.vote", { pollId, choices: [{ optionId: agree }] });

  // Exactly two thirds of the votes cast agree: it passes.
  await page.reload();
  await page.getByRole("button", { name: "Close now" }).click();
  const verdict = "Passed: 3 of 3 eligible voted (quorum 2); 2 agree, 0 blocks; needs two thirds of votes cast";
  await expect(page.getByTestId("verdict")).toHaveText(verdict);
  await expect(member.page.getByTestId("verdict")).toHaveText(verdict);

  await page.getByRole("button", { name: "Write the outcome" }).click();
  await expect(page.getByLabel("Outcome")).toHaveValue(verdict);
  await page.getByLabel("Outcome").fill(`${verdict}\n\nWe meet on Thursdays from March.`);
  await page.getByRole("button", { name: "Save outcome" }).click();
  await expect(page.getByTestId("poll-outcome")).toContainText("We meet on Thursdays from March.");
  await expectNoAxeViolations(page);

  // The group's defaults: new decisions start from them.
  await page.goto(`/groups/${group.handle}/settings`);
  const rules = page.getByRole("region", { name: "Voting rules" });
  await rules.getByLabel("Quorum").selectOption("percent");
  await rules.getByLabel("Percent of eligible voters").fill("50");
  await rules.getByLabel("Reasons required for").fill("Block");
  await rules.getByRole("button", { name: "Save voting rules" }).click();
  await expect(rules.getByText("Voting rules saved.")).toBeVisible();
  const saved = await query<{ votingRuleDefaults: unknown }>(page.request, "group.byId", { id: group.id });
  expect(saved.votingRuleDefaults).toEqual({ quorum: { percent: 50 }, requireReasonFor: ["Block"] });
  await member.context.close();
  await third.context.close();
});

test("a quorum larger than the people who can vote is flagged on the open poll, for each in their words, until it is lowered", async ({ page, browser }) => {
  await signInAsAdmin(page);
  const group = await call<{ id: string }>(page.request, "group.create", { name: `Quorum ${uniqueSuffix()}` });
  const member = await secondPerson(browser, page.request, group.id);
  const poll = await call<{ id: string }>(page.request, "poll.create", { groupId: group.id, kind: "proposal", title: "Buy a gazebo", closingAt: inDays(7), quorum: { count: 5 } });

  // The admin and the member: two can vote.
  await page.goto(`/polls/${poll.id}`);
  await expect(page.getByTestId("live-indicator")).toHaveText("Live");
  await expect(page.getByRole("status").filter({ hasText: "quorum" })).toHaveText(
    "Only 2 people can vote in this poll, so its quorum of 5 cannot be met. Lower it with Edit poll, or invite more people to the group.",
  );
  await member.page.goto(`/polls/${poll.id}`);
  await expect(member.page.getByTestId("live-indicator")).toHaveText("Live");
  await expect(member.page.getByRole("status").filter({ hasText: "quorum" })).toHaveText(
    "Only 2 people can vote in this poll, so its quorum of 5 cannot be met. More people would have to join the group.",
  );

  await page.getByRole("button", { name: "Edit poll" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit this poll" });
  await dialog.getByLabel("Voters needed").fill("2");
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("poll-rules")).toHaveText("Rules: Needs 2 voters");
  await expect(page.getByText(/cannot be met/)).toHaveCount(0);
  await expect(member.page.getByTestId("poll-rules")).toHaveText("Rules: Needs 2 voters");
  await expect(member.page.getByText(/cannot be met/)).toHaveCount(0);
  await member.context.close();
});
