import { expect, test, type Locator } from "@playwright/test";
import { call, expectHydrated, expectNoAxeViolations, secondPerson, signInAsAdmin, uniqueSuffix } from "./support";

/** The formatting a comment shows, whether the server cooked it for the page or for a live update. */
async function expectFormatted(comment: Locator, { strong, link, href, mention }: { strong: string; link: string; href: string; mention: string }) {
  await expect(comment.locator("strong", { hasText: strong })).toBeVisible();
  await expect(comment.getByRole("link", { name: link })).toHaveAttribute("href", href);
  await expect(comment.getByRole("link", { name: link })).toHaveAttribute("rel", "noopener nofollow ugc");
  await expect(comment.getByText(`@${mention}`, { exact: true })).toBeVisible();
  await expect(comment.getByRole("link", { name: `@${mention}` })).toHaveCount(0);
}

test("a comment's link, mention and bold text show formatted after posting, after reload and after editing", async ({ page, browser }) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await call<{ id: string }>(page.request, "group.create", { name: `Circle ${uniqueSuffix()}` });
  const sam = await secondPerson(browser, page.request, group.id);
  const { id } = await call<{ id: string }>(page.request, "thread.create", { groupId: group.id, title: "Market plan", body: "What do we need?" });
  await page.goto(`/threads/${id}`);
  await expectHydrated(page);

  const composer = page.getByRole("textbox", { name: "Add a comment" });
  await composer.pressSequentially("Thanks @Sam");
  await page.getByRole("listbox", { name: "People to mention" }).getByRole("option", { name: sam.person.name }).click();
  await composer.pressSequentially("see **the plan** at [the page](https://example.org/plan)");
  const mentionToken = (await composer.inputValue()).match(/\[@[^\]]+\]\(mention:[a-z0-9]+\)/)![0];
  await page.getByRole("button", { name: "Send comment" }).click();

  const comment = page.getByRole("article").filter({ hasText: "Thanks" });
  const first = { strong: "the plan", link: "the page", href: "https://example.org/plan", mention: sam.person.name };
  await expectFormatted(comment, first);

  await page.reload();
  await expectHydrated(page);
  await expectFormatted(comment, first);
  await expectNoAxeViolations(page, "main");

  await comment.getByRole("button", { name: "Edit" }).click();
  await page.getByRole("textbox", { name: "Edit your comment" }).fill(`Thanks ${mentionToken}, now **the new plan** is at [its page](https://example.org/new)`);
  await page.getByRole("button", { name: "Save comment" }).click();
  const edited = { strong: "the new plan", link: "its page", href: "https://example.org/new", mention: sam.person.name };
  await expectFormatted(comment, edited);
  await expect(comment.getByRole("link", { name: "the page" })).toHaveCount(0);

  await page.reload();
  await expectHydrated(page);
  await expectFormatted(comment, edited);
  await expect(comment.getByText("**")).toHaveCount(0);
  await sam.context.close();
});
