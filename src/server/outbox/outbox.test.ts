import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { sendMail } from "@/server/mail/service";
import { addMember, callerFor, makeGroup, makeUser } from "@/server/test/factories";

describe("outbox.list", () => {
  it("shows the instance administrator every message, newest first, 25 at a time", async () => {
    const admin = await makeUser({ isAdmin: true });
    const db = getDb();
    for (let index = 0; index < 30; index++) {
      await db.outboxMessage.create({
        data: { to: `p${index}@example.test`, subject: `Message ${index}`, text: `Body ${index}`, html: "<p>html</p>", createdAt: new Date(2026, 0, 1, 0, index) },
      });
    }
    const { caller } = callerFor(admin.id);

    const first = await caller.outbox.list({});
    expect(first.items).toHaveLength(25);
    expect(first.items[0]).toEqual({
      id: expect.any(String),
      to: "p29@example.test",
      subject: "Message 29",
      text: "Body 29",
      createdAt: new Date(2026, 0, 1, 0, 29),
      sentAt: null,
      error: null,
    });
    expect(first.items[0]).not.toHaveProperty("html");
    const second = await caller.outbox.list({ cursor: first.nextCursor! });
    expect(second.items.map(({ subject }) => subject)).toEqual(["Message 4", "Message 3", "Message 2", "Message 1", "Message 0"]);
    expect(second.nextCursor).toBeNull();

    const queued = await sendMail(db, "new@example.test", "Newest", { heading: "Hi", paragraphs: ["There"] });
    await queued.delivery;
    expect((await caller.outbox.list({})).items[0]).toMatchObject({ subject: "Newest", text: expect.stringContaining("There") });
  });

  it("is refused to everyone else, group admins included", async () => {
    const [groupAdmin, person] = [await makeUser(), await makeUser()];
    await addMember((await makeGroup()).id, groupAdmin.id, "admin");
    await expect(callerFor(groupAdmin.id).caller.outbox.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(person.id).caller.outbox.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(null).caller.outbox.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
