import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { sendInvitationEmail } from "@/server/invitations/mail";
import { deliverDueMail, MAX_ATTEMPTS, MAX_QUEUED_AGE_MS, removeLeftoverOneTimeLinks, retryDelayMs } from "@/server/mail/delivery";
import { sendMail } from "@/server/mail/service";
import { startSmtpListener } from "@/server/mail/test-smtp";
import { makeUser } from "@/server/test/factories";
import { requestPasswordReset } from "@/server/users/password-reset";

const MINUTE = 60_000;
let smtp: Awaited<ReturnType<typeof startSmtpListener>>;

beforeAll(async () => {
  smtp = await startSmtpListener();
});
afterAll(() => smtp.close());

/** Each test's own address, so tests never see each other's mail. */
const address = () => `person-${Math.random().toString(36).slice(2, 10)}@example.test`;
const receivedBy = (to: string) => smtp.received.filter((mail) => mail.to.includes(to));
const row = (id: string) => getDb().outboxMessage.findUniqueOrThrow({ where: { id } });
const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * MINUTE);
const pass = (now: Date, smtpUrl: string | null = smtp.url) => deliverDueMail(getDb(), now, { smtpUrl });

describe("deliverDueMail", () => {
  it("leaves the request alone: sendMail only queues, and a pass delivers once with the unsubscribe headers", async () => {
    const to = address();
    const { id } = await sendMail(getDb(), to, "Hello “there”", { heading: "Hi", paragraphs: ["Body text"] }, {
      unsubscribeUrl: "http://localhost:3000/api/unsubscribe?token=abc",
    });
    expect(await row(id)).toMatchObject({ status: "queued", attempts: 0, sentAt: null });
    expect(receivedBy(to)).toHaveLength(0);

    const now = new Date();
    await Promise.all([pass(now), pass(now)]);
    await pass(at(now, 60));
    const [mail, ...more] = receivedBy(to);
    expect(more).toHaveLength(0);
    expect(mail).toMatchObject({ subject: "Hello “there”" });
    expect(mail!.headers["list-unsubscribe"]).toBe("<http://localhost:3000/api/unsubscribe?token=abc>");
    expect(mail!.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail!.text).toContain("Body text");
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 1, error: null, sentAt: expect.any(Date) });
  });

  it("keeps mail in the outbox, untouched, while no SMTP server is configured", async () => {
    const to = address();
    const { id } = await sendMail(getDb(), to, "Kept", { heading: "Kept", paragraphs: [] });
    expect(await pass(new Date(), null)).toEqual({ smtpConfigured: false, sent: 0, retrying: 0, failed: 0 });
    expect(await row(id)).toMatchObject({ status: "queued", attempts: 0, error: null });
  });

  it("retries with growing waits through an outage (4xx, then no server at all) and delivers once it is back", async () => {
    const to = address();
    const { id } = await sendMail(getDb(), to, "Through the outage", { heading: "Outage", paragraphs: [] });
    const start = new Date();
    try {
      smtp.behave("tempfail");
      await pass(start);
      expect(await row(id)).toMatchObject({ status: "queued", attempts: 1, nextAttemptAt: at(start, 1) });
      expect((await row(id)).error).toMatch(/^Attempt 1 of 8 failed, will retry: 451 Mailbox busy/);

      await pass(at(start, 0.5));
      expect((await row(id)).attempts).toBe(1);

      const closed = await startSmtpListener();
      await closed.close();
      await pass(at(start, 1), closed.url);
      expect(await row(id)).toMatchObject({ status: "queued", attempts: 2, nextAttemptAt: at(start, 1 + 5) });
      expect((await row(id)).error).toMatch(/ECONNREFUSED/);
      expect(receivedBy(to)).toHaveLength(0);
    } finally {
      smtp.behave("accept");
    }
    await pass(at(start, 6));
    await pass(at(start, 120));
    expect(receivedBy(to)).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 3, error: null });
  });

  it("fails an address the mail server refuses (5xx) at once, with a readable error, and never retries it", async () => {
    const to = address();
    const { id } = await sendMail(getDb(), to, "Bounce", { heading: "Bounce", paragraphs: [] });
    const now = new Date();
    try {
      smtp.behave("bounce");
      expect(await pass(now)).toMatchObject({ failed: 1 });
    } finally {
      smtp.behave("accept");
    }
    const failed = await row(id);
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    expect(failed.error).toBe("The mail server refused it, so it will not be retried: 550 No such user here");
    await pass(at(now, 24 * 60));
    expect(await row(id)).toMatchObject({ status: "failed", attempts: 1 });
    expect(receivedBy(to)).toHaveLength(0);
  });

  it("gives up after the last attempt", async () => {
    const to = address();
    const { id } = await sendMail(getDb(), to, "Never", { heading: "Never", paragraphs: [] });
    let now = new Date();
    try {
      smtp.behave("tempfail");
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        await pass(now);
        now = new Date(now.getTime() + retryDelayMs(attempt));
      }
    } finally {
      smtp.behave("accept");
    }
    const failed = await row(id);
    expect(failed).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(failed.error).toMatch(/^Gave up after 8 attempts\. Last error: 451/);
  });

  it("does not send mail that waited too long for a mail server", async () => {
    const to = address();
    const { id } = await sendMail(getDb(), to, "Stale", { heading: "Stale", paragraphs: [] });
    await pass(new Date(Date.now() + MAX_QUEUED_AGE_MS + MINUTE));
    expect(await row(id)).toMatchObject({ status: "failed", error: expect.stringContaining("out of date") });
    expect(receivedBy(to)).toHaveLength(0);
  });
});

