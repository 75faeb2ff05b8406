import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { call, expectHydrated, expectNoAxeViolations, invitedGuest, secondPerson, signInAsAdmin, uniqueSuffix } from "./support";

type Group = { id: string; handle: string; name: string };
type Created = { id: string };

const PHONE = { width: 360, height: 740 };

const headerBox = (page: Page) => page.getByRole("banner").getByRole("searchbox", { name: "Search Hearth" });
const pageBox = (page: Page) => page.getByRole("main").getByRole("searchbox", { name: "Search Hearth" });
const results = (page: Page) => page.getByRole("list", { name: "Search results" }).getByRole("listitem");
const resultTitled = (page: Page, title: string) => results(page).filter({ has: page.getByRole("link", { name: title }) });
/** The thread's own result (a comment's result may carry its thread's title too): each result starts with its kind. */
const threadResult = (page: Page, title: string) => resultTitled(page, title).filter({ hasText: /^Thread\b/ });
const chip = (page: Page, name: string) => page.getByRole("main").getByRole("button", { name, exact: true });

/** Searches from the box on /search, as a person would: clear, type, Enter. */
async function searchFor(page: Page, q: string) {
  await pageBox(page).fill(q);
  await pageBox(page).press("Enter");
  await expect(page).toHaveURL((url) => url.pathname === "/search" && url.searchParams.get("q") === q);
}

/** `email`'s account (signed in on `request`) joins another group as a member, through an invitation as anyone would. */
async function joinAlso(adminRequest: APIRequestContext, request: APIRequestContext, groupId: string, email: string) {
  const { invitations } = await call<{ invitations: { link: string }[] }>(adminRequest, "invitation.create", { groupId, emails: [email], role: "member" });
  await call(request, "invitation.accept", { token: new URL(invitations[0]!.link).pathname.split("/").pop() });
}

