import { describe, expect, it } from "vitest";
import { mentionToken } from "@/lib/mentions";
import { getDb } from "@/server/db";
import { runPollSchedule } from "@/server/polls/scheduler";
import { addMember, callerFor, makeGroup, makeUser } from "@/server/test/factories";

async function circle() {
  const group = await makeGroup();
  const [admin, alice, bob] = await Promise.all([makeUser({ name: "Ada Admin" }), makeUser({ name: "Alice Member" }), makeUser({ name: "Bob Member" })]);
  await addMember(group.id, admin.id, "admin");
  await addMember(group.id, alice.id, "member");
  await addMember(group.id, bob.id, "member");
  const as = (user: { id: string }) => callerFor(user.id).caller;
  return { group, admin, alice, bob, as };
}

const inOneHour = () => new Date(Date.now() + 60 * 60 * 1000);

describe("notification excerpts", () => {
  it("show the first words of a new thread and of a comment, as plain text without markdown", async () => {
    const { group, admin, alice, as } = await circle();
    const body = "## Budget\n\nPlease read **the draft** and [the notes](https://example.org/notes) before `Friday`.\n\n![chart](/api/images/x)";
    const thread = await as(admin).thread.create({ groupId: group.id, title: "Budget", body });
    const [started] = (await as(alice).notification.list({})).items;
    expect(started).toMatchObject({ kind: "new_thread", excerpt: "Budget Please read the draft and the notes before Friday. chart" });

    const { caller, published } = callerFor(alice.id);
    const long = `${mentionToken(admin)} *Agreed*, ${"and the garden too ".repeat(20)}`;
    await caller.comment.create({ threadId: thread.id, body: long });
    const [mention] = (await as(admin).notification.list({})).items;
    expect(mention!.kind).toBe("mention");
    expect(mention!.excerpt).toMatch(/^@Ada Admin Agreed, and the garden too and/);
    expect(mention!.excerpt).not.toMatch(/[*[\]()]/);
    expect(mention!.excerpt.length).toBeLessThanOrEqual(140);
    expect(mention!.excerpt.endsWith("…")).toBe(true);
    const live = published.find(({ name, room }) => name === "notification.created" && room === `user:${admin.id}`);
    expect(live?.payload).toMatchObject({ excerpt: mention!.excerpt });
  });

  it("are left out of poll notifications, whose ballots may be anonymous", async () => {
    const { group, admin, alice, as } = await circle();
    await as(admin).poll.create({ groupId: group.id, kind: "proposal", title: "Adopt", details: "Secret **reasons**", closingAt: inOneHour(), anonymous: true });
    const [request] = (await as(alice).notification.list({})).items;
    expect(request).toMatchObject({ kind: "new_poll", excerpt: "" });
  });
});

describe("requests to vote", () => {
  it("are marked read when the person votes, and say they voted", async () => {
    const { group, admin, alice, bob, as } = await circle();
    const thread = await as(admin).thread.create({ groupId: group.id, title: "Dates", body: "When?" });
    const inThread = await as(admin).poll.create({ groupId: group.id, threadId: thread.id, kind: "proposal", title: "Saturday", closingAt: inOneHour() });
    await as(admin).poll.create({ groupId: group.id, threadId: thread.id, kind: "proposal", title: "Sunday", closingAt: inOneHour() });
    await runPollSchedule(getDb(), () => {});
    const requests = async (user: { id: string }) =>
      (await as(user).notification.list({})).items.filter(({ kind }) => kind === "new_poll" || kind === "poll_closing");
    expect((await requests(alice)).map(({ read, voted }) => ({ read, voted }))).toEqual(Array(4).fill({ read: false, voted: false }));

    const [agree] = (await as(alice).poll.byId({ id: inThread.id })).options;
    await as(alice).poll.vote({ pollId: inThread.id, choices: [{ optionId: agree!.id }] });

    const after = await requests(alice);
    const about = (title: string) => after.filter((item) => item.title === title).map(({ kind, read, voted }) => ({ kind, read, voted }));
    expect(about("Saturday").sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { kind: "new_poll", read: true, voted: true },
      { kind: "poll_closing", read: true, voted: true },
    ]);
    // Another poll of the same thread still asks for a vote, and so does Bob's copy.
    expect(about("Sunday").every(({ read, voted }) => !read && !voted)).toBe(true);
    expect((await requests(bob)).every(({ read, voted }) => !read && !voted)).toBe(true);
    // Sunday's two requests and the new thread.
    expect(await as(alice).notification.unreadCount()).toBe(3);
  });
});
