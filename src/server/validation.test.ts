import { describe, expect, it } from "vitest";
import { z } from "zod";
import { getDb } from "@/server/db";
import { addMember, callerFor, makeGroup, makeUser } from "@/server/test/factories";
import { DATE_RANGE_MESSAGE, refineMarkdown, withinSaneYears, zText } from "@/server/validation";

const DEPTH_MESSAGE = "Quotes and lists can be nested at most 12 deep.";
const deepQuotes = "> ".repeat(24_000);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);

describe("zText", () => {
  it("cleans before trimming and counting, so a NUL-only title counts as empty", () => {
    const schema = zText().trim().min(1, "Give it a title").max(10, "Too long");
    expect(schema.parse(" Char\u0000ter\u0007 ")).toBe("Charter");
    expect(schema.safeParse("\u0000\u0000").error?.issues[0]?.message).toBe("Give it a title");
    expect(schema.parse("a\ud800b")).toBe("a\ufffdb");
  });
});

describe("refineMarkdown", () => {
  const schema = zText().max(50_000, "Too long").superRefine(refineMarkdown);

  it("refuses markdown beyond the limits with a message saying what to change", () => {
    expect(schema.safeParse(deepQuotes).error?.issues.map(({ message }) => message)).toEqual([DEPTH_MESSAGE]);
    expect(schema.safeParse(`${"> ".repeat(12)}Twelve is fine`).success).toBe(true);
  });

  it("leaves text over the length limit to the length check alone", () => {
    expect(schema.safeParse("> ".repeat(35_000)).error?.issues.map(({ message }) => message)).toEqual(["Too long"]);
  });
});

describe("withinSaneYears", () => {
  const schema = withinSaneYears(z.coerce.date("Choose a date"));

  it("accepts 1900 to 2200 and refuses dates outside with a clear message", () => {
    expect(schema.safeParse("1900-01-01T00:00:00Z").success).toBe(true);
    expect(schema.safeParse("2200-12-31T23:59:59Z").success).toBe(true);
    for (const date of ["1899-12-31T23:59:59Z", "2201-01-01T00:00:00Z", "+020255-01-01T00:00:00Z", new Date(-8.64e15)]) {
      expect(schema.safeParse(date).error?.issues[0]?.message).toBe(DATE_RANGE_MESSAGE);
    }
    expect(schema.safeParse("not a date").error?.issues[0]?.message).toBe("Choose a date");
  });
});

describe("the input schemas", () => {
  async function groupWithAdmin() {
    const group = await makeGroup();
    const admin = await makeUser();
    await addMember(group.id, admin.id, "admin");
    return { group, admin, caller: callerFor(admin.id).caller };
  }

  it("refuse markdown nested too deep in every field shown as markdown", async () => {
    const { group, caller } = await groupWithAdmin();
    const thread = await caller.thread.create({ groupId: group.id, title: "Charter", body: "Draft" });
    const meeting = await caller.meeting.create({ groupId: group.id, title: "Steering group", startsAt: inDays(2) });
    const poll = await caller.poll.create({ groupId: group.id, kind: "proposal", title: "Adopt", closingAt: inDays(7) });

    const deep = deepQuotes.slice(0, 10_000);
    const attempts = [
      () => caller.thread.create({ groupId: group.id, title: "Deep", body: deepQuotes }),
      () => caller.thread.update({ id: thread.id, body: deepQuotes }),
      () => caller.comment.create({ threadId: thread.id, body: deepQuotes }),
      () => caller.meeting.update({ id: meeting.id, agenda: deep }),
      () => caller.meeting.update({ id: meeting.id, minutes: deep }),
      () => caller.poll.create({ groupId: group.id, kind: "proposal", title: "Deep", details: deep, closingAt: inDays(7) }),
      () => caller.poll.setOutcome({ id: poll.id, statement: deep }),
      () => caller.group.update({ id: group.id, description: deep }),
      () => caller.resource.create({ groupId: group.id, kind: "link", title: "Deep", url: "https://example.org", description: deep }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toThrow(DEPTH_MESSAGE);
    expect(await getDb().comment.count({ where: { threadId: thread.id } })).toBe(0);
  });

  it("store names, titles and bodies without NUL or broken surrogates", async () => {
    const { group, caller } = await groupWithAdmin();
    const thread = await caller.thread.create({ groupId: group.id, title: "Char\u0000ter", body: "Dr\u0000aft \ud83d" });
    const comment = await caller.comment.create({ threadId: thread.id, body: "Agreed\u0000" });
    await caller.user.updateProfile({ name: "Priya\u0000 Shah", bio: "Nurse\u0007" });

    expect(await getDb().thread.findUniqueOrThrow({ where: { id: thread.id }, select: { title: true, body: true } })).toEqual({
      title: "Charter",
      body: "Draft \ufffd",
    });
    expect((await getDb().comment.findUniqueOrThrow({ where: { id: comment.id } })).body).toBe("Agreed");
    await expect(caller.thread.create({ groupId: group.id, title: "\u0000", body: "b" })).rejects.toThrow("Give the thread a title");
  });

  it("limit the options a saved poll template keeps, like those of a poll", async () => {
    const { group, caller } = await groupWithAdmin();
    const input = { groupId: group.id, name: "Many", kind: "poll" as const };
    await expect(caller.poll.saveTemplate({ ...input, defaults: { options: Array.from({ length: 51 }, (_, n) => `Option ${n}`) } })).rejects.toThrow(
      "Use at most 50 options",
    );
    await expect(caller.poll.saveTemplate({ ...input, defaults: { options: ["x".repeat(201)] } })).rejects.toThrow("Keep options under 200 characters");
  });

  it("refuse poll, meeting and proposal dates before 1900 or after 2200", async () => {
    const { group, caller } = await groupWithAdmin();
    await expect(
      caller.poll.create({ groupId: group.id, kind: "proposal", title: "Far", closingAt: new Date("2500-01-01T00:00:00Z") }),
    ).rejects.toThrow(DATE_RANGE_MESSAGE);
    await expect(caller.meeting.create({ groupId: group.id, title: "Old", startsAt: new Date("1800-06-01T10:00:00Z") })).rejects.toThrow(
      DATE_RANGE_MESSAGE,
    );
    const meeting = await caller.meeting.create({ groupId: group.id, title: "Soon", startsAt: inDays(2) });
    await expect(caller.meeting.update({ id: meeting.id, endsAt: new Date("9999-12-31T00:00:00Z") })).rejects.toThrow(DATE_RANGE_MESSAGE);
  });
});