test("a member searches from the header: highlighted words, accents folded, chips, operators, and a comment far down its thread", async ({
  page,
  browser,
}) => {
  test.slow();
  await signInAsAdmin(page);
  const suffix = uniqueSuffix();
  // Words nobody else's journey writes, so the results are exactly this journey's.
  const jam = `marmalade${suffix}`;
  const crumpet = `crumpet${suffix}`;
  const quince = `quince${suffix}`;
  const kitchen = await call<Group>(page.request, "group.create", { name: `Kitchen circle ${suffix}` });
  const garden = await call<Group>(page.request, "group.create", { name: `Garden circle ${suffix}` });
  const sam = await secondPerson(browser, page.request, kitchen.id);
  await joinAlso(page.request, sam.context.request, garden.id, sam.person.email);

  const cafeTitle = `Café rota ${suffix}`;
  const cafe = await call<Created>(page.request, "thread.create", {
    groupId: kitchen.id,
    title: cafeTitle,
    body: `We meet at the Café on Tuesdays to make ${jam}.`,
  });
  const jarComment = await call<Created>(page.request, "comment.create", { threadId: cafe.id, body: `Bring empty jars for the ${jam}.` });
  const toastTitle = `Toast morning ${suffix}`;
  await call<Created>(page.request, "thread.create", { groupId: kitchen.id, title: toastTitle, body: `${jam} on toast, with a ${crumpet} or two.` });
  const stallTitle = `Jam stall ${suffix}`;
  await call<Created>(page.request, "thread.create", { groupId: garden.id, title: stallTitle, body: `The ${jam} stall needs a gazebo.` });

  // A long thread: the comment with the rare word comes after the first page of 50.
  const long = await call<Created>(page.request, "thread.create", { groupId: kitchen.id, title: `Summer fair ${suffix}`, body: "Everything about the fair." });
  for (let n = 1; n <= 50; n++) await call(page.request, "comment.create", { threadId: long.id, body: `Point ${n} about the fair.` });
  const farComment = await call<Created>(page.request, "comment.create", { threadId: long.id, body: `The ${quince} jelly goes on the top shelf.` });

  // "/" from anywhere focuses the header's box; Enter opens the results.
  const member = sam.page;
  await member.goto("/");
  await expectHydrated(member);
  await member.keyboard.press("/");
  await expect(headerBox(member)).toBeFocused();
  await member.keyboard.type(jam);
  await member.keyboard.press("Enter");
  await expect(member).toHaveURL((url) => url.pathname === "/search" && url.searchParams.get("q") === jam);
  await expect(member).toHaveTitle(`“${jam}” · Search · Hearth`);
  await expect(pageBox(member)).toHaveValue(jam);
  await expect(results(member)).toHaveCount(4);
  await expect(member.getByTestId("search-count")).toHaveText("4 results");
  for (const title of [cafeTitle, toastTitle, stallTitle]) {
    await expect(threadResult(member, title).locator("mark").first(), `the matched word in “${title}”`).toHaveText(new RegExp(jam, "i"));
  }
  await expect(threadResult(member, stallTitle)).toContainText(`in ${garden.name}`);
  await expect(results(member).filter({ hasText: "Bring empty jars" })).toContainText("Comment");
  await expectNoAxeViolations(member);

  // Type chips: comments only, then threads too, through `types` in the address.
  await chip(member, "Comments").click();
  await expect(chip(member, "Comments")).toHaveAttribute("aria-pressed", "true");
  await expect(member).toHaveURL((url) => url.searchParams.get("types") === "comment");
  await expect(results(member)).toHaveCount(1);
  await expect(results(member).first()).toContainText("Bring empty jars");
  await expect(results(member).first().getByRole("link")).toHaveAttribute("href", `/threads/${cafe.id}?comment=${jarComment.id}`);
  await chip(member, "Threads").click();
  await expect(results(member)).toHaveCount(4);
  await chip(member, "Comments").click();
  await expect(results(member)).toHaveCount(3);
  await chip(member, "Threads").click();
  await expect(chip(member, "Threads")).toHaveAttribute("aria-pressed", "false");
  await expect(results(member)).toHaveCount(4);

  // A typed `type:` presses its chip; pressing another chip moves it into the chips.
  await searchFor(member, `${jam} type:comment`);
  await expect(chip(member, "Comments")).toHaveAttribute("aria-pressed", "true");
  await expect(results(member)).toHaveCount(1);
  await chip(member, "Threads").click();
  await expect(pageBox(member)).toHaveValue(jam);
  await expect(member).toHaveURL((url) => url.searchParams.get("types") === "thread,comment");
  await expect(chip(member, "Comments")).toHaveAttribute("aria-pressed", "true");
  await expect(results(member)).toHaveCount(4);
  await chip(member, "Comments").click();
  await expect(results(member)).toHaveCount(3);
  await chip(member, "Threads").click();
  await expect(member).toHaveURL((url) => url.searchParams.get("types") === null);

  // Accents and case are folded: "cafe" finds "Café", highlighted as written.
  await searchFor(member, `cafe ${jam}`);
  await expect(threadResult(member, cafeTitle).locator("mark", { hasText: "Café" }).first()).toBeVisible();
  await expect(threadResult(member, stallTitle)).toHaveCount(0);

  // Operators: `in:` a group, `-word`, and one Hearth does not know.
  await searchFor(member, `${jam} in:${garden.handle}`);
  await expect(results(member)).toHaveCount(1);
  await expect(threadResult(member, stallTitle)).toHaveCount(1);
  await searchFor(member, `${jam} -${crumpet}`);
  await expect(threadResult(member, cafeTitle)).toHaveCount(1);
  await expect(threadResult(member, stallTitle)).toHaveCount(1);
  await expect(resultTitled(member, toastTitle)).toHaveCount(0);
  await searchFor(member, `${jam} foo:bar`);
  await expect(member.getByText("Ignored: foo:bar")).toBeVisible();
  await expect(results(member)).toHaveCount(4);
  await expectNoAxeViolations(member);

  // The status chips write `status:` into the query.
  await call(page.request, "thread.close", { id: cafe.id });
  await searchFor(member, jam);
  await chip(member, "Closed").click();
  await expect(chip(member, "Closed")).toHaveAttribute("aria-pressed", "true");
  await expect(pageBox(member)).toHaveValue(`${jam} status:closed`);
  await chip(member, "Threads").click();
  await expect(results(member)).toHaveCount(1);
  await expect(threadResult(member, cafeTitle)).toHaveCount(1);
  await chip(member, "Closed").click();
  await expect(pageBox(member)).toHaveValue(jam);
  await expect(results(member)).toHaveCount(3);

  // Nothing found: said plainly, with what to try, and a way out of the filters that caused it.
  await searchFor(member, `${jam} -${jam}`);
  await expect(member.getByText(`Nothing found for “${jam} -${jam}”.`)).toBeVisible();
  await expect(member.getByText("Check the spelling, or try fewer or other words.")).toBeVisible();
  await member.getByRole("button", { name: "Remove the filters" }).click();
  await expect(chip(member, "Threads")).toHaveAttribute("aria-pressed", "false");
  await expect(member).toHaveURL((url) => url.searchParams.get("types") === null);
  await expectNoAxeViolations(member);

  // A comment beyond the first page: the thread opens at it, highlighted and focused.
  await searchFor(member, quince);
  await expect(results(member)).toHaveCount(1);
  await results(member).first().getByRole("link").click();
  await expect(member).toHaveURL((url) => url.pathname === `/threads/${long.id}` && url.searchParams.get("comment") === farComment.id);
  const landed = member.locator(`#comment-${farComment.id}`);
  await expect(landed).toContainText(`The ${quince} jelly goes on the top shelf.`);
  await expect(landed).toBeInViewport();
  await expect(landed).toBeFocused();
  await expect(landed).toHaveCSS("border-top-color", "rgb(180, 65, 15)");
  await expect(member.getByRole("button", { name: "Load earlier comments" })).toBeVisible();
  await expectHydrated(member);

  // "/" typed into a field stays a character.
  const composer = member.getByRole("textbox", { name: "Add a comment" });
  await composer.click();
  await member.keyboard.type("and/or");
  await expect(composer).toHaveValue("and/or");
  await expect(headerBox(member)).not.toBeFocused();
  await composer.fill("");

  // On a group's pages the header offers to search that group only.
  await member.goto(`/groups/${kitchen.handle}`);
  await expectHydrated(member);
  await member.keyboard.press("/");
  const onlyHere = member.getByRole("banner").getByRole("checkbox", { name: `Only in ${kitchen.name}` });
  await onlyHere.check();
  await headerBox(member).fill(jam);
  await headerBox(member).press("Enter");
  await expect(member).toHaveURL((url) => url.searchParams.get("groupId") === kitchen.id);
  await expect(chip(member, `Group: ${kitchen.name}`)).toHaveAttribute("aria-pressed", "true");
  await expect(threadResult(member, cafeTitle)).toHaveCount(1);
  await expect(threadResult(member, stallTitle)).toHaveCount(0);
  await chip(member, `Group: ${kitchen.name}`).click();
  await expect(chip(member, `Group: ${kitchen.name}`)).toHaveAttribute("aria-pressed", "false");
  await expect(threadResult(member, stallTitle)).toHaveCount(1);
  await sam.context.close();
});

