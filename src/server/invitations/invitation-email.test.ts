import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { deliverDueMail } from "@/server/mail/delivery";
import { addMember, callerFor, makeDocument, makeGroup, makeUser } from "@/server/test/factories";

type Received = { to: string[]; raw: string };
const received: Received[] = [];

/** A real SMTP listener on a free port, so the whole path from invitation to mail server is exercised. */
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      received.push({
        to: session.envelope.rcptTo.map(({ address }) => address),
        raw: Buffer.concat(chunks).toString("utf8"),
      });
      callback();
    });
  },
});

/** Undoes quoted-printable soft line breaks and escapes, enough to read links and ASCII text. */
function decodeQuotedPrintable(raw: string): string {
  return raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await new Promise<void>((resolve) => server.close(resolve));
});

describe("invitation email over SMTP", () => {
  it("reaches the invitee with the group in the subject and the link in the body, and is marked sent", async () => {
    const admin = await makeUser({ name: "Ada Admin" });
    const group = await makeGroup({ name: "Riverside Garden" });
    await addMember(group.id, admin.id, "admin");

    const result = await callerFor(admin.id).caller.invitation.create({
      groupId: group.id,
      emails: ["rosa@example.test"],
      role: "member",
      message: "See you on Saturday",
    });

    expect(result.emailSent).toBe(true);
    const { link } = result.invitations[0]!;
    expect(received).toHaveLength(0);
    await deliverDueMail(getDb());
    expect(received).toHaveLength(1);
    const mail = received[0]!;
    expect(mail.to).toEqual(["rosa@example.test"]);
    const body = decodeQuotedPrintable(mail.raw);
    expect(body).toMatch(/^Subject: .*Riverside Garden/m);
    expect(body).toContain(link);
    expect(body).toContain("See you on Saturday");

    const message = await getDb().outboxMessage.findFirstOrThrow({ where: { to: "rosa@example.test" } });
    expect(message).toMatchObject({ status: "sent", sentAt: expect.any(Date), error: null });
  });
});

describe("a guest's invitation to read a document", () => {
  it("names the document in the email, its resend and the invitation page", async () => {
    const admin = await makeUser({ name: "Ada Admin" });
    const group = await makeGroup({ name: "Riverside Garden" });
    await addMember(group.id, admin.id, "admin");
    const document = await makeDocument({ groupId: group.id, createdById: admin.id, title: "Vision 2030" });
    const { caller } = callerFor(admin.id);

    const result = await caller.invitation.create({ groupId: group.id, emails: ["gil@example.test"], role: "guest", documentId: document.id });
    const resent = await caller.invitation.resend({ id: result.invitations[0]!.id });

    const mails = await getDb().outboxMessage.findMany({ where: { to: "gil@example.test" }, orderBy: { createdAt: "asc" } });
    expect(mails).toHaveLength(2);
    for (const mail of mails) {
      expect(mail.subject).toBe("Ada Admin invited you to read “Vision 2030” in Riverside Garden on Hearth");
      expect(mail.text).toContain("Ada Admin has invited you to read “Vision 2030” in Riverside Garden.");
    }
    const token = new URL(resent.link).pathname.split("/").pop()!;
    await expect(callerFor(null).caller.invitation.preview({ token })).resolves.toMatchObject({ invitedTo: { kind: "document", title: "Vision 2030" } });
  });
});

describe("a guest's invitation to one thread", () => {
  it("names the discussion in the email and on the invitation page", async () => {
    const admin = await makeUser({ name: "Ada Admin" });
    const group = await makeGroup({ name: "Riverside Garden" });
    await addMember(group.id, admin.id, "admin");
    const { caller } = callerFor(admin.id);
    const thread = await caller.thread.create({ groupId: group.id, title: "Lived experience", body: "What helped?" });

    const result = await caller.invitation.create({ groupId: group.id, emails: ["hal@example.test"], role: "guest", threadId: thread.id });

    const mail = await getDb().outboxMessage.findFirstOrThrow({ where: { to: "hal@example.test" } });
    expect(mail.subject).toBe("Ada Admin invited you to join the discussion “Lived experience” in Riverside Garden on Hearth");
    expect(mail.text).toContain("Ada Admin has invited you to join the discussion “Lived experience” in Riverside Garden.");
    const token = new URL(result.invitations[0]!.link).pathname.split("/").pop()!;
    await expect(callerFor(null).caller.invitation.preview({ token })).resolves.toMatchObject({
      invitedTo: { kind: "thread", title: "Lived experience" },
    });
  });
});
