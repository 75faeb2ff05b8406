import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { exportPollCsv } from "@/server/polls/export";
import { runPollSchedule } from "@/server/polls/scheduler";
import { inOneWeek, pollGroup } from "@/server/test/poll-fixtures";

describe("closing, reopening and outcomes", () => {
  it("closes early, reopens with a new date, and records an outcome that emails the group", async () => {
    const { group, admin, alice, as } = await pollGroup();
    const { id } = await as(admin).poll.create({ groupId: group.id, kind: "proposal", title: "Adopt", closingAt: inOneWeek() });
    await expect(as(alice).poll.close({ id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(admin).poll.setOutcome({ id, statement: "Too early" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await as(admin).poll.close({ id });
    await expect(as(admin).poll.reopen({ id, closingAt: new Date(Date.now() - 1) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await as(admin).poll.reopen({ id, closingAt: inOneWeek() });
    expect((await as(admin).poll.byId({ id })).closedAt).toBeNull();
    await as(admin).poll.close({ id });
    const [agree] = (await as(admin).poll.byId({ id })).options;
    await as(admin).poll.setOutcome({ id, statement: "Adopted by consent.", optionId: agree!.id });
    expect((await as(alice).poll.byId({ id })).outcomeDetail).toMatchObject({ statement: "Adopted by consent.", optionId: agree!.id });
    const mail = await getDb().outboxMessage.findMany({ where: { subject: { contains: "Outcome: Adopt" } }, select: { to: true } });
    expect(mail.map(({ to }) => to)).toContain(alice.email);
    expect(mail.map(({ to }) => to)).not.toContain(admin.email);
  });

  it("closes overdue polls and reminds undecided voters once, surviving repeated runs", async () => {
    const { group, admin, alice, bob, as } = await pollGroup();
    const soon = await as(admin).poll.create({ groupId: group.id, kind: "proposal", title: "Closing soon", closingAt: new Date(Date.now() + 60 * 60 * 1000) });
    const [agree] = (await as(admin).poll.byId({ id: soon.id })).options;
    await as(alice).poll.vote({ pollId: soon.id, choices: [{ optionId: agree!.id }] });

    const published: unknown[] = [];
    const first = await runPollSchedule(getDb(), (event) => published.push(event));
    expect(first.reminded).toBe(2);
    const reminders = await getDb().outboxMessage.findMany({ where: { subject: { contains: "Closing soon" } }, select: { to: true } });
    expect(reminders.map(({ to }) => to).sort()).toEqual([admin.email, bob.email].sort());
    expect((await runPollSchedule(getDb(), () => undefined)).reminded).toBe(0);

    const later = new Date(Date.now() + 2 * 60 * 60 * 1000);
    expect((await runPollSchedule(getDb(), (event) => published.push(event), later)).closed).toBeGreaterThanOrEqual(1);
    expect((await getDb().poll.findUniqueOrThrow({ where: { id: soon.id } })).closedAt).not.toBeNull();
    expect(published).toContainEqual(expect.objectContaining({ name: "poll.updated", payload: expect.objectContaining({ pollId: soon.id }) }));
  });
});

describe("CSV export", () => {
  it("exports a closed poll with one column per option, defusing formulas", async () => {
    const { group, admin, alice, as } = await pollGroup();
    const { id } = await as(admin).poll.create({ groupId: group.id, kind: "poll", title: "Venue", options: ["Guildhall", "=HYPERLINK()"], closingAt: inOneWeek() });
    const [guildhall] = (await as(admin).poll.byId({ id })).options;
    await as(alice).poll.vote({ pollId: id, choices: [{ optionId: guildhall!.id }], reason: 'Central, "accessible"' });
    await expect(exportPollCsv(getDb(), admin.id, id)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await as(admin).poll.close({ id });
    const { csv, filename } = await exportPollCsv(getDb(), admin.id, id);
    expect(filename).toBe("venue-results.csv");
    expect(csv).toBe(`voter,Guildhall,'=HYPERLINK(),reason\r\n${alice.name},1,,"Central, ""accessible"""\r\n`);
  });
});

describe("templates", () => {
  it("offers the built-in processes and lets admins save the group's own", async () => {
    const { group, admin, alice, as } = await pollGroup();
    const builtIn = await as(alice).poll.templates({ groupId: group.id });
    expect(builtIn.map(({ key }) => key)).toEqual(["consent", "consensus", "advice", "gradients", "sense_check", "question_round", "meeting_time", "simple_poll"]);
    const input = { groupId: group.id, name: "Steering vote", kind: "proposal" as const, description: "Ours", defaults: { allowBlock: false } };
    await expect(as(alice).poll.saveTemplate(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { key } = await as(admin).poll.saveTemplate(input);
    await expect(as(admin).poll.saveTemplate(input)).rejects.toMatchObject({ code: "CONFLICT" });
    const { id } = await as(alice).poll.create({ groupId: group.id, kind: "proposal", template: key, title: "T", closingAt: inOneWeek() });
    expect((await as(alice).poll.byId({ id })).settings.allowBlock).toBe(false);
  });
});
