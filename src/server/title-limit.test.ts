import { describe, expect, it } from "vitest";
import { TITLE_MAX, titleTooLong } from "@/lib/title-limit";
import { getDb } from "@/server/db";
import { addMember, callerFor, makeGroup, makeUser } from "@/server/test/factories";

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);
/** Words, so a cut would land mid-word: the last character is the 201st. */
const tooLong = `${"Community garden ".repeat(12)}water butts`.slice(0, TITLE_MAX + 1);
const longest = tooLong.slice(0, TITLE_MAX - 1) + "s";

describe("titles over the limit", () => {
  it("are refused, never cut, with the same words the form shows, on everything titled", async () => {
    const group = await makeGroup();
    const admin = await makeUser();
    await addMember(group.id, admin.id, "admin");
    const { caller } = callerFor(admin.id);
    const message = "Keep the title to 200 characters or fewer";
    expect(titleTooLong()).toBe(message);
    expect(tooLong).toHaveLength(201);

    const thread = await caller.thread.create({ groupId: group.id, title: "Charter", body: "Draft" });
    const document = await caller.document.create({ groupId: group.id, title: "Vision" });
    // Each made only when awaited: a refusal made earlier could settle before anyone listens to it.
    const attempts = [
      () => caller.thread.create({ groupId: group.id, title: tooLong, body: "Draft" }),
      () => caller.thread.update({ id: thread.id, title: tooLong }),
      () => caller.poll.create({ groupId: group.id, kind: "proposal", title: tooLong, closingAt: inDays(7) }),
      () => caller.document.create({ groupId: group.id, title: tooLong }),
      () => caller.document.rename({ id: document.id, title: tooLong }),
      () => caller.meeting.create({ groupId: group.id, title: tooLong, startsAt: inDays(2) }),
      () => caller.resource.create({ groupId: group.id, kind: "link", url: "https://example.org", title: tooLong }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toThrow(message);
    await expect(caller.folder.create({ groupId: group.id, name: "x".repeat(81) })).rejects.toThrow(
      "Keep the folder name to 80 characters or fewer",
    );

    const kept = await caller.thread.create({ groupId: group.id, title: ` ${longest} `, body: "Draft" });
    await expect(getDb().thread.findUniqueOrThrow({ where: { id: kept.id } })).resolves.toMatchObject({ title: longest });
  });
});
