import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { effectiveLevels } from "@/server/notifications/settings";
import { mintUnsubscribeToken } from "@/server/notifications/unsubscribe-token";
import { inOneWeek, pollGroup } from "@/server/test/poll-fixtures";
import { addMember, callerFor, makeGroup, makeUser } from "@/server/test/factories";

const mailTo = async (email: string, subject: string) =>
  getDb().outboxMessage.count({ where: { to: email, subject: { contains: subject } } });
const mentionOf = (person: { id: string; name: string }) => `Over to you [@${person.name}](mention:${person.id}).`;

describe("notificationSettings.get, update and reset", () => {
  it("starts at 'important' for the account, every group inheriting it", async () => {
    const me = await makeUser();
    const [alpha, beta] = await Promise.all([makeGroup({ name: "Alpha" }), makeGroup({ name: "Beta" }), makeGroup()]);
    await addMember(alpha.id, me.id, "member");
    await addMember(beta.id, me.id, "guest");
    expect(await callerFor(me.id).caller.notificationSettings.get()).toEqual({
      account: "important",
      pushAccount: "important",
      pushAtNight: false,
      groups: [
        { groupId: alpha.id, groupName: "Alpha", level: "important", inherited: true, pushLevel: "important", pushInherited: true },
        { groupId: beta.id, groupName: "Beta", level: "important", inherited: true, pushLevel: "important", pushInherited: true },
      ],
    });
  });

  it("sets the account default, overrides it per group, and resets a group to inherit again", async () => {
    const me = await makeUser();
    const group = await makeGroup();
    await addMember(group.id, me.id);
    const { caller } = callerFor(me.id);
    expect(await caller.notificationSettings.update({ level: "none" })).toMatchObject({
      account: "none",
      groups: [{ groupId: group.id, level: "none", inherited: true }],
    });
    expect(await caller.notificationSettings.update({ groupId: group.id, level: "all" })).toMatchObject({
      account: "none",
      groups: [{ groupId: group.id, level: "all", inherited: false }],
    });
    await caller.notificationSettings.update({ level: "digest" });
    expect((await caller.notificationSettings.get()).groups[0]).toMatchObject({ level: "all", inherited: false });
    expect(await caller.notificationSettings.reset({ groupId: group.id })).toMatchObject({
      account: "digest",
      groups: [{ groupId: group.id, level: "digest", inherited: true }],
    });
    expect(await getDb().notificationSetting.count({ where: { userId: me.id } })).toBe(1);
  });

  it("refuses a group the caller does not belong to, or has left, with a clear message", async () => {
    const me = await makeUser();
    const [theirs, mine] = await Promise.all([makeGroup(), makeGroup()]);
    const { id: membershipId } = await addMember(mine.id, me.id);
    const { caller } = callerFor(me.id);
    const notMember = { code: "NOT_FOUND", message: "You are not a member of that group." };
    await expect(caller.notificationSettings.update({ groupId: theirs.id, level: "all" })).rejects.toMatchObject(notMember);
    await expect(caller.notificationSettings.reset({ groupId: theirs.id })).rejects.toMatchObject(notMember);
    await caller.notificationSettings.update({ groupId: mine.id, level: "all" });
    await getDb().membership.delete({ where: { id: membershipId } });
    await expect(caller.notificationSettings.update({ groupId: mine.id, level: "none" })).rejects.toMatchObject(notMember);
    await expect(caller.notificationSettings.update({ groupId: "nonexistent", level: "none" })).rejects.toMatchObject(notMember);
    expect((await caller.notificationSettings.get()).groups).toEqual([]);
  });
});

describe("email and push chosen apart", () => {
  it("keeps the email level following the account when only push is chosen for a group, and the other way round", async () => {
    const me = await makeUser();
    const group = await makeGroup();
    await addMember(group.id, me.id);
    const { caller } = callerFor(me.id);
    const row = () => getDb().notificationSetting.findMany({ where: { userId: me.id, scope: group.id }, select: { level: true, pushLevel: true } });

    await caller.notificationSettings.update({ groupId: group.id, pushLevel: "all" });
    expect(await row()).toEqual([{ level: null, pushLevel: "all" }]);
    // The account's email level changes later: the group follows it, as nothing was chosen for its email.
    expect(await caller.notificationSettings.update({ level: "digest" })).toMatchObject({
      account: "digest",
      groups: [{ groupId: group.id, level: "digest", inherited: true, pushLevel: "all", pushInherited: false }],
    });
    expect(Object.fromEntries(await effectiveLevels(getDb(), [me.id], group.id))).toEqual({ [me.id]: "digest" });

    expect(await caller.notificationSettings.update({ groupId: group.id, level: "none" })).toMatchObject({
      groups: [{ level: "none", inherited: false, pushLevel: "all", pushInherited: false }],
    });
    // "Same as my account setting" for email leaves the group's push level as it was.
    expect(await caller.notificationSettings.reset({ groupId: group.id })).toMatchObject({
      groups: [{ level: "digest", inherited: true, pushLevel: "all", pushInherited: false }],
    });
    expect(await row()).toEqual([{ level: null, pushLevel: "all" }]);

    // Email alone for a group with no row: its push follows the account's.
    await caller.notificationSettings.update({ groupId: group.id, pushLevel: null });
    expect(await row()).toEqual([]);
    expect(await caller.notificationSettings.update({ groupId: group.id, level: "all" })).toMatchObject({
      groups: [{ level: "all", inherited: false, pushLevel: "important", pushInherited: true }],
    });
    expect(await row()).toEqual([{ level: "all", pushLevel: null }]);
    await caller.notificationSettings.reset({ groupId: group.id });
    expect(await row()).toEqual([]);
  });

  it("emails by the account's level, chosen later, someone who chose push alone for the group", async () => {
    const { group, admin, alice, as } = await pollGroup();
    await as(alice).notificationSettings.update({ groupId: group.id, pushLevel: "all" });
    await as(alice).notificationSettings.update({ level: "none" });
    const thread = await as(admin).thread.create({ groupId: group.id, title: "Pushy", body: "Draft" });
    await as(admin).comment.create({ threadId: thread.id, body: mentionOf(alice) });
    expect(await mailTo(alice.email, "mentioned you")).toBe(0);
  });

  it("counts a group with push chosen alone as unsubscribed when the whole account is", async () => {
    const { group, alice, as } = await pollGroup();
    const token = mintUnsubscribeToken({ userId: alice.id, scope: "account" }, process.env.NEXTAUTH_SECRET!);
    await callerFor(null).caller.unsubscribe.confirm({ token });
    await as(alice).notificationSettings.update({ groupId: group.id, pushLevel: "none" });
    expect(await callerFor(null).caller.unsubscribe.preview({ token })).toMatchObject({ unsubscribed: true });
    expect((await as(alice).notificationSettings.get()).groups).toEqual([expect.objectContaining({ level: "none", inherited: true })]);
  });
});

