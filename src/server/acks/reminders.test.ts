import { describe, expect, it } from "vitest";
import { runAckReminders } from "@/server/acks/reminders";
import { getDb } from "@/server/db";
import { addMember, callerFor, makeGroup, makeUser } from "@/server/test/factories";

const DAY_MS = 24 * 60 * 60 * 1000;
const ackNotices = (userId: string) => getDb().notification.count({ where: { userId, kind: "ack_requested" } });

/** A group with an admin who asked two members to acknowledge an outcome; the first has. */
async function askedOutcome() {
  const group = await makeGroup();
  const [admin, done, waiting] = [await makeUser(), await makeUser(), await makeUser()];
  await addMember(group.id, admin.id, "admin");
  await addMember(group.id, done.id);
  await addMember(group.id, waiting.id);
  const poll = await getDb().poll.create({
    data: {
      groupId: group.id,
      authorId: admin.id,
      kind: "proposal",
      title: "Budget",
      closingAt: new Date(),
      closedAt: new Date(),
      outcomeStatement: "Agreed.",
      outcomeAt: new Date(),
    },
    select: { id: true },
  });
  const input = { kind: "outcome" as const, id: poll.id };
  await callerFor(admin.id).caller.ack.request(input);
  await callerFor(done.id).caller.ack.confirm(input);
  const request = await getDb().ackRequest.findUniqueOrThrow({ where: { subjectType_subjectId: { subjectType: "outcome", subjectId: poll.id } } });
  return { admin, done, waiting, poll, request };
}

/** Reminders of other tests' requests may go out in the same run, so count this test's people only. */
async function remindedIn(run: Promise<unknown>, ...people: { id: string }[]) {
  const before = await Promise.all(people.map(({ id }) => ackNotices(id)));
  await run;
  const after = await Promise.all(people.map(({ id }) => ackNotices(id)));
  return after.map((count, index) => count - before[index]!);
}

describe("acknowledgement reminders", () => {
  it("remind those who have not acknowledged once per three days, across runs racing each other, for a month", async () => {
    const { admin, done, waiting, request } = await askedOutcome();
    const at = (days: number) => new Date(request.createdAt.getTime() + days * DAY_MS + 60_000);
    const db = getDb();
    const publish = () => undefined;

    expect(await remindedIn(runAckReminders(db, publish, at(2)), waiting, done, admin)).toEqual([0, 0, 0]);
    const twice = Promise.all([runAckReminders(db, publish, at(3)), runAckReminders(db, publish, at(3))]);
    // The admin who asked is not reminded of their own request.
    expect(await remindedIn(twice, waiting, done, admin)).toEqual([1, 0, 0]);
    expect(await remindedIn(runAckReminders(db, publish, at(5)), waiting)).toEqual([0]);
    expect(await remindedIn(runAckReminders(db, publish, at(6)), waiting)).toEqual([1]);
    expect(await remindedIn(runAckReminders(db, publish, at(31)), waiting)).toEqual([0]);
  });

  it("tell those who acknowledged an earlier text once, and drop requests whose item was deleted", async () => {
    const { admin, done, waiting, poll, request } = await askedOutcome();
    await getDb().poll.update({ where: { id: poll.id }, data: { outcomeStatement: "Agreed, with changes." } });
    const later = new Date(request.createdAt.getTime() + 3 * DAY_MS + 60_000);
    expect(await remindedIn(runAckReminders(getDb(), () => undefined, later), done, waiting)).toEqual([1, 1]);
    expect(await getDb().notification.findFirst({ where: { userId: done.id, kind: "ack_requested" }, orderBy: { createdAt: "desc" }, select: { url: true } })).toEqual({
      url: `/polls/${poll.id}`,
    });

    await callerFor(admin.id).caller.poll.delete({ pollId: poll.id });
    await runAckReminders(getDb(), () => undefined, new Date(later.getTime() + 3 * DAY_MS + 60_000));
    expect(await getDb().ackRequest.count({ where: { id: request.id } })).toBe(0);
  });
});
