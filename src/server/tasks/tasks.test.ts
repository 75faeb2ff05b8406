import { describe, expect, it } from "vitest";
import { mentionToken } from "@/lib/mentions";
import { getDb } from "@/server/db";
import { runTaskSchedule } from "@/server/tasks/scheduler";
import { addMember, callerFor, countingCaller, makeDocument, makeGroup, makeMeeting, makeUser } from "@/server/test/factories";

async function groupWithPeople() {
  const group = await makeGroup();
  const admin = await makeUser({ name: "Bea Admin" });
  const priya = await makeUser({ name: "Priya Shah" });
  const omar = await makeUser({ name: "Omar Ali" });
  const guest = await makeUser({ name: "Gus Guest" });
  await addMember(group.id, admin.id, "admin");
  await addMember(group.id, priya.id, "member");
  await addMember(group.id, omar.id, "member");
  await addMember(group.id, guest.id, "guest");
  const { id: threadId } = await callerFor(admin.id).caller.thread.create({ groupId: group.id, title: "Open day", body: "Plans" });
  return { group, admin, priya, omar, guest, threadId };
}

const item = (person: { id: string; name: string }, text: string, done = false) => `- [${done ? "x" : " "}] ${mentionToken(person)} ${text}`;
const assignments = (userId: string) => getDb().notification.findMany({ where: { userId, kind: "task_assigned" }, select: { title: true } });

describe("tasks written in comments", () => {
  it("creates, edits and deletes tasks with the comment, keeping done state unless the box changed", async () => {
    const { admin, priya, omar, threadId } = await groupWithPeople();
    const omarCaller = callerFor(omar.id);
    const body = [item(priya, "book the room due 2026-12-10"), "- [ ] no one named", item(omar, "bring chairs")].join("\n");
    const comment = await omarCaller.caller.comment.create({ threadId, body });
    let tasks = await callerFor(admin.id).caller.task.list({ threadId, status: "all" });
    expect(tasks.map((task) => [task.title, task.sourceIndex, task.assignees.map(({ id }) => id), task.dueOn?.toISOString().slice(0, 10) ?? null])).toEqual([
      ["@Priya Shah book the room", 0, [priya.id], "2026-12-10"],
      ["@Omar Ali bring chairs", 2, [omar.id], null],
    ]);
    expect(tasks[0]!.source).toMatchObject({ kind: "comment", id: comment.id, url: `/threads/${threadId}?comment=${comment.id}`, label: "Open day" });
    expect(omarCaller.published.some((event) => event.name === "task.changed" && event.room === `user:${priya.id}`)).toBe(true);
    // Only the new assignee hears; Omar assigned himself.
    expect(await assignments(priya.id)).toEqual([{ title: "@Priya Shah book the room" }]);
    expect(await assignments(omar.id)).toEqual([]);

    await callerFor(priya.id).caller.task.complete({ id: tasks[0]!.id });
    // An edit that leaves Priya's box alone keeps it done; ticking Omar's box in the text makes it done.
    await omarCaller.caller.comment.update({ id: comment.id, body: [item(priya, "book the big room due 2026-12-11"), "- [ ] no one named", item(omar, "bring chairs", true)].join("\n") });
    tasks = await callerFor(admin.id).caller.task.list({ threadId, status: "all" });
    expect(tasks.map((task) => [task.title, task.doneBy?.id])).toEqual([
      ["@Priya Shah book the big room", priya.id],
      ["@Omar Ali bring chairs", omar.id],
    ]);
    expect(await assignments(priya.id)).toHaveLength(1);

    // Unticking Omar's box in the text reopens it (Priya's, ticked on the page, stays done); removing an item removes its task.
    await omarCaller.caller.comment.update({ id: comment.id, body: [item(priya, "book the big room"), "- [ ] no one named", item(omar, "bring chairs")].join("\n") });
    tasks = await callerFor(admin.id).caller.task.list({ threadId, status: "all" });
    expect(tasks.map((task) => [task.title, task.doneAt !== null])).toEqual([
      ["@Omar Ali bring chairs", false],
      ["@Priya Shah book the big room", true],
    ]);
    await omarCaller.caller.comment.update({ id: comment.id, body: [item(priya, "book the big room"), "- [ ] no one named"].join("\n") });
    const afterRemoval = await callerFor(admin.id).caller.task.list({ threadId, status: "all" });
    expect(afterRemoval.map((task) => task.title)).toEqual(["@Priya Shah book the big room"]);

    await omarCaller.caller.comment.delete({ id: comment.id });
    expect(await callerFor(admin.id).caller.task.list({ threadId, status: "all" })).toEqual([]);
  });

  it("keeps each task's state and people when items are added above it or reordered", async () => {
    const { admin, priya, omar, threadId } = await groupWithPeople();
    const caller = callerFor(admin.id).caller;
    const comment = await caller.comment.create({ threadId, body: [item(priya, "first"), item(omar, "second")].join("\n") });
    const [first] = await caller.task.list({ threadId, status: "all" });
    await callerFor(priya.id).caller.task.complete({ id: first!.id });
    await caller.comment.update({ id: comment.id, body: [item(omar, "new one"), item(omar, "second"), item(priya, "first")].join("\n") });
    const tasks = await caller.task.list({ threadId, status: "all" });
    expect(tasks.map((task) => [task.title, task.sourceIndex, task.doneAt !== null])).toEqual([
      ["@Omar Ali second", 1, false],
      ["@Omar Ali new one", 0, false],
      ["@Priya Shah first", 2, true],
    ]);
    expect(tasks.find(({ title }) => title === "@Priya Shah first")?.id).toBe(first!.id);
    // Priya heard once, when it was first given to her.
    expect(await assignments(priya.id)).toHaveLength(1);
  });

  it("assigns only people who can see the thread, and notifies new assignees only", async () => {
    const { group, admin, priya, omar, guest, threadId } = await groupWithPeople();
    const outsider = await makeUser({ name: "Olive Outsider" });
    const body = [item(guest, "not invited"), item(outsider, "not a member"), item(priya, "two people") + ` and ${mentionToken(omar)}`].join("\n");
    await callerFor(admin.id).caller.comment.create({ threadId, body });
    const tasks = await callerFor(admin.id).caller.task.list({ threadId });
    expect(tasks.map((task) => task.assignees.map(({ name }) => name))).toEqual([[], [], ["Omar Ali", "Priya Shah"]]);
    expect(await assignments(guest.id)).toEqual([]);
    expect(await assignments(outsider.id)).toEqual([]);
    expect(await assignments(priya.id)).toHaveLength(1);
    expect(await callerFor(outsider.id).caller.task.list({ groupId: group.id }).catch((error: { code: string }) => error.code)).toBe("NOT_FOUND");
  });
});

