import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as oneClickUnsubscribe } from "@/app/api/unsubscribe/route";
import { getDb } from "@/server/db";
import { deliverDueMail } from "@/server/mail/delivery";
import { startSmtpListener, type ReceivedMail } from "@/server/mail/test-smtp";
import { notify } from "@/server/notifications/notify";
import { mintUnsubscribeToken } from "@/server/notifications/unsubscribe-token";
import { inOneWeek, pollGroup } from "@/server/test/poll-fixtures";
import { addMember, callerFor, makeUser } from "@/server/test/factories";

let smtp: Awaited<ReturnType<typeof startSmtpListener>>;

beforeAll(async () => {
  smtp = await startSmtpListener();
  process.env.NEXTAUTH_URL = "https://hearth.example.org";
});
afterAll(async () => {
  delete process.env.NEXTAUTH_URL;
  await smtp.close();
});

/** Everything queued so far, delivered over real SMTP, then what each address received. */
async function deliver(): Promise<void> {
  await deliverDueMail(getDb(), new Date(), { smtpUrl: smtp.url });
}
const inbox = (email: string): ReceivedMail[] => smtp.received.filter(({ to }) => to.includes(email));
const mentionOf = (person: { id: string; name: string }) => `[@${person.name}](mention:${person.id})`;
/** The links of a message's plain-text part. */
const linksIn = (mail: ReceivedMail) => [...mail.text.matchAll(/https?:\/\/\S+/g)].map(([url]) => new URL(url));

