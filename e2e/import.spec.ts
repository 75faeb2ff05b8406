import { expect, test } from "@playwright/test";
import { ADMIN, call, expectHydrated, expectNoAxeViolations, secondPerson, signInAsAdmin, uniqueSuffix } from "./support";

/**
 * A small Loomio group export as Loomio writes it (docs: /work/shared/reference/loomio-export.md):
 * JSON Lines, one `{ table, record }` per line, every record with its columns, children before
 * their parents. Names, addresses and ids are this run's own, as the server is shared.
 */
function loomioExport(suffix: string) {
  const base = 100_000 + Math.floor(Math.random() * 800_000);
  const ids = { group: base, ada: base + 1, grace: base + 2, discussion: base + 3, poll: base + 4 };
  const at = (day: number) => new Date(Date.UTC(2025, 2, day, 10, 0, 0)).toISOString();
  const group = {
    id: ids.group,
    name: `Loomio Circle ${suffix}`,
    full_name: `Loomio Circle ${suffix}`,
    handle: `loomio-circle-${suffix}`,
    key: `key${suffix}`,
    parent_id: null,
    description: "<p>Our <strong>old</strong> home</p>",
    description_format: "html",
    creator_id: ids.ada,
    archived_at: null,
    is_visible_to_public: false,
    members_can_add_members: true,
    members_can_start_discussions: true,
    members_can_raise_motions: true,
    created_at: at(1),
  };
  const user = (id: number, name: string, email: string) => ({
    id,
    email,
    name,
    username: name.toLowerCase().replace(/\W+/g, ""),
    short_bio: "",
    time_zone: "Europe/London",
    avatar_initials: name.slice(0, 2).toUpperCase(),
    deactivated_at: null,
    created_at: at(1),
    api_key: `secret-api-key-${id}`,
    authentication_token: null,
  });
  const membership = (id: number, userId: number, admin: boolean) => ({
    id,
    group_id: ids.group,
    user_id: userId,
    inviter_id: null,
    admin,
    delegate: false,
    title: null,
    accepted_at: at(1),
    revoked_at: null,
    created_at: at(1),
  });
  const comment = (id: number, userId: number, parent: [string, number], body: string, format: "md" | "html", day: number) => ({
    id,
    discussion_id: ids.discussion,
    user_id: userId,
    parent_type: parent[0],
    parent_id: parent[1],
    body,
    body_format: format,
    edited_at: null,
    discarded_at: null,
    created_at: at(day),
  });
  const option = (id: number, name: string, priority: number) => ({ id, poll_id: ids.poll, name, priority, icon: name, meaning: null, prompt: null });
  const stance = (id: number, userId: number, optionId: number, reason: string) => ({
    id,
    poll_id: ids.poll,
    participant_id: userId,
    reason,
    reason_format: "md",
    latest: true,
    cast_at: at(4),
    option_scores: { [String(optionId)]: 1 },
    none_of_the_above: false,
    guest: false,
    created_at: at(4),
  });
  const agree = base + 20;
  const lines: { table: string; record: Record<string, unknown> }[] = [
    // Children first, as a real export may have them.
    { table: "comments", record: comment(base + 11, ids.ada, ["Comment", base + 10], "<p>Agreed, <em>let us go</em></p>", "html", 3) },
    { table: "stance_choices", record: { id: base + 40, stance_id: base + 30, poll_option_id: agree, score: 1 } },
    { table: "stance_choices", record: { id: base + 41, stance_id: base + 31, poll_option_id: agree, score: 1 } },
    { table: "users", record: user(ids.ada, `Ada Lovelace ${suffix}`, `ada.${suffix}@example.org`) },
    { table: "users", record: user(ids.grace, `Grace Hopper ${suffix}`, `grace.${suffix}@example.org`) },
    { table: "groups", record: group },
    { table: "memberships", record: membership(base + 50, ids.ada, true) },
    { table: "memberships", record: membership(base + 51, ids.grace, false) },
    {
      table: "discussions",
      record: {
        id: ids.discussion,
        group_id: ids.group,
        author_id: ids.ada,
        title: "Moving to Hearth",
        description: "Shall we take our history with us?",
        description_format: "md",
        private: true,
        closed_at: null,
        closer_id: null,
        pinned_at: null,
        discarded_at: null,
        tags: [],
        last_activity_at: at(4),
        created_at: at(2),
      },
    },
    { table: "comments", record: comment(base + 10, ids.grace, ["Discussion", ids.discussion], "Sounds good to me", "md", 2) },
    {
      table: "polls",
      record: {
        id: ids.poll,
        group_id: ids.group,
        discussion_id: ids.discussion,
        author_id: ids.ada,
        title: "Shall we move?",
        details: "",
        details_format: "md",
        poll_type: "proposal",
        closing_at: at(5),
        closed_at: at(5),
        discarded_at: null,
        anonymous: false,
        hide_results: 0,
        specified_voters_only: false,
        stance_reason_required: 1,
        min_score: null,
        max_score: null,
        minimum_stance_choices: null,
        maximum_stance_choices: null,
        dots_per_person: null,
        agree_target: null,
        voter_can_add_options: false,
        show_none_of_the_above: false,
        shuffle_options: false,
        custom_fields: {},
        process_name: null,
        tags: [],
        created_at: at(3),
      },
    },
    { table: "poll_options", record: option(agree, "agree", 0) },
    { table: "poll_options", record: option(base + 21, "abstain", 1) },
    { table: "poll_options", record: option(base + 22, "disagree", 2) },
    { table: "poll_options", record: option(base + 23, "block", 3) },
    { table: "stances", record: stance(base + 30, ids.ada, agree, "Yes, let us move") },
    { table: "stances", record: stance(base + 31, ids.grace, agree, "Agreed") },
    {
      table: "outcomes",
      record: {
        id: base + 60,
        poll_id: ids.poll,
        author_id: ids.ada,
        statement: "We move to Hearth.",
        statement_format: "md",
        poll_option_id: agree,
        review_on: null,
        latest: true,
        created_at: at(5),
      },
    },
    {
      table: "attachments",
      record: {
        id: base + 70,
        record_type: "Discussion",
        record_id: ids.discussion,
        filename: "minutes-2024.pdf",
        content_type: "application/pdf",
        url: "https://www.loomio.com/rails/active_storage/blobs/redirect/abc/minutes-2024.pdf",
      },
    },
  ];
  return { groupName: group.name, content: lines.map((line) => JSON.stringify(line)).join("\n") + "\n" };
}

