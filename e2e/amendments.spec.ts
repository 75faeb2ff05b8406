import { expect, test, type Locator, type Page } from "@playwright/test";
import { call, expectHydrated, expectNoAxeViolations, query, secondPerson, selectText, signInAsAdmin, uniqueSuffix } from "./support";

const editorOf = (page: Page) => page.locator(".ProseMirror");
const amendmentsOf = (page: Page) => page.getByRole("region", { name: /^Amendments/ });

/** The text of part of the editor without the name labels of other people's carets. */
function textOf(locator: Locator): Promise<string> {
  return locator.first().evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll(".collaboration-carets__caret")) caret.remove();
    return copy.textContent ?? "";
  });
}

test("a member proposes an amendment from a selection; the vote passes and the text changes live, as a version and a decision", async ({ page, browser }) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await call<{ id: string; handle: string }>(page.request, "group.create", { name: `Vision circle ${uniqueSuffix()}` });
  const { id: documentId } = await call<{ id: string }>(page.request, "document.create", { groupId: group.id, title: "Our vision" });
  await page.goto(`/documents/${documentId}`);
  await expectHydrated(page);
  await editorOf(page).click();
  await page.keyboard.type("We care for the valley.");

  // Sam, a member, selects a passage and proposes a rewrite.
  const sam = await secondPerson(browser, page.request, group.id);
  await sam.page.goto(`/documents/${documentId}`);
  await expectHydrated(sam.page);
  await expect.poll(() => textOf(editorOf(sam.page))).toBe("We care for the valley.");
  await selectText(sam.page, "care for");
  await amendmentsOf(sam.page).getByRole("button", { name: "Propose an amendment to the selection" }).click();
  const form = sam.page.getByRole("form", { name: "Propose an amendment" });
  await expect(form.getByRole("blockquote")).toHaveText("care for");
  await form.getByLabel("Proposed text").fill("look after");
  await form.getByRole("button", { name: "Put to the vote" }).click();

  // It stands in the text as Sam's suggestion, put to the vote: nobody accepts it by hand.
  const card = amendmentsOf(page).getByRole("article", { name: /^Amendment 1/ });
  await expect(card).toContainText("Vote open");
  await expect(card.locator("del")).toHaveText("care for");
  await expect(card.locator("ins")).toHaveText("look after");
  await expect.poll(() => textOf(editorOf(page).locator("ins"))).toBe("look after");
  const suggestion = page.getByRole("region", { name: /^Suggestions/ }).getByRole("article", { name: new RegExp(`^${sam.person.name} suggested`) });
  await expect(suggestion).toContainText(/Amendment 1 — vote open until/);
  await expect(suggestion.getByRole("button", { name: "Accept" })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Both vote for it; the admin follows the link to the vote and closes it.
  const { items } = await query<{ items: { poll: { id: string } }[] }>(page.request, "amendment.list", { documentId });
  const pollId = items[0]!.poll.id;
  const poll = await query<{ options: { id: string; name: string }[] }>(page.request, "poll.byId", { id: pollId });
  const agree = poll.options.find(({ name }) => name === "Agree")!.id;
  await call(page.request, "poll.vote", { pollId, choices: [{ optionId: agree }] });
  await call(sam.context.request, "poll.vote", { pollId, choices: [{ optionId: agree }] });
  await card.getByRole("link", { name: "Go to the vote" }).click();
  await expect(page).toHaveURL(new RegExp(`/polls/${pollId}$`));
  await expect(page.getByRole("link", { name: "see the passage" })).toHaveAttribute("href", `/documents/${documentId}#amendment-1`);
  await expectHydrated(page);
  await page.getByRole("button", { name: "Close now" }).click();

  // Sam still has the document open: the text changes there at once.
  await expect.poll(() => textOf(editorOf(sam.page))).toBe("We look after the valley.");
  await expect(editorOf(sam.page).locator("ins, del")).toHaveCount(0);
  const samsCard = amendmentsOf(sam.page).getByRole("article", { name: /^Amendment 1/ });
  await expect(samsCard).toContainText(/Adopted .*: Passed: 2 of 2 eligible voted/);

  // The history has the named version, and the register the decision.
  await samsCard.getByRole("link", { name: "Amendment 1 adopted, in the history" }).click();
  await expect(sam.page.getByText("Amendment 1 adopted").first()).toBeVisible();
  await page.goto(`/groups/${group.handle}/decisions`);
  const row = page.getByTestId("decision-row").filter({ hasText: "Amendment 1 to Our vision" });
  await expect(row).toContainText("Amendment 1 adopted");
  await expect(row.getByTestId("decision-status")).toHaveText("Agreed");
  await sam.context.close();
});