test("the empty search explains the operators; odd input gets an answer, never an error page", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/search");
  await expect(page).toHaveTitle("Search · Hearth");
  await expectHydrated(page);
  await expect(pageBox(page)).toBeFocused();
  await expect(page.getByText("Type to search", { exact: false })).toBeVisible();
  const help = page.getByRole("list", { name: "Ways to narrow a search" });
  for (const operator of ["@sam", "type:comment", "status:open", "-parking"]) await expect(help.getByText(operator)).toBeVisible();
  await expectNoAxeViolations(page);

  for (const odd of ['"unbalanced NEAR( quote*', "x".repeat(10_000)]) {
    await page.goto(`/search?q=${encodeURIComponent(odd)}`);
    await expect(page.getByText(/^Nothing found for/).or(page.getByRole("main").getByRole("alert"))).toBeVisible();
    await expect(page.getByRole("main")).not.toContainText(/syntax|fts5/i);
  }
});

test("a guest finds only the thread they were invited to", async ({ page, browser }) => {
  test.slow();
  await signInAsAdmin(page);
  const suffix = uniqueSuffix();
  const word = `rhubarb${suffix}`;
  const group = await call<Group>(page.request, "group.create", { name: `Allotment circle ${suffix}` });
  const invitedTitle = `Open day ${suffix}`;
  const invited = await call<Created>(page.request, "thread.create", { groupId: group.id, title: invitedTitle, body: `Bring ${word} for the visitors.` });
  const hiddenTitle = `Plot fees ${suffix}`;
  await call<Created>(page.request, "thread.create", { groupId: group.id, title: hiddenTitle, body: `Members pay for ${word} plots.` });
  const person = { name: `Gwen Guest ${suffix}`, email: `gwen.${suffix}@example.org`, password: "a guest's steady hearth" };
  const guest = await invitedGuest(browser, page, group.id, { threadId: invited.id }, person);

  await guest.page.goto("/");
  await expectHydrated(guest.page);
  await guest.page.keyboard.press("/");
  await headerBox(guest.page).fill(word);
  await headerBox(guest.page).press("Enter");
  await expect(resultTitled(guest.page, invitedTitle)).toHaveCount(1);
  await expect(results(guest.page)).toHaveCount(1);
  await expect(guest.page.getByRole("link", { name: hiddenTitle })).toHaveCount(0);

  await searchFor(guest.page, `${word} plots`);
  await expect(guest.page.getByText(`Nothing found for “${word} plots”.`)).toBeVisible();
  await expectNoAxeViolations(guest.page);
  await guest.context.close();
});

