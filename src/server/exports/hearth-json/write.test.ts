import { PassThrough, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { writeGroupExport } from "@/server/exports/hearth-json/write";
import { addMember, callerFor, makeGroup, makeUser } from "@/server/test/factories";
import { inOneWeek } from "@/server/test/poll-fixtures";

async function groupWithSubgroups() {
  const admin = await makeUser();
  const top = await makeGroup({ name: "Steering" });
  const kept = await makeGroup({ parentId: top.id, name: "Kept" });
  const left = await makeGroup({ parentId: top.id, name: "Left out" });
  const below = await makeGroup({ parentId: left.id, name: "Below the left out" });
  for (const group of [top, kept, left, below]) await addMember(group.id, admin.id, "admin");
  const { caller } = callerFor(admin.id);
  for (const group of [top, kept, left, below]) await caller.thread.create({ groupId: group.id, title: `In ${group.name}`, body: "Text" });
  return { admin, top, kept, left, below };
}

/** A reader that takes one line at a time, slowly, with the smallest buffer: the writer must wait for it. */
function slowReader() {
  const received: string[] = [];
  let waits = 0;
  const out = new Writable({
    highWaterMark: 1,
    write(chunk: Buffer, _encoding, callback) {
      received.push(chunk.toString());
      setImmediate(callback);
    },
  });
  out.on("drain", () => (waits += 1));
  return { out, received, waits: () => waits };
}

describe("writeGroupExport", () => {
  it("refuses a group that does not exist", async () => {
    await expect(writeGroupExport(getDb(), "no-such-group", new PassThrough())).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("writes only the subgroups it is given, leaving out what is below one left out", async () => {
    const { admin, top, kept, left, below } = await groupWithSubgroups();
    // A decision replaced by one in a subgroup left out loses only that link; the left-out group's tasks stay out.
    const decidedAt = new Date();
    const newer = await getDb().decision.create({ data: { groupId: left.id, title: "Left-out decision", result: "", decidedAt } });
    const older = await getDb().decision.create({ data: { groupId: kept.id, title: "Kept decision", result: "", decidedAt, status: "superseded", supersededById: newer.id } });
    await getDb().task.create({ data: { groupId: left.id, title: "Left-out task", createdById: admin.id } });
    const reader = slowReader();
    const { lines } = await writeGroupExport(getDb(), top.id, reader.out, { groupIds: [top.id, kept.id, below.id] });
    const records = reader.received.join("").trimEnd().split("\n").map((line) => JSON.parse(line) as { type?: string; data?: { id: string; title?: string } });
    expect(records).toHaveLength(lines);
    expect(records.filter(({ type }) => type === "group").map(({ data }) => data!.id)).toEqual([top.id, kept.id]);
    expect(records.filter(({ type }) => type === "thread").map(({ data }) => data!.title).sort()).toEqual(["In Kept", "In Steering"]);
    expect(records.filter(({ type }) => type === "decision").map(({ data }) => data)).toEqual([expect.objectContaining({ id: older.id, supersededById: null })]);
    expect(JSON.stringify(records)).not.toContain(newer.id);
    expect(JSON.stringify(records)).not.toContain("Left-out task");
    expect(JSON.stringify(records)).not.toContain(left.id);
    expect(JSON.stringify(records)).not.toContain(below.id);
    // Every line waited for the slow reader rather than piling up in memory.
    expect(reader.waits()).toBeGreaterThanOrEqual(lines - 1);
  });

  it("writes no ballots of an anonymous poll while it is open, so two exports cannot show how someone voted", async () => {
    const admin = await makeUser();
    const voter = await makeUser();
    const group = await makeGroup();
    await addMember(group.id, admin.id, "admin");
    await addMember(group.id, voter.id);
    const poll = await callerFor(admin.id).caller.poll.create({ groupId: group.id, kind: "proposal", title: "Secret", closingAt: inOneWeek(), anonymous: true });
    const [agree] = (await callerFor(admin.id).caller.poll.byId({ id: poll.id })).options;
    await callerFor(voter.id).caller.poll.vote({ pollId: poll.id, choices: [{ optionId: agree!.id }] });
    const ballotLines = async () => {
      const reader = slowReader();
      await writeGroupExport(getDb(), group.id, reader.out);
      return reader.received.join("").split("\n").filter((line) => line.includes('"type":"ballot"'));
    };

    expect(await ballotLines()).toEqual([]);
    await callerFor(admin.id).caller.poll.close({ id: poll.id });
    expect(await ballotLines()).toHaveLength(1);
  });

  it("writes each decision after the one that replaced it, along a chain and even around a cycle", async () => {
    const admin = await makeUser();
    const group = await makeGroup();
    await addMember(group.id, admin.id, "admin");
    const make = (title: string) => getDb().decision.create({ data: { groupId: group.id, title, result: "", decidedAt: new Date() }, select: { id: true } });
    const [first, second, third, loopA, loopB] = [await make("First"), await make("Second"), await make("Third"), await make("Loop A"), await make("Loop B")];
    const replace = (id: string, supersededById: string) => getDb().decision.update({ where: { id }, data: { supersededById } });
    await replace(first.id, second.id);
    await replace(second.id, third.id);
    await replace(loopA.id, loopB.id);
    await replace(loopB.id, loopA.id);
    const reader = slowReader();
    await writeGroupExport(getDb(), group.id, reader.out);
    const decisions = reader.received
      .join("")
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as { type?: string; data: { id: string; supersededById: string | null } })
      .filter(({ type }) => type === "decision")
      .map(({ data }) => data);
    expect(decisions).toHaveLength(5);
    const order = decisions.map(({ id }) => id);
    for (const { id, supersededById } of decisions) if (supersededById) expect(order.indexOf(supersededById)).toBeLessThan(order.indexOf(id));
    expect(order.indexOf(third.id)).toBeLessThan(order.indexOf(second.id));
    expect(order.indexOf(second.id)).toBeLessThan(order.indexOf(first.id));
    // A cycle (which the service refuses) keeps all its decisions, with one link left out.
    expect(decisions.filter(({ id }) => id === loopA.id || id === loopB.id).map(({ supersededById }) => supersededById === null).sort()).toEqual([false, true]);
  });

  it("stops with a clear error when the reader goes away", async () => {
    const { top } = await groupWithSubgroups();
    const out = new PassThrough({ highWaterMark: 1 });
    out.once("data", () => out.destroy());
    out.resume();
    await expect(writeGroupExport(getDb(), top.id, out)).rejects.toThrow(/stopped/);
  });
});