test("an alternative is proposed beside an amendment; both are decided in one ranked vote and the winner appears live", async ({ page, browser }) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await call<{ id: string }>(page.request, "group.create", { name: `Vision circle ${uniqueSuffix()}` });
  const { id: documentId } = await call<{ id: string }>(page.request, "document.create", { groupId: group.id, title: "Our vision" });
  await page.goto(`/documents/${documentId}`);
  await expectHydrated(page);
  await editorOf(page).click();
  await page.keyboard.type("We care for the valley.");

  // Sam proposes Amendment 1 and keeps the document open.
  const sam = await secondPerson(browser, page.request, group.id);
  await sam.page.goto(`/documents/${documentId}`);
  await expectHydrated(sam.page);
  await expect.poll(() => textOf(editorOf(sam.page))).toBe("We care for the valley.");
  const closingAt = new Date(Date.now() + 7 * 24 * 60 * 60 * 1000).toISOString();
  await call(sam.context.request, "amendment.create", { documentId, range: { from: 4, to: 12, quote: "care for" }, text: "look after", closingAt });

  // The admin proposes another rewrite of the same passage from its card.
  const first = amendmentsOf(page).getByRole("article", { name: /^Amendment 1/ });
  await first.getByRole("button", { name: "Propose an alternative" }).click();
  const form = page.getByRole("form", { name: "Propose an alternative to Amendment 1" });
  await expect(form.getByRole("blockquote")).toHaveText("care for");
  await form.getByLabel("Proposed text").fill("tend");
  await form.getByRole("button", { name: "Propose the alternative" }).click();
  const alternatives = amendmentsOf(page).getByRole("list", { name: "Alternatives to Amendment 1" });
  const second = alternatives.getByRole("article", { name: /^Amendment 2/ });
  await expect(second).toContainText("an alternative to Amendment 1");
  await expect(second.locator("ins")).toHaveText("tend");
  await expect(second).toContainText("Waiting to be decided with Amendment 1 in one ranked vote.");
  // Only Amendment 1 stands in the text.
  await expect.poll(() => textOf(editorOf(sam.page).locator("ins"))).toBe("look after");

  // The admin puts both to one ranked vote.
  await first.getByRole("button", { name: "Decide together in one ranked vote" }).click();
  await page.getByRole("form", { name: "Decide Amendment 1 and its alternatives together" }).getByRole("button", { name: "Start the ranked vote" }).click();
  await expect(first).toContainText("decided together in one ranked vote until");
  await expect(amendmentsOf(sam.page).getByRole("article", { name: /^Amendment 2/ })).toContainText("decided together in one ranked vote until");
  await expectNoAxeViolations(page);

  // Both rank the alternative first; the vote closes.
  const { items } = await query<{ items: { number: number; poll: { id: string } | null }[] }>(page.request, "amendment.list", { documentId });
  const pollId = items.find(({ number }) => number === 2)!.poll!.id;
  const poll = await query<{ kind: string; options: { id: string; name: string }[] }>(page.request, "poll.byId", { id: pollId });
  expect(poll.kind).toBe("ranked_choice");
  const optionId = (start: string) => poll.options.find(({ name }) => name.startsWith(start))!.id;
  const ranking = ["Amendment 2", "Amendment 1", "Keep the text"].map((start, index) => ({ optionId: optionId(start), rank: index + 1 }));
  await call(page.request, "poll.vote", { pollId, choices: ranking });
  await call(sam.context.request, "poll.vote", { pollId, choices: ranking });
  await call(page.request, "poll.close", { id: pollId });

  // Sam still has the document open: the alternative's text appears there at once.
  await expect.poll(() => textOf(editorOf(sam.page))).toBe("We tend the valley.");
  await expect(editorOf(sam.page).locator("ins, del")).toHaveCount(0);
  await expect(amendmentsOf(sam.page).getByRole("article", { name: /^Amendment 2/ })).toContainText(/Adopted .*: Won the ranked vote/);
  await expect(amendmentsOf(sam.page).getByRole("article", { name: /^Amendment 1/ })).toContainText("Amendment 2 won the ranked vote.");
  await sam.context.close();
});