describe("tasks in thread bodies and meetings", () => {
  it("syncs a thread's body on create and edit, and a meeting's agenda and minutes", async () => {
    const { group, admin, priya } = await groupWithPeople();
    const { id: threadId } = await callerFor(admin.id).caller.thread.create({ groupId: group.id, title: "Tasks", body: item(priya, "draft the letter") });
    expect((await callerFor(priya.id).caller.task.mine({})).items.map((task) => [task.title, task.source.kind])).toEqual([["@Priya Shah draft the letter", "thread"]]);
    await callerFor(admin.id).caller.thread.update({ id: threadId, body: "No tasks any more" });
    expect((await callerFor(priya.id).caller.task.mine({})).items).toEqual([]);

    const meeting = await makeMeeting({ groupId: group.id, createdById: admin.id });
    await callerFor(admin.id).caller.meeting.update({ id: meeting.id, agenda: item(priya, "chair"), minutes: item(priya, "send minutes due 2026-12-20") });
    const mine = await callerFor(priya.id).caller.task.mine({});
    expect(mine.items.map((task) => [task.source.kind, task.sourceIndex, task.meetingId])).toEqual([
      ["minutes", 0, meeting.id],
      ["agenda", 0, meeting.id],
    ]);
  });
});

describe("a moved thread", () => {
  it("takes its tasks to its new group", async () => {
    const { admin, priya, threadId } = await groupWithPeople();
    const other = await makeGroup();
    await addMember(other.id, admin.id, "admin");
    await callerFor(admin.id).caller.comment.create({ threadId, body: item(priya, "find a venue") });
    await callerFor(admin.id).caller.thread.move({ id: threadId, groupId: other.id });
    const [task] = await callerFor(admin.id).caller.task.list({ threadId });
    expect(task).toMatchObject({ groupId: other.id, canComplete: true });
    // Priya is not in the new group: the task is no longer hers to see.
    expect((await callerFor(priya.id).caller.task.mine({})).items).toEqual([]);
  });
});