describe("one-time links in the outbox", () => {
  const TOKEN = /\/reset-password\/[A-Za-z0-9_-]{43}/;
  const inviteTo = (email: string) =>
    sendInvitationEmail(getDb(), {
      email,
      token: "t".repeat(43),
      role: "member",
      message: "",
      expiresAt: new Date(Date.now() + 86_400_000),
      groupName: "Steering",
      inviterName: "Ana",
      invitedTo: null,
    });
  const latestTo = (to: string) => getDb().outboxMessage.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" } });

  it("keeps a reset link while the email waits, delivers it, then stores the email without it", async () => {
    const user = await makeUser();
    await requestPasswordReset(getDb(), user.email);
    const queued = await latestTo(user.email);
    expect(queued.text).toMatch(TOKEN);

    await pass(new Date());
    const [mail] = receivedBy(user.email);
    expect(mail!.text).toMatch(TOKEN);
    const sent = await row(queued.id);
    expect(sent.status).toBe("sent");
    for (const part of [sent.text, sent.html]) {
      expect(part).not.toMatch(TOKEN);
      expect(part).toContain("/reset-password/[link removed after sending]");
    }
    expect(sent.text).toContain("Choose a new password");
  });

  it("removes an invitation link from an email the mail server refused, and leaves other links alone", async () => {
    const to = address();
    await inviteTo(to);
    const { id: other } = await sendMail(getDb(), to, "Notification", {
      heading: "News",
      paragraphs: [],
      action: { label: "Open", url: "http://localhost:3000/groups/steering/threads/abc" },
      footerLinks: [{ label: "Unsubscribe", url: "http://localhost:3000/unsubscribe?token=signed" }],
    });
    try {
      smtp.behave("bounce");
      await pass(new Date());
    } finally {
      smtp.behave("accept");
    }
    const invitation = await getDb().outboxMessage.findFirstOrThrow({ where: { to, subject: { contains: "invited you" } } });
    expect(invitation.status).toBe("failed");
    expect(invitation.text).not.toContain("t".repeat(43));
    expect(invitation.html).toContain('href="http://localhost:3000/invitations/[link removed after sending]"');
    const notification = await row(other);
    expect(notification.text).toContain("http://localhost:3000/groups/steering/threads/abc");
    expect(notification.text).toContain("/unsubscribe?token=signed");
  });

  it("clears the links older versions left in sent mail, and none in mail still waiting", async () => {
    const [sentTo, waitingTo] = [address(), address()];
    await inviteTo(sentTo);
    await inviteTo(waitingTo);
    const old = await latestTo(sentTo);
    await getDb().outboxMessage.update({ where: { id: old.id }, data: { status: "sent", sentAt: new Date() } });

    expect(await removeLeftoverOneTimeLinks(getDb())).toBeGreaterThanOrEqual(1);
    expect((await row(old.id)).text).toContain("/invitations/[link removed after sending]");
    expect((await row(old.id)).html).not.toContain("t".repeat(43));
    expect((await latestTo(waitingTo)).text).toContain(`/invitations/${"t".repeat(43)}`);
    expect(await removeLeftoverOneTimeLinks(getDb())).toBe(0);
  });
});

describe("retryDelayMs", () => {
  it("waits 1, 5, 15 minutes, an hour, two, then four hours at most", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((attempt) => retryDelayMs(attempt) / MINUTE)).toEqual([1, 5, 15, 60, 120, 240, 240, 240]);
  });
});
