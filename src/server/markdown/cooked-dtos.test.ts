import { describe, expect, it } from "vitest";
import { mentionToken } from "@/lib/mentions";
import { addMember, callerFor, makeGroup, makeUser } from "@/server/test/factories";
import { htmlTokens } from "@/server/test/html-tokens";

const DAY = 86_400_000;

async function groupWithPeople() {
  const group = await makeGroup();
  const [admin, member, outsider] = await Promise.all([makeUser({ name: "Ada Admin" }), makeUser({ name: "Priya Shah" }), makeUser()]);
  await addMember(group.id, admin.id, "admin");
  await addMember(group.id, member.id, "member");
  const as = (user: { id: string }) => callerFor(user.id).caller;
  return { group, admin, member, outsider, as };
}

describe("comments carry their cooked HTML", () => {
  it("in the created comment, its live event and the list, and the new HTML once edited", async () => {
    const { group, admin, member, as } = await groupWithPeople();
    const { caller, published } = callerFor(member.id);
    const thread = await caller.thread.create({ groupId: group.id, title: "Charter", body: "Draft" });
    const body = `Thanks ${mentionToken(admin)}, see **the charter** at [the page](https://example.org/charter).`;
    const expected =
      '<p>Thanks <span class="rounded bg-ember-50 px-1 font-semibold text-ember-800">@Ada Admin</span>, see <strong>the charter</strong> at ' +
      '<a href="https://example.org/charter" rel="noopener nofollow ugc" target="_blank">the page</a>.</p>';

    const created = await caller.comment.create({ threadId: thread.id, body });
    expect(created).toMatchObject({ body, bodyHtml: expected });
    expect(published).toContainEqual(expect.objectContaining({ name: "comment.created", payload: expect.objectContaining({ bodyHtml: expected }) }));
    const listed = await as(admin).comment.list({ threadId: thread.id });
    expect(listed.items[0]).toMatchObject({ body, bodyHtml: expected });

    const edited = await caller.comment.update({ id: created.id, body: "Now _different_." });
    expect(edited.bodyHtml).toBe("<p>Now <em>different</em>.</p>");
    expect(published).toContainEqual(
      expect.objectContaining({ name: "comment.updated", payload: expect.objectContaining({ bodyHtml: "<p>Now <em>different</em>.</p>" }) }),
    );
    expect((await as(admin).comment.list({ threadId: thread.id })).items[0]).toMatchObject({
      body: "Now _different_.",
      bodyHtml: "<p>Now <em>different</em>.</p>",
    });
    expect(await as(admin).comment.revisions({ id: created.id })).toEqual([expect.objectContaining({ body, bodyHtml: expected })]);

    const deleted = await caller.comment.delete({ id: created.id });
    expect(deleted).toMatchObject({ body: "", bodyHtml: "" });
  });

  it("never as markup that runs script, calls a handler or loads an image from elsewhere", async () => {
    const { group, member, as } = await groupWithPeople();
    const thread = await as(member).thread.create({ groupId: group.id, title: "Trouble", body: "Hello" });
    const body = "<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))\n\n![](https://tracker.example/p.png)\n\n<script>alert(1)</script>";

    const { bodyHtml } = await as(member).comment.create({ threadId: thread.id, body });

    const tags = htmlTokens(bodyHtml).flatMap((token) => (token.type === "tag" ? [token] : []));
    expect(tags.map(({ name }) => name)).not.toEqual(expect.arrayContaining(["img", "script"]));
    expect(tags.flatMap(({ attributes }) => attributes.map(([name]) => name)).filter((name) => name.startsWith("on"))).toEqual([]);
    expect(bodyHtml).not.toContain("javascript:");
    expect(bodyHtml).toContain("&lt;img src=x onerror=alert(1)>");
    expect(bodyHtml).toContain('<a href="https://tracker.example/p.png" rel="noopener nofollow ugc noreferrer" target="_blank">[image]</a>');
  });
});

