import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { deliverDueMail } from "@/server/mail/delivery";
import { REMOVED_LINK } from "@/server/mail/one-time-links";
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
      status: "queued",
      attempts: 0,
      nextAttemptAt: expect.any(Date),
      sentAt: null,
      error: null,
      linkRemoved: false,
    });
    expect(first.smtpConfigured).toBe(false);
    expect(first.items[0]).not.toHaveProperty("html");
    const second = await caller.outbox.list({ cursor: first.nextCursor! });
    expect(second.items.map(({ subject }) => subject)).toEqual(["Message 4", "Message 3", "Message 2", "Message 1", "Message 0"]);
    expect(second.nextCursor).toBeNull();

    await sendMail(db, "new@example.test", "Newest", { heading: "Hi", paragraphs: ["There"] });
    expect((await caller.outbox.list({})).items[0]).toMatchObject({ subject: "Newest", text: expect.stringContaining("There") });
  });

  it("is refused to everyone else, group admins included", async () => {
    const [groupAdmin, person] = [await makeUser(), await makeUser()];
    await addMember((await makeGroup()).id, groupAdmin.id, "admin");
    await expect(callerFor(groupAdmin.id).caller.outbox.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(person.id).caller.outbox.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(null).caller.outbox.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("lets the instance administrator send a failed email again, and nobody else", async () => {
    const admin = await makeUser({ isAdmin: true });
    const db = getDb();
    const { id } = await sendMail(db, "gone@example.test", "Bounced", { heading: "Hi", paragraphs: [] });
    await db.outboxMessage.update({ where: { id }, data: { status: "failed", attempts: 1, error: "The mail server refused it: 550 No such user" } });
    const someone = await makeUser();
    await expect(callerFor(someone.id).caller.outbox.retry({ id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(null).caller.outbox.retry({ id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });

    const { caller } = callerFor(admin.id);
    expect(await caller.outbox.retry({ id })).toMatchObject({ id, status: "queued", attempts: 0, error: null });
    await expect(caller.outbox.retry({ id })).rejects.toMatchObject({ code: "CONFLICT", message: "Only an email that failed can be sent again." });
    await expect(caller.outbox.retry({ id: "missing" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await deliverDueMail(db, new Date(), { smtpUrl: null })).toMatchObject({ smtpConfigured: false });
    expect((await caller.outbox.list({})).items.find((item) => item.id === id)).toMatchObject({ status: "queued" });
  });

  it("says when a one-time link was removed, and does not send such an email again", async () => {
    const admin = await makeUser({ isAdmin: true });
    const db = getDb();
    const { id } = await sendMail(db, "reset@example.test", "Reset your Hearth password", {
      heading: "Reset",
      paragraphs: [],
      action: { label: "Choose a new password", url: "http://localhost:3000/reset-password/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG" },
    });
    const { caller } = callerFor(admin.id);
    expect((await caller.outbox.list({})).items.find((item) => item.id === id)).toMatchObject({ linkRemoved: false });

    await db.outboxMessage.update({
      where: { id },
      data: { status: "failed", attempts: 1, error: "550 No such user", text: `Choose a new password: http://localhost:3000/reset-password/${REMOVED_LINK}` },
    });
    expect((await caller.outbox.list({})).items.find((item) => item.id === id)).toMatchObject({ linkRemoved: true });
    await expect(caller.outbox.retry({ id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("one-time link was removed when it failed"),
    });
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "failed" });
  });
});
