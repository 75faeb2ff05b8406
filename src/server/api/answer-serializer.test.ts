import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { serializeAnswer } from "@/server/api/answer-serializer";
import { addMember, callerFor, makeGroup, makeUser } from "@/server/test/factories";

/** What goes on the wire: the JSON text of the serialized answer. */
const sent = (value: unknown) => JSON.stringify(serializeAnswer(value));
const superjsonSent = (value: unknown) => JSON.stringify(superjson.serialize(value));

describe("serializeAnswer", () => {
  it("sends exactly what superjson sends, for plain values, Dates and everything it leaves to superjson", () => {
    const when = new Date("2026-12-04T10:00:00.000Z");
    const shared = { id: "x" };
    const sharedDate = new Date(0);
    const cases: unknown[] = [
      79,
      "text",
      null,
      true,
      [],
      {},
      { count: 3, items: [{ a: 1, at: new Date(1) }, { a: 2, at: new Date(2), nested: { deeper: [new Date(3), null] } }], next: null },
      [new Date(5), { "0": new Date(6), "10": new Date(7), "2": "two" }],
      { emptyList: [], emptyObject: {}, text: "a.b\\c", unicode: "é ✓ 👍" },
      Object.assign(Object.create(null) as object, { at: when }),
      // Left to superjson:
      when,
      undefined,
      { missing: undefined },
      [1, undefined],
      { notANumber: Number.NaN, infinite: Number.POSITIVE_INFINITY, negativeZero: -0 },
      { big: 10n },
      { map: new Map([["a", 1]]), set: new Set([1]) },
      { regex: /x/g, error: new Error("boom") },
      { "dotted.key": new Date(8) },
      { invalid: new Date(Number.NaN) },
      { "back\\slash": 1 },
      { one: shared, two: shared },
      { one: sharedDate, two: sharedDate },
      new (class Point {
        x = 1;
      })(),
      [1, , 3],
    ];
    for (const value of cases) expect(sent(value), superjsonSent(value)).toBe(superjsonSent(value));
  });

  it("round-trips through superjson.deserialize as the client reads it", () => {
    const value = { items: [{ at: new Date(1), name: "a" }], total: 1 };
    expect(superjson.deserialize(JSON.parse(sent(value)))).toEqual(value);
  });

  it("sends what superjson sends for real answers: threads, comments, a poll's results", async () => {
    const group = await makeGroup();
    const [admin, member] = [await makeUser(), await makeUser()];
    await addMember(group.id, admin.id, "admin");
    await addMember(group.id, member.id, "member");
    const asAdmin = callerFor(admin.id).caller;
    const thread = await asAdmin.thread.create({ groupId: group.id, title: "Plans", body: "**Spring** events", tags: ["events"] });
    const first = await asAdmin.comment.create({ threadId: thread.id, body: "First, with [a link](https://example.org)" });
    await callerFor(member.id).caller.comment.create({ threadId: thread.id, body: "A reply", parentId: first.id });
    await asAdmin.reaction.toggle({ subject: "comment", id: first.id, emoji: "👍" });
    const poll = await asAdmin.poll.create({ groupId: group.id, threadId: thread.id, kind: "proposal", title: "Agree?", closingAt: new Date(Date.now() + 86_400_000) });
    const [agree] = (await asAdmin.poll.byId({ id: poll.id })).options;
    await callerFor(member.id).caller.poll.vote({ pollId: poll.id, choices: [{ optionId: agree!.id }], reason: "Yes" });
    const caller = callerFor(member.id).caller;
    const answers = [
      await caller.thread.list({ groupId: group.id }),
      await caller.thread.byId({ id: thread.id }),
      await caller.comment.list({ threadId: thread.id }),
      await caller.poll.results({ pollId: poll.id }),
      await caller.notification.unreadCount(),
      await caller.notification.list({}),
    ];
    for (const answer of answers) {
      // The light walk answered (superjson would have copied it), and the same JSON goes out.
      expect(serializeAnswer(answer).json).toBe(answer);
      expect(sent(answer)).toBe(superjsonSent(answer));
    }
  });
});