describe("threads, polls, meetings, resources and groups carry their cooked HTML", () => {
  it("thread.byId and thread.revisions, fresh after an edit", async () => {
    const { group, member, as } = await groupWithPeople();
    const { id } = await as(member).thread.create({ groupId: group.id, title: "Charter", body: "First **draft**" });
    expect(await as(member).thread.byId({ id })).toMatchObject({ body: "First **draft**", bodyHtml: "<p>First <strong>draft</strong></p>" });

    await as(member).thread.update({ id, body: "Second *draft*" });
    expect((await as(member).thread.byId({ id })).bodyHtml).toBe("<p>Second <em>draft</em></p>");
    expect(await as(member).thread.revisions({ id })).toEqual([
      expect.objectContaining({ body: "First **draft**", bodyHtml: "<p>First <strong>draft</strong></p>" }),
    ]);
  });

  it("poll.byId: the details, and the outcome once written", async () => {
    const { group, admin, member, as } = await groupWithPeople();
    const { id } = await as(admin).poll.create({
      groupId: group.id,
      kind: "proposal",
      title: "Adopt",
      details: "Read **this** first",
      closingAt: new Date(Date.now() + 7 * DAY),
    });
    expect(await as(member).poll.byId({ id })).toMatchObject({ detailsHtml: "<p>Read <strong>this</strong> first</p>", outcomeDetail: null });

    await as(admin).poll.update({ pollId: id, details: "Read _that_ first" });
    await as(admin).poll.close({ id });
    await as(admin).poll.setOutcome({ id, statement: "Adopted, see [minutes](https://example.org/m)." });
    const poll = await as(member).poll.byId({ id });
    expect(poll.detailsHtml).toBe("<p>Read <em>that</em> first</p>");
    expect(poll.outcomeDetail?.statementHtml).toBe(
      '<p>Adopted, see <a href="https://example.org/m" rel="noopener nofollow ugc" target="_blank">minutes</a>.</p>',
    );
  });

  it("meeting.byId: the agenda and minutes", async () => {
    const { group, admin, member, as } = await groupWithPeople();
    const { id } = await as(admin).meeting.create({ groupId: group.id, title: "December", startsAt: new Date(Date.now() + DAY), agenda: "1. Charter" });
    expect(await as(member).meeting.byId({ id })).toMatchObject({ agendaHtml: "<ol>\n<li>Charter</li>\n</ol>", minutesHtml: "" });

    await as(admin).meeting.update({ id, minutes: "We **agreed**." });
    expect(await as(member).meeting.byId({ id })).toMatchObject({ agendaHtml: "<ol>\n<li>Charter</li>\n</ol>", minutesHtml: "<p>We <strong>agreed</strong>.</p>" });
  });

  it("resource.byId: the description", async () => {
    const { group, admin, member, as } = await groupWithPeople();
    const { id } = await as(admin).resource.create({
      groupId: group.id,
      kind: "link",
      title: "Council page",
      url: "https://example.org/council",
      description: "The **council's** page",
    });
    expect((await as(member).resource.byId({ id })).descriptionHtml).toBe("<p>The <strong>council's</strong> page</p>");
    await as(admin).resource.update({ id, description: "Now *theirs*" });
    expect((await as(member).resource.byId({ id })).descriptionHtml).toBe("<p>Now <em>theirs</em></p>");
  });

  it("group.byId: the description, and nothing of it for outsiders", async () => {
    const { group, admin, member, outsider, as } = await groupWithPeople();
    await as(admin).group.update({ id: group.id, description: "We steer **together**." });
    expect(await as(member).group.byId({ id: group.id })).toMatchObject({ descriptionHtml: "<p>We steer <strong>together</strong>.</p>" });
    // Signed-in people outside the group see its outline, without the description.
    expect(await as(outsider).group.byId({ id: group.id })).toMatchObject({ description: "", descriptionHtml: "" });
  });
});