describe("notification email", () => {
  it("a mention emails the person mentioned once, after the request, with the group in the subject and working links", async () => {
    const { group, admin, alice, bob, as } = await pollGroup();
    const thread = await as(admin).thread.create({ groupId: group.id, title: "Charter", body: "Draft" });
    const comment = await as(admin).comment.create({ threadId: thread.id, body: `${mentionOf(alice)} could you review the budget line?` });
    expect(inbox(alice.email)).toHaveLength(0);

    await deliver();
    await deliver();
    const [mail, ...more] = inbox(alice.email);
    expect(more).toHaveLength(0);
    expect(inbox(bob.email)).toHaveLength(0);
    expect(inbox(admin.email)).toHaveLength(0);
    expect(mail!.subject).toBe(`[${group.name}] ${(await getDb().user.findUniqueOrThrow({ where: { id: admin.id } })).name} mentioned you in “Charter”`);
    expect(mail!.text).toContain("could you review the budget line?");
    expect(mail!.html).toContain("could you review the budget line?");

    const links = linksIn(mail!);
    const item = links.find((url) => url.pathname === `/threads/${thread.id}`);
    expect(item?.origin).toBe("https://hearth.example.org");
    expect(item?.hash).toBe(`#comment-${comment.id}`);
    expect(mail!.html).toContain(`href="https://hearth.example.org/threads/${thread.id}#comment-${comment.id}"`);
    expect(links.map(({ pathname }) => pathname)).toEqual(expect.arrayContaining(["/settings/notifications", "/unsubscribe"]));
    expect(mail!.text).toContain(`your email setting for ${group.name} is “Email me only about mentions, replies and decisions”`);

    const header = /^<(.+)>$/.exec(mail!.headers["list-unsubscribe"] ?? "")?.[1];
    expect(new URL(header!).pathname).toBe("/api/unsubscribe");
    expect(mail!.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  });

  it("a muted thread sends nothing, while the bell still has it", async () => {
    const { group, admin, alice, as } = await pollGroup();
    const thread = await as(admin).thread.create({ groupId: group.id, title: "Muted", body: "Draft" });
    await as(alice).thread.follow({ id: thread.id, following: false });
    await as(admin).comment.create({ threadId: thread.id, body: mentionOf(alice) });
    const { id } = await as(admin).poll.create({ groupId: group.id, threadId: thread.id, kind: "proposal", title: "Muted poll", closingAt: inOneWeek() });
    await as(admin).poll.close({ id });
    await as(admin).poll.setOutcome({ id, statement: "Agreed." });
    await deliver();
    expect(inbox(alice.email)).toHaveLength(0);
    expect((await as(alice).notification.list({})).items.map(({ kind }) => kind).sort()).toEqual(["mention", "new_poll", "new_thread", "poll_outcome"]);
  });

  it("a followed thread emails each new comment at once, even at 'important' or 'digest', but not at 'none'", async () => {
    const { group, admin, alice, bob, as } = await pollGroup();
    const carol = await makeUser();
    await addMember(group.id, carol.id);
    const thread = await as(admin).thread.create({ groupId: group.id, title: "Venue", body: "Where?" });
    await as(bob).notificationSettings.update({ groupId: group.id, level: "digest" });
    await as(carol).notificationSettings.update({ level: "none" });
    for (const person of [alice, bob, carol]) await as(person).thread.follow({ id: thread.id, following: true });

    const comment = await as(admin).comment.create({ threadId: thread.id, body: "The community hall is free on Saturdays." });
    await as(alice).comment.create({ threadId: thread.id, body: "Works for me." });
    await deliver();

    const [toAlice, ...moreAlice] = inbox(alice.email);
    expect(moreAlice).toHaveLength(0);
    expect(toAlice!.subject).toMatch(new RegExp(`^\\[${group.name}\\] .+ commented in “Venue”$`));
    expect(toAlice!.text).toContain("The community hall is free on Saturdays.");
    expect(toAlice!.text).toContain("because you follow this thread");
    expect(linksIn(toAlice!).some((url) => url.pathname === `/threads/${thread.id}` && url.hash === `#comment-${comment.id}`)).toBe(true);
    expect(inbox(bob.email)).toHaveLength(2);
    expect(inbox(carol.email)).toHaveLength(0);
    expect(inbox(admin.email)).toHaveLength(0);
    expect((await as(carol).notification.list({})).items.filter(({ kind }) => kind === "new_comment")).toHaveLength(2);
  });

  it("a thread followed by starting it tells of comments under the bell, and by email only as the level says, until Follow is chosen", async () => {
    const { group, admin, alice, as } = await pollGroup();
    const thread = await as(admin).thread.create({ groupId: group.id, title: "Venue", body: "Where?" });
    await as(alice).comment.create({ threadId: thread.id, body: "The hall?" });
    await deliver();
    expect(inbox(admin.email)).toHaveLength(0);
    expect((await as(admin).notification.list({})).items.filter(({ kind }) => kind === "new_comment")).toHaveLength(1);

    await as(admin).thread.follow({ id: thread.id, following: true });
    await as(alice).comment.create({ threadId: thread.id, body: "Or the library?" });
    await deliver();
    expect(inbox(admin.email).map(({ text }) => text.includes("Or the library?"))).toEqual([true]);
  });

  it("kinds from other domains (resources, meetings) email through notify like the rest", async () => {
    const { group, admin, alice, bob, as } = await pollGroup();
    await as(alice).notificationSettings.update({ groupId: group.id, level: "all" });
    for (const kind of ["resource_published", "meeting_new", "meeting_changed"] as const) {
      await notify(getDb(), () => undefined, { recipients: [alice.id, bob.id, admin.id], kind, actorId: admin.id, groupId: group.id, title: `A ${kind}`, url: "/meetings/m1" });
    }
    await deliver();
    const actor = (await getDb().user.findUniqueOrThrow({ where: { id: admin.id } })).name;
    expect(inbox(alice.email).map(({ subject }) => subject).sort()).toEqual([
      `${actor} changed the meeting “A meeting_changed” in ${group.name}`,
      `${actor} published “A resource_published” in ${group.name}`,
      `${actor} scheduled the meeting “A meeting_new” in ${group.name}`,
    ]);
    expect(inbox(alice.email)[0]!.text).toContain("https://hearth.example.org/meetings/m1");
    expect(inbox(bob.email).map(({ subject }) => subject)).toEqual([`${actor} changed the meeting “A meeting_changed” in ${group.name}`]);
    expect(inbox(admin.email)).toHaveLength(0);
  });
});

describe("unsubscribe", () => {
  it("the link in the email works signed out: the page says what stops, confirming sets the group to 'none'", async () => {
    const { group, admin, alice, as } = await pollGroup();
    const thread = await as(admin).thread.create({ groupId: group.id, title: "Budget", body: "Numbers" });
    await as(admin).comment.create({ threadId: thread.id, body: mentionOf(alice) });
    await deliver();
    const page = linksIn(inbox(alice.email)[0]!).find(({ pathname }) => pathname === "/unsubscribe")!;
    const token = page.searchParams.get("token")!;

    const signedOut = callerFor(null).caller;
    expect(await signedOut.unsubscribe.preview({ token })).toEqual({ email: alice.email, group: { id: group.id, name: group.name }, unsubscribed: false });
    expect(await signedOut.unsubscribe.confirm({ token })).toMatchObject({ unsubscribed: true });
    expect(await signedOut.unsubscribe.preview({ token })).toMatchObject({ unsubscribed: true });
    expect((await as(alice).notificationSettings.get()).groups).toEqual([
      // Only email stops: push is chosen apart, on the settings page.
      { groupId: group.id, groupName: group.name, level: "none", inherited: false, pushLevel: "important", pushInherited: true },
    ]);

    await as(admin).comment.create({ threadId: thread.id, body: `Again ${mentionOf(alice)}` });
    await deliver();
    expect(inbox(alice.email)).toHaveLength(1);
  });

  it("the one-click header URL unsubscribes on a cookie-less POST (RFC 8058)", async () => {
    const { group, admin, bob, as } = await pollGroup();
    const thread = await as(admin).thread.create({ groupId: group.id, title: "Rota", body: "Who?" });
    await as(admin).comment.create({ threadId: thread.id, body: mentionOf(bob) });
    await deliver();
    const oneClick = /^<(.+)>$/.exec(inbox(bob.email)[0]!.headers["list-unsubscribe"]!)![1]!;
    const response = await oneClickUnsubscribe(
      new Request(oneClick, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" }),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(`Unsubscribed: Hearth sends ${bob.email} no more email about ${group.name}.`);
    expect((await as(bob).notificationSettings.get()).groups[0]).toMatchObject({ level: "none" });
  });

  it("an account link stops all notification email, including each group's own setting", async () => {
    const { group, alice, as } = await pollGroup();
    await as(alice).notificationSettings.update({ groupId: group.id, level: "all" });
    const token = mintUnsubscribeToken({ userId: alice.id, scope: "account" }, process.env.NEXTAUTH_SECRET!);
    expect(await callerFor(null).caller.unsubscribe.preview({ token })).toMatchObject({ group: null, unsubscribed: false });
    await callerFor(null).caller.unsubscribe.confirm({ token });
    expect(await as(alice).notificationSettings.get()).toMatchObject({ account: "none", groups: [{ level: "none", inherited: false }] });
  });

  it("refuses a forged or expired link, and a group the person has left, with clear messages and no change", async () => {
    const { group, alice, as } = await pollGroup();
    const secret = process.env.NEXTAUTH_SECRET!;
    const signedOut = callerFor(null).caller;
    const forged = mintUnsubscribeToken({ userId: alice.id, scope: group.id }, "someone-elses-secret-that-is-long-enough");
    await expect(signedOut.unsubscribe.confirm({ token: forged })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("This unsubscribe link is not valid."),
    });
    const expired = mintUnsubscribeToken({ userId: alice.id, scope: group.id }, secret, new Date(Date.now() - 61 * 24 * 60 * 60 * 1000));
    await expect(signedOut.unsubscribe.confirm({ token: expired })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("This unsubscribe link has expired"),
    });
    const response = await oneClickUnsubscribe(new Request(`https://hearth.example.org/api/unsubscribe?token=${encodeURIComponent(expired)}`, { method: "POST" }));
    expect(response.status).toBe(400);
    expect(await getDb().notificationSetting.count({ where: { userId: alice.id } })).toBe(0);

    const valid = mintUnsubscribeToken({ userId: alice.id, scope: group.id }, secret);
    await as(alice).member.leave({ groupId: group.id });
    await expect(signedOut.unsubscribe.preview({ token: valid })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: `You are no longer a member of ${group.name}, so Hearth sends you no email about it. Nothing was changed.`,
    });
    await expect(signedOut.unsubscribe.confirm({ token: valid })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getDb().notificationSetting.count({ where: { userId: alice.id } })).toBe(0);
  });
});