test("the instance administrator imports a Loomio export: dry run, report, import, then the thread as it was", async ({ page }) => {
  test.slow();
  const suffix = uniqueSuffix();
  const { groupName, content } = loomioExport(suffix);
  await signInAsAdmin(page);

  await page.goto("/");
  await expectHydrated(page);
  await page.getByRole("button", { name: ADMIN.name }).click();
  await page.getByRole("menuitem", { name: "Import a group" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import" })).toBeVisible();
  await expectHydrated(page);

  await page.getByRole("radio", { name: "A Loomio export" }).check();
  await page.getByLabel("Export file").setInputFiles({ name: `loomio-${suffix}.json`, mimeType: "application/json", buffer: Buffer.from(content) });
  await page.getByRole("button", { name: "Upload and check" }).click();

  const created = page.getByRole("region", { name: "What the import will create" });
  await expect(created.getByText("2 comments", { exact: true })).toBeVisible();
  await expect(created.getByText("2 people", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Groups in this file" })).toContainText(groupName);
  await expect(page.getByText("Nothing has been imported yet.")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.reload();
  await expectHydrated(page);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByText("Imported. You are an admin of each group it brought in.")).toBeVisible();
  await expect(page.getByRole("region", { name: "What the import created" }).getByText("2 comments", { exact: true })).toBeVisible();
  await page.getByRole("region", { name: "Imported groups" }).getByRole("link", { name: groupName }).click();

  await expect(page.getByRole("heading", { level: 1, name: groupName })).toBeVisible();
  await page.getByRole("link", { name: "Moving to Hearth" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Moving to Hearth" })).toBeVisible();
  await expect(page.getByText("Sounds good to me")).toBeVisible();
  await expect(page.getByText("let us go", { exact: true })).toBeVisible();
  await expect(page.getByText("Attachment not migrated: minutes-2024.pdf")).toBeVisible();
  await expect(page.getByLabel("Upload minutes-2024.pdf")).toBeAttached();
});

test("nobody but the instance administrator reaches the import page or its upload", async ({ page, browser }) => {
  await signInAsAdmin(page);
  const group = await call<{ id: string }>(page.request, "group.create", { name: `Plain ${uniqueSuffix()}` });
  const { page: memberPage, context } = await secondPerson(browser, page.request, group.id);
  try {
    expect((await memberPage.goto("/admin/import"))?.status()).toBe(404);
    const upload = await memberPage.request.post("/api/imports?format=loomio", {
      multipart: { file: { name: "export.json", mimeType: "application/json", buffer: Buffer.from('{"table":"groups","record":{"id":1}}\n') } },
    });
    expect(upload.status()).toBe(403);
    expect(await upload.json()).toEqual({ error: { message: "Only the instance administrator can import data." } });
    await memberPage.goto("/");
    await expectHydrated(memberPage);
    await memberPage.getByRole("button", { name: /Sam Rivers/ }).click();
    await expect(memberPage.getByRole("menuitem", { name: "Import a group" })).toHaveCount(0);
  } finally {
    await context.close();
  }
});