describe("effectiveLevels", () => {
  it("takes the group's row over the account's over the default", async () => {
    const group = await makeGroup();
    const other = await makeGroup();
    const [plain, accountOnly, both, otherGroupOnly] = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser()]);
    await getDb().notificationSetting.createMany({
      data: [
        { userId: accountOnly.id, scope: "account", level: "none" },
        { userId: both.id, scope: "account", level: "none" },
        { userId: both.id, scope: group.id, level: "all" },
        { userId: otherGroupOnly.id, scope: other.id, level: "none" },
      ],
    });
    const levels = await effectiveLevels(getDb(), [plain.id, accountOnly.id, both.id, otherGroupOnly.id], group.id);
    expect(Object.fromEntries(levels)).toEqual({
      [plain.id]: "important",
      [accountOnly.id]: "none",
      [both.id]: "all",
      [otherGroupOnly.id]: "important",
    });
  });
});

describe("email follows the settings; in-app notifications always arrive", () => {
  it("sends no mention email to someone who chose nothing, but still notifies them in the app", async () => {
    const { group, admin, alice, bob, as } = await pollGroup();
    await as(alice).notificationSettings.update({ groupId: group.id, level: "none" });
    const thread = await as(admin).thread.create({ groupId: group.id, title: "Charter", body: "Draft" });
    await as(admin).comment.create({ threadId: thread.id, body: `${mentionOf(alice)} ${mentionOf(bob)}` });
    expect(await mailTo(alice.email, "mentioned you")).toBe(0);
    expect(await mailTo(bob.email, "mentioned you")).toBe(1);
    const inApp = await as(alice).notification.list({});
    expect(inApp.items.filter(({ kind }) => kind === "mention")).toHaveLength(1);
  });

  it("sends no email at all about a muted thread, while the bell still shows it", async () => {
    const { group, admin, alice, as } = await pollGroup();
    const thread = await as(admin).thread.create({ groupId: group.id, title: "Muted", body: "Draft" });
    await as(alice).thread.follow({ id: thread.id, following: false });
    expect((await as(alice).thread.byId({ id: thread.id })).viewer.following).toBe(false);
    await as(admin).comment.create({ threadId: thread.id, body: mentionOf(alice) });
    expect(await mailTo(alice.email, "mentioned you")).toBe(0);
    expect((await as(alice).notification.list({})).items.map(({ kind }) => kind)).toContain("mention");

    const { id } = await as(admin).poll.create({ groupId: group.id, threadId: thread.id, kind: "proposal", title: "Muted poll", closingAt: inOneWeek() });
    await as(admin).poll.close({ id });
    await as(admin).poll.setOutcome({ id, statement: "Agreed." });
    expect(await mailTo(alice.email, "Outcome: Muted poll")).toBe(0);
    expect((await as(alice).notification.list({})).items.map(({ kind }) => kind)).toContain("poll_outcome");
  });

  it("emails an outcome at 'important', applies the account default without a group row, and lets a group row override it", async () => {
    const { group, admin, alice, bob, as } = await pollGroup();
    const carol = await makeUser();
    await addMember(group.id, carol.id);
    await as(bob).notificationSettings.update({ level: "none" });
    await as(carol).notificationSettings.update({ level: "none" });
    await as(carol).notificationSettings.update({ groupId: group.id, level: "all" });

    const { id } = await as(admin).poll.create({ groupId: group.id, kind: "proposal", title: "Adopt the charter", closingAt: inOneWeek() });
    await as(admin).poll.close({ id });
    await as(admin).poll.setOutcome({ id, statement: "Adopted." });
    expect(await mailTo(alice.email, "Outcome: Adopt the charter")).toBe(1);
    expect(await mailTo(bob.email, "Outcome: Adopt the charter")).toBe(0);
    expect(await mailTo(carol.email, "Outcome: Adopt the charter")).toBe(1);
  });

  it("skips membership-request email for an admin who chose nothing", async () => {
    const { group, admin, outsider, as } = await pollGroup();
    const otherAdmin = await makeUser();
    await addMember(group.id, otherAdmin.id, "admin");
    await as(admin).notificationSettings.update({ groupId: group.id, level: "none" });
    await as(outsider).membershipRequest.create({ groupId: group.id });
    expect(await mailTo(admin.email, "asks to join")).toBe(0);
    expect(await mailTo(otherAdmin.email, "asks to join")).toBe(1);
    expect((await as(admin).notification.list({})).items.map(({ kind }) => kind)).toContain("membership_request");
  });
});
