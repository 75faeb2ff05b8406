import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

const inDays = (days: number) => new Date(Date.now() + days * 86400000).toISOString();
async function call<T>(page: Page, path: string, input: unknown): Promise<T> {
  const response = await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  const body = await response.json();
  if (!response.ok()) throw new Error(`${path} failed: ${JSON.stringify(body)}`);
  return body.result.data.json as T;
}

test("shots", async ({ page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on("console", (message) => { if (message.type() === "error" || message.type() === "warning") errors.push(message.text()); });
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("response", (response) => { if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`); });
  await signIn(page);
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  const group = await call<{ id: string }>(page, "group.create", { name: `Shots ${Math.random().toString(36).slice(2, 6)}` });
  const polls: Record<string, unknown>[] = [
    { kind: "proposal", template: "consensus", title: "Proposal", details: "Some **details** here." },
    { kind: "score", title: "Score", options: ["Alpha option with a long name", "Beta"], scoreMin: 1, scoreMax: 10 },
    { kind: "dot_vote", title: "Dots", options: ["One", "Two", "Three"], dotsPerPerson: 5 },
    { kind: "ranked_choice", title: "Ranked", options: ["Sea", "Hills with a long name for wrapping", "Forest", "Moor"] },
    { kind: "meeting", title: "Meeting", options: [inDays(10), inDays(11)] },
    { kind: "question", title: "Question" },
    { kind: "count", title: "Count", countTarget: 5 },
    { kind: "poll", title: "Multi", options: ["A", "B", "C"], minChoices: 1, maxChoices: 2, votersAddOptions: true },
  ];
  for (const [index, poll] of polls.entries()) {
    const { id } = await call<{ id: string }>(page, "poll.create", { groupId: group.id, closingAt: inDays(3), ...poll });
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`/polls/${id}`);
    await expect(page.getByTestId("poll-results")).toBeVisible();
    await page.screenshot({ path: `/tmp/shots/${index}-${poll.kind}-ballot-360.png`, fullPage: true });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 360) errors.push(`${poll.kind} overflows: ${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole("button", { name: "New decision in this group" }).click();
  await page.getByRole("button", { name: /Consensus proposal/ }).waitFor();
  await page.screenshot({ path: `/tmp/shots/dialog-choose.png` });
  await page.getByRole("button", { name: /Dot vote/ }).click();
  await page.screenshot({ path: `/tmp/shots/dialog-form.png`, fullPage: true });
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: `/tmp/shots/dialog-form-360.png` });
  await page.getByRole("radio", { name: "Chosen people" }).check();
  await page.getByRole("checkbox").last().waitFor();
  await page.screenshot({ path: `/tmp/shots/dialog-voters-360.png` });
  console.log("ERRORS", JSON.stringify(errors, null, 1));
});