describe("tasks in document comments", () => {
  it("syncs on create and edit, assigning only members who see the document, never its invited guest", async () => {
    const { group, admin, priya, guest } = await groupWithPeople();
    const document = await makeDocument({ groupId: group.id, createdById: admin.id, title: "Vision", guestIds: [guest.id] });
    const created = await callerFor(admin.id).caller.docComment.create({ documentId: document.id, body: item(priya, "reword this") + "\n" + item(guest, "read it") });
    const mine = await callerFor(priya.id).caller.task.mine({});
    expect(mine.items.map((task) => [task.title, task.source.kind, task.source.url, task.source.label])).toEqual([
      ["@Priya Shah reword this", "docComment", `/documents/${document.id}`, "Vision"],
    ]);
    expect((await callerFor(guest.id).caller.task.mine({})).items).toEqual([]);
    await callerFor(admin.id).caller.docComment.update({ id: created.id, body: "Never mind" });
    expect((await callerFor(priya.id).caller.task.mine({})).items).toEqual([]);
  });
});

describe("task.create, task.update and task.complete", () => {
  it("adds a task by hand, refusing other groups' ids and assignees who cannot see it", async () => {
    const { group, admin, priya, guest, threadId } = await groupWithPeople();
    const other = await makeGroup();
    const meeting = await makeMeeting({ groupId: other.id, createdById: admin.id });
    await addMember(other.id, admin.id, "admin");
    const caller = callerFor(priya.id).caller;
    const task = await caller.task.create({ title: "Ring the council", threadId, assigneeIds: [admin.id], dueOn: "2026-12-01" });
    expect(task).toMatchObject({ title: "Ring the council", groupId: group.id, sourceIndex: null, canEdit: true, canComplete: true });
    expect(await assignments(admin.id)).toEqual([{ title: "Ring the council" }]);
    const refused = (promise: Promise<unknown>) => promise.then(() => "ok", (error: { code: string; message: string }) => error.code);
    expect(await refused(callerFor(admin.id).caller.task.create({ title: "x", threadId, meetingId: meeting.id }))).toBe("NOT_FOUND");
    expect(await refused(caller.task.create({ title: "x", threadId, assigneeIds: [guest.id] }))).toBe("BAD_REQUEST");
    expect(await refused(callerFor(guest.id).caller.task.create({ title: "x", groupId: group.id }))).toBe("FORBIDDEN");
    expect(await refused(caller.task.create({ title: "x", groupId: other.id }))).toBe("NOT_FOUND");
    expect(await refused(caller.task.create({ title: "x".repeat(201), groupId: group.id }))).toBe("BAD_REQUEST");
  });

  it("refuses to retitle a task written in text but changes its due date", async () => {
    const { admin, priya, threadId } = await groupWithPeople();
    await callerFor(admin.id).caller.comment.create({ threadId, body: item(priya, "print flyers") });
    const [task] = await callerFor(priya.id).caller.task.list({ threadId });
    await expect(callerFor(priya.id).caller.task.update({ id: task!.id, title: "Other" })).rejects.toThrow("Edit the comment to change this task");
    const updated = await callerFor(priya.id).caller.task.update({ id: task!.id, dueOn: "2026-12-24" });
    expect(updated.dueOn?.toISOString()).toBe("2026-12-24T00:00:00.000Z");
    expect((await callerFor(priya.id).caller.task.update({ id: task!.id, dueOn: null })).dueOn).toBeNull();
  });

  it("two ticks at once set doneAt once; reopening clears it", async () => {
    const { admin, priya, omar, threadId } = await groupWithPeople();
    const task = await callerFor(admin.id).caller.task.create({ title: "Order food", threadId, assigneeIds: [priya.id] });
    const a = callerFor(priya.id);
    const b = callerFor(omar.id);
    const [first, second] = await Promise.all([a.caller.task.complete({ id: task.id }), b.caller.task.complete({ id: task.id })]);
    expect(first.doneAt).toEqual(second.doneAt);
    expect(first.doneBy).toEqual(second.doneBy);
    expect([...a.published, ...b.published].filter((event) => event.name === "task.changed" && event.room.startsWith("group:"))).toHaveLength(1);
    const reopened = await b.caller.task.complete({ id: task.id, done: false });
    expect(reopened.doneAt).toBeNull();
  });

  it("lets guests see and tick only their own tasks in their thread; removed members see none", async () => {
    const { group, admin, priya, guest, threadId } = await groupWithPeople();
    await getDb().threadGuest.create({ data: { threadId, userId: guest.id } });
    const theirs = await callerFor(admin.id).caller.task.create({ title: "Guest's task", threadId, assigneeIds: [guest.id] });
    const others = await callerFor(admin.id).caller.task.create({ title: "Priya's task", threadId, assigneeIds: [priya.id] });
    const groupTask = await callerFor(admin.id).caller.task.create({ title: "Group task", groupId: group.id, assigneeIds: [priya.id] });
    const guestCaller = callerFor(guest.id).caller;
    expect((await guestCaller.task.list({ threadId })).map(({ title }) => title).sort()).toEqual(["Guest's task", "Priya's task"]);
    expect((await guestCaller.task.list({ groupId: group.id })).map(({ title }) => title).sort()).toEqual(["Guest's task", "Priya's task"]);
    await expect(guestCaller.task.complete({ id: others.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(guestCaller.task.complete({ id: groupTask.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await guestCaller.task.complete({ id: theirs.id })).doneAt).not.toBeNull();

    expect((await callerFor(priya.id).caller.task.mine({})).items).toHaveLength(2);
    await getDb().membership.deleteMany({ where: { groupId: group.id, userId: priya.id } });
    expect((await callerFor(priya.id).caller.task.mine({})).items).toEqual([]);
    await expect(callerFor(priya.id).caller.task.complete({ id: others.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists with a fixed number of queries, however many tasks, people and places", async () => {
    const { group, admin, priya, omar, threadId } = await groupWithPeople();
    const counted = countingCaller(priya.id);
    const queries = async (tasks: number) => {
      for (let n = 0; n < tasks; n += 1) {
        await callerFor(admin.id).caller.task.create({ title: `Task ${n}`, ...(n % 2 ? { threadId } : { groupId: group.id }), assigneeIds: [priya.id, omar.id] });
      }
      counted.reset();
      await counted.caller.task.mine({});
      const mine = counted.reset();
      await counted.caller.task.list({ groupId: group.id, status: "all" });
      return { mine, list: counted.reset() };
    };
    expect(await queries(2)).toEqual(await queries(12));
  });

  it("pages My tasks, overdue and soonest first", async () => {
    const { group, admin, priya } = await groupWithPeople();
    for (let day = 1; day <= 35; day += 1) {
      await getDb().task.create({
        data: { groupId: group.id, title: `Task ${day}`, dueOn: new Date(Date.UTC(2026, 0, day)), createdById: admin.id, assignees: { create: { userId: priya.id } } },
      });
    }
    const first = await callerFor(priya.id).caller.task.mine({});
    const second = await callerFor(priya.id).caller.task.mine({ cursor: first.nextCursor });
    expect([...first.items, ...second.items].map(({ title }) => title)).toEqual(Array.from({ length: 35 }, (_, n) => `Task ${n + 1}`));
    expect(second.nextCursor).toBeNull();
  });
});

describe("task reminders", () => {
  it("reminds assignees once when due within a day and once when overdue, across runs", async () => {
    const { group, admin, priya, omar } = await groupWithPeople();
    const now = new Date("2026-12-09T12:00:00Z");
    const soon = await callerFor(admin.id).caller.task.create({ title: "Due tomorrow", groupId: group.id, assigneeIds: [priya.id], dueOn: "2026-12-10" });
    await callerFor(admin.id).caller.task.create({ title: "Long overdue", groupId: group.id, assigneeIds: [omar.id], dueOn: "2026-11-01" });
    await callerFor(admin.id).caller.task.create({ title: "Far off", groupId: group.id, assigneeIds: [omar.id], dueOn: "2027-01-10" });
    const db = getDb();
    const reminders = (userId: string) => db.notification.findMany({ where: { userId, kind: "task_due" }, select: { title: true } });
    await Promise.all([runTaskSchedule(db, () => undefined, now), runTaskSchedule(db, () => undefined, now)]);
    await runTaskSchedule(db, () => undefined, now);
    expect(await reminders(priya.id)).toEqual([{ title: "Due tomorrow" }]);
    expect(await reminders(omar.id)).toEqual([{ title: "Long overdue" }]);

    // Two days later the first is overdue: one more reminder; a done task would get none.
    await runTaskSchedule(db, () => undefined, new Date("2026-12-11T12:00:00Z"));
    await runTaskSchedule(db, () => undefined, new Date("2026-12-11T13:00:00Z"));
    expect(await reminders(priya.id)).toHaveLength(2);
    expect((await db.task.findUniqueOrThrow({ where: { id: soon.id } })).overdueRemindedAt).not.toBeNull();
    expect(await reminders(omar.id)).toHaveLength(1);
  });
});
