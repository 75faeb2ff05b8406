import { expect, test, type Page } from "@playwright/test";
import { ADMIN, call, expectHydrated, expectNoAxeViolations, signInAsAdmin, secondPerson, uniqueSuffix } from "./support";


async function groupWithThread(page: Page, thread: { title: string; body: string; tags?: string[] }) {
  const group = await call<{ id: string; handle: string; name: string }>(page.request, "group.create", { name: `Circle ${uniqueSuffix()}` });
  const { id } = await call<{ id: string }>(page.request, "thread.create", { groupId: group.id, ...thread });
  return { group, threadId: id };
}

/** Any alert() or confirm() would mean injected script ran (Hearth itself never opens one). */
function recordDialogs(page: Page): string[] {
  const opened: string[] = [];
  page.on("dialog", (dialog) => {
    opened.push(dialog.message());
    void dialog.dismiss();
  });
  return opened;
}

const composer = (page: Page) => page.getByRole("textbox", { name: "Add a comment" });
const commentBy = (page: Page, text: string) => page.getByRole("article").filter({ hasText: text });

test("comment, reply, edit with history, react, delete; markdown is rendered safely", async ({ page }) => {
  test.slow();
  const dialogs = recordDialogs(page);
  await signInAsAdmin(page);
  const { group, threadId } = await groupWithThread(page, {
    title: "Winter gathering",
    body: "Shall we meet in **January**?",
    tags: ["CompassionateCommunity"],
  });
  await page.goto(`/threads/${threadId}`);

  await expect(page.getByRole("heading", { level: 1, name: "Winter gathering" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: group.name })).toHaveAttribute(
    "href",
    `/groups/${group.handle}`,
  );
  await expect(page.getByText("#CompassionateCommunity")).toBeVisible();
  await expect(page.locator("strong", { hasText: "January" })).toBeVisible();
  await expect(page.getByTestId("live-indicator")).toHaveText("Live");

  await composer(page).fill("Yes! <script>alert(1)</script> **bold** and [a link](https://example.org)");
  await page.getByRole("button", { name: "Send comment" }).click();
  const first = commentBy(page, "Yes!");
  await expect(first.locator("strong", { hasText: "bold" })).toBeVisible();
  await expect(first.getByText("<script>alert(1)</script>")).toBeVisible();
  await expect(first.getByRole("link", { name: "a link" })).toHaveAttribute("rel", "noopener nofollow ugc");
  await expect(composer(page)).toHaveValue("");

  await first.getByRole("button", { name: "Reply" }).click();
  await page.getByRole("textbox", { name: `Reply to ${ADMIN.name}` }).fill("A reply that must survive");
  await page.getByRole("button", { name: "Send reply" }).click();
  const replies = page.getByRole("list", { name: `Replies to ${ADMIN.name}` });
  await expect(replies.getByRole("paragraph").filter({ hasText: "A reply that must survive" })).toBeVisible();

  await first.getByRole("button", { name: "Edit" }).click();
  await page.getByRole("textbox", { name: "Edit your comment" }).fill("Yes, see you there");
  await page.getByRole("button", { name: "Save comment" }).click();
  const edited = commentBy(page, "Yes, see you there");
  await expect(edited).toBeVisible();
  await edited.getByRole("button", { name: /edited/ }).click();
  const history = page.getByRole("dialog", { name: "Earlier versions" });
  await expect(history.getByText("<script>alert(1)</script>")).toBeVisible();
  await expect(history.locator("strong", { hasText: "bold" })).toBeVisible();
  await expectNoAxeViolations(page, '[role="dialog"]');
  await history.getByRole("button", { name: "Close" }).click();

  await edited.getByRole("button", { name: "Add a reaction to this comment" }).click();
  await page.getByRole("menuitem", { name: "Thumbs up" }).click();
  const thumbs = edited.getByRole("button", { name: "Thumbs up: 1" });
  await expect(thumbs).toHaveAttribute("aria-pressed", "true");
  await thumbs.hover();
  await expect(page.getByRole("tooltip")).toContainText(ADMIN.name);

  await edited.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog", { name: "Delete this comment?" }).getByRole("button", { name: "Delete comment" }).click();
  await expect(page.getByText("Comment deleted")).toBeVisible();
  await expect(page.getByText("Yes, see you there")).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Replies to a deleted comment" }).getByText("A reply that must survive")).toBeVisible();

  await page.reload();
  await expect(page.getByText("Comment deleted")).toBeVisible();
  await expect(page.getByText("A reply that must survive")).toBeVisible();

  await composer(page).fill("Trying **the preview**");
  await page.getByRole("group", { name: "Add a comment: write or preview" }).getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("region", { name: "Add a comment: preview" }).locator("strong")).toHaveText("the preview");
  await expectNoAxeViolations(page);

  await page.setViewportSize({ width: 360, height: 800 });
  await expect(page.getByRole("heading", { level: 1, name: "Winter gathering" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(dialogs).toEqual([]);
});

test("toolbar and shortcuts format text; oversize comments are refused and kept", async ({ page }) => {
  test.slow();
  await signInAsAdmin(page);
  const { threadId } = await groupWithThread(page, { title: "Formatting", body: "Try the toolbar." });
  await page.goto(`/threads/${threadId}`);

  const box = composer(page);
  await box.fill("plan");
  await box.selectText();
  await page.getByRole("button", { name: "Bold (Ctrl+B)" }).click();
  await expect(box).toHaveValue("**plan**");
  await box.press("End");
  await box.press("Control+i");
  await expect(box).toHaveValue("**plan**_italic text_");

  const tooLong = "x".repeat(50_001);
  await box.fill(tooLong);
  await expect(page.getByText("1 character over the limit of 50,000")).toBeVisible();
  await page.getByRole("button", { name: "Send comment" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Keep it under 50,000 characters" })).toBeVisible();
  await expect(box).toHaveValue(tooLong);

  await box.fill("   ");
  await page.getByRole("button", { name: "Send comment" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Write something first" })).toBeVisible();

  await box.fill("Half a thought, kept as a draft");
  await page.reload();
  await expect(composer(page)).toHaveValue("Half a thought, kept as a draft");
});

test("two people: mention autocomplete, presence, typing and comments arrive live", async ({ page, browser }) => {
  test.slow();
  await signInAsAdmin(page);
  const { group, threadId } = await groupWithThread(page, { title: "Live together", body: "Who is here?" });
  const sam = await secondPerson(browser, page.request, group.id);

  await page.goto(`/threads/${threadId}`);
  await sam.page.goto(`/threads/${threadId}`);
  await expect(page.getByTestId("presence")).toContainText("2 people are viewing");
  await expect(sam.page.getByTestId("presence")).toContainText(ADMIN.name);

  const box = composer(page);
  await box.fill("Thanks @Sam");
  const suggestions = page.getByRole("listbox", { name: "People to mention" });
  await expect(suggestions.getByRole("option", { name: sam.person.name })).toBeVisible();
  await expect(box).toHaveAttribute("aria-activedescendant", /option-0/);
  await box.press("Enter");
  await expect(suggestions).toHaveCount(0);
  await expect(box).toHaveValue(new RegExp(`^Thanks \\[@${sam.person.name}\\]\\(mention:[a-z0-9]+\\) $`));
  await box.pressSequentially("for coming");
  await page.getByRole("button", { name: "Send comment" }).click();
  await expect(commentBy(page, "for coming").getByText(`@${sam.person.name}`)).toBeVisible();

  await expect(commentBy(sam.page, "for coming")).toBeVisible();

  await composer(sam.page).pressSequentially("On my way");
  await expect(page.getByTestId("presence")).toContainText(`${sam.person.name} is typing…`);
  await sam.page.getByRole("button", { name: "Send comment" }).click();
  await expect(commentBy(page, "On my way")).toBeVisible();
  await expect(page.getByTestId("presence")).not.toContainText("is typing");

  await commentBy(sam.page, "On my way").getByRole("button", { name: "Add a reaction to this comment" }).click();
  await sam.page.getByRole("menuitem", { name: "Celebrate" }).click();
  await expect(commentBy(page, "On my way").getByRole("button", { name: "Celebrate: 1" })).toBeVisible();

  await sam.context.close();
  await expect(page.getByTestId("presence")).toContainText("Only you are viewing");
});

test("a long thread opens at the first unread comment, with earlier and later pages on demand", async ({ page, browser }) => {
  test.slow();
  await signInAsAdmin(page);
  const { group, threadId } = await groupWithThread(page, { title: "A long conversation", body: "Lots to say." });
  const sam = await secondPerson(browser, page.request, group.id);
  for (let n = 1; n <= 3; n++) await call(page.request, "comment.create", { threadId, body: `Point number ${n}.` });
  const markedRead = sam.page.waitForResponse((response) => response.url().includes("thread.markRead") && response.ok());
  await sam.page.goto(`/threads/${threadId}`);
  await markedRead;
  for (let n = 4; n <= 55; n++) await call(page.request, "comment.create", { threadId, body: `Point number ${n}.` });

  await sam.page.goto(`/threads/${threadId}`);
  const divider = sam.page.locator("#new-comments");
  await expect(divider).toBeInViewport();
  await expect(sam.page.locator("li", { has: divider }).getByRole("article")).toContainText("Point number 4.");
  await expect(sam.page.getByText("Point number 3.")).toHaveCount(0);
  await expect(sam.page.getByText("Point number 55.")).toHaveCount(0);

  await expectHydrated(sam.page);
  await sam.page.getByRole("button", { name: "Load earlier comments" }).click();
  await expect(sam.page.getByText("Point number 1.")).toBeVisible();
  await sam.page.getByRole("button", { name: "Load more comments" }).click();
  await expect(sam.page.getByText("Point number 55.")).toBeVisible();
  await expect(sam.page.getByRole("button", { name: "Load more comments" })).toHaveCount(0);
  await sam.context.close();
});

test("a comment sent while offline is kept and sent when the connection returns", async ({ page, context }) => {
  test.slow();
  let online = true;
  const sockets: { close: () => Promise<void> }[] = [];
  await page.routeWebSocket(/\/socket\.io\//, (socket) => {
    if (!online) return void socket.close();
    socket.connectToServer();
    sockets.push(socket);
  });
  await signInAsAdmin(page);
  const { threadId } = await groupWithThread(page, { title: "Patchy signal", body: "On the train." });
  await page.goto(`/threads/${threadId}`);
  const indicator = page.getByTestId("live-indicator");
  await expect(indicator).toHaveText("Live");

  online = false;
  await context.setOffline(true);
  await Promise.all(sockets.map((socket) => socket.close()));
  await expect(indicator).toHaveText("Reconnecting…");

  await composer(page).fill("Written in a tunnel");
  await page.getByRole("button", { name: "Send comment" }).click();
  await expect(page.getByText("Not sent yet — will send when you're back online.")).toBeVisible();
  await expect(composer(page)).toHaveValue("Written in a tunnel");
  expect(await page.evaluate((id) => localStorage.getItem(`hearth:draft:${id}:thread`), threadId)).toBe("Written in a tunnel");

  online = true;
  await context.setOffline(false);
  await expect(indicator).toHaveText("Live", { timeout: 20_000 });
  // The composer retries every few seconds once the socket is back; allow two attempts on a busy machine.
  await expect(commentBy(page, "Written in a tunnel")).toBeVisible({ timeout: 20_000 });
  await expect(composer(page)).toHaveValue("");
  await expect(page.getByText("Not sent yet")).toHaveCount(0);
  expect(await page.evaluate((id) => localStorage.getItem(`hearth:draft:${id}:thread`), threadId)).toBeNull();

  await page.reload();
  await expect(commentBy(page, "Written in a tunnel")).toHaveCount(1);
});

test("admins pin, close, reopen and move a thread; a closed thread takes no comments", async ({ page }) => {
  test.slow();
  await signInAsAdmin(page);
  const { threadId } = await groupWithThread(page, { title: "Moderated", body: "Rules apply." });
  const other = await call<{ id: string; name: string }>(page.request, "group.create", { name: `Elsewhere ${uniqueSuffix()}` });
  await page.goto(`/threads/${threadId}`);

  const options = page.getByRole("button", { name: "Thread options" });
  await options.click();
  await expectNoAxeViolations(page, '[role="menu"]');
  await page.getByRole("menuitem", { name: "Pin thread" }).click();
  await expect(page.getByText("Pinned", { exact: true })).toBeVisible();

  await options.click();
  await page.getByRole("menuitem", { name: "Close thread" }).click();
  await expect(page.getByText("This thread is closed, so it takes no new comments.")).toBeVisible();
  await expect(composer(page)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Reply" })).toHaveCount(0);

  await page.getByRole("button", { name: "Reopen thread" }).click();
  await expect(composer(page)).toBeVisible();
  await composer(page).fill("Open again");
  await page.getByRole("button", { name: "Send comment" }).click();
  await expect(commentBy(page, "Open again")).toBeVisible();

  await options.click();
  await page.getByRole("menuitem", { name: "Edit thread" }).click();
  await page.getByLabel("Title").fill("Moderated, with care");
  await page.getByLabel("Tags").fill("#rules");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Moderated, with care" })).toBeVisible();
  await expect(page.getByText("#rules")).toBeVisible();
  await page.getByRole("button", { name: /edited/ }).click();
  await expect(page.getByRole("dialog", { name: "Earlier versions" }).getByRole("heading", { name: "Moderated" })).toBeVisible();
  await page.keyboard.press("Escape");

  await options.click();
  await page.getByRole("menuitem", { name: "Move to another group…" }).click();
  const dialog = page.getByRole("dialog", { name: "Move this thread" });
  await dialog.getByLabel("Move to").selectOption({ label: other.name });
  await expectNoAxeViolations(page, '[role="dialog"]');
  await dialog.getByRole("button", { name: "Move thread" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText(other.name);
});

test("a thread that does not exist is not found", async ({ page }) => {
  await signInAsAdmin(page);
  const response = await page.goto("/threads/no-such-thread");
  expect(response?.status()).toBe(404);
});

test("the group page lists threads with tags, unread counts that update live, and a new-thread dialog", async ({ page, browser }) => {
  test.slow();
  await signInAsAdmin(page);
  const { group, threadId: alphaId } = await groupWithThread(page, { title: "Alpha", body: "first" });
  await call(page.request, "thread.create", { groupId: group.id, title: "Beta", body: "second", tags: ["budget"] });
  const second = await secondPerson(browser, page.request, group.id);

  await page.goto(`/groups/${group.handle}`);
  await expect(page.getByRole("heading", { name: "Threads" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Alpha" })).toHaveAttribute("href", `/threads/${alphaId}`);
  await expectNoAxeViolations(page);
  await expectHydrated(page);
  await page.getByRole("button", { name: "Show threads tagged #budget" }).click();
  await expect(page.getByRole("link", { name: "Alpha" })).toHaveCount(0);
  await page.getByRole("button", { name: "Clear tag" }).click();
  await expect(page.getByRole("link", { name: "Alpha" })).toBeVisible();

  await call(second.context.request, "comment.create", { threadId: alphaId, body: "one" });
  await call(second.context.request, "comment.create", { threadId: alphaId, body: "two" });
  const alpha = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Alpha" }) });
  await expect(alpha.getByText("2 unread")).toBeVisible();
  await expect(alpha.getByText("2 comments")).toBeVisible();
  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect(alpha.getByText("2 unread")).toHaveCount(0);

  await page.getByRole("button", { name: "New thread" }).click();
  await expectNoAxeViolations(page, '[role="dialog"]');
  await page.getByRole("button", { name: "Start thread" }).click();
  await expect(page.getByText("Give the thread a title")).toBeVisible();
  await page.getByLabel("Title").fill("Gamma");
  await page.getByRole("textbox", { name: "What would you like to discuss?" }).fill("third");
  await page.getByRole("button", { name: "Start thread" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Gamma" })).toBeVisible();

  await page.goto(`/groups/${group.handle}`);
  await page.getByRole("button", { name: "Closed" }).click();
  await expect(page.getByText("No threads match.")).toBeVisible();
  await second.context.close();
});