test("a person found by name opens the group's member directory filtered to them", async ({ page, browser }) => {
  await signInAsAdmin(page);
  const group = await call<Group>(page.request, "group.create", { name: `Choir ${uniqueSuffix()}` });
  const sam = await secondPerson(browser, page.request, group.id);
  await page.goto(`/search?q=${encodeURIComponent(`type:member ${sam.person.name}`)}`);
  await resultTitled(page, sam.person.name).getByRole("link", { name: sam.person.name }).click();
  await expect(page).toHaveURL(new RegExp(`/groups/${group.handle}/members`));
  await expect(page.getByRole("search", { name: "Members" }).getByRole("searchbox", { name: "Name" })).toHaveValue(sam.person.name);
  await expect(page.getByRole("main").getByText(sam.person.name).first()).toBeVisible();
  await sam.context.close();
});

test.describe("on a 360 px phone", () => {
  test.use({ viewport: PHONE });

  test("the search folds into an icon in a one-row header, opens over it, and its results fit the screen", async ({ page }) => {
    await signInAsAdmin(page);
    const suffix = uniqueSuffix();
    const word = `gooseberry${suffix}`;
    const group = await call<Group>(page.request, "group.create", { name: `Orchard circle ${suffix}` });
    const title = `Picking day ${suffix}`;
    await call(page.request, "thread.create", { groupId: group.id, title, body: `Baskets for the ${word} harvest.` });

    await page.goto("/");
    await expectHydrated(page);
    const header = page.getByRole("banner");
    await expect(headerBox(page)).toBeHidden();
    const opener = header.getByRole("button", { name: "Search", exact: true });
    await opener.click();
    await expect(headerBox(page)).toBeFocused();
    expect((await header.boundingBox())!.height, "the header's height: one row").toBeLessThan(64);
    await expectNoAxeViolations(page);

    await page.keyboard.press("Escape");
    await expect(headerBox(page)).toBeHidden();
    await expect(opener).toBeFocused();

    await page.keyboard.press("/");
    await expect(headerBox(page)).toBeFocused();
    await page.keyboard.type(word);
    await page.keyboard.press("Enter");
    await expect(resultTitled(page, title)).toHaveCount(1);
    expect((await header.boundingBox())!.height, "the header's height: one row").toBeLessThan(64);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), "no sideways scrolling").toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
  });
});

test("results come newest first, or best first with the toggle, which writes order:best into the search", async ({ page }) => {
  await signInAsAdmin(page);
  const suffix = uniqueSuffix();
  const word = `damson${suffix}`;
  const group = await call<Group>(page.request, "group.create", { name: `Hedgerow circle ${suffix}` });
  const namedTitle = `The ${word} hedge ${suffix}`;
  await call(page.request, "thread.create", { groupId: group.id, title: namedTitle, body: "Who can help with the laying in March?" });
  const mentionTitle = `Autumn walk ${suffix}`;
  await call(page.request, "thread.create", {
    groupId: group.id,
    title: mentionTitle,
    body: `Meet at the gate at ten. Bring boots, a flask and gloves; we pass the old orchard, the pond and the ${word} on the way back.`,
  });

  await page.goto(`/search?q=${encodeURIComponent(word)}`);
  await expectHydrated(page);
  const order = page.getByRole("group", { name: "Order of results" });
  await expect(page.getByRole("heading", { name: "All results, newest first" })).toBeVisible();
  await expect(order.getByRole("button", { name: "Newest first" })).toHaveAttribute("aria-pressed", "true");
  await expect(results(page)).toHaveCount(2);
  await expect(results(page).first().getByRole("link")).toHaveText(mentionTitle);

  await order.getByRole("button", { name: "Best first" }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get("q") === `${word} order:best`);
  await expect(pageBox(page)).toHaveValue(`${word} order:best`);
  await expect(page.getByRole("heading", { name: "All results, best first" })).toBeVisible();
  await expect(order.getByRole("button", { name: "Best first" })).toHaveAttribute("aria-pressed", "true");
  await expect(results(page).first().getByRole("link")).toHaveText(namedTitle);
  await expect(results(page)).toHaveCount(2);
  await expectNoAxeViolations(page);

  await order.getByRole("button", { name: "Newest first" }).click();
  await expect(pageBox(page)).toHaveValue(word);
  await expect(results(page).first().getByRole("link")).toHaveText(mentionTitle);
});
