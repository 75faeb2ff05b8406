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
    const { top, kept, left, below } = await groupWithSubgroups();
    const reader = slowReader();
    const { lines } = await writeGroupExport(getDb(), top.id, reader.out, { groupIds: [top.id, kept.id, below.id] });
    const records = reader.received.join("").trimEnd().split("\n").map((line) => JSON.parse(line) as { type?: string; data?: { id: string; title?: string } });
    expect(records).toHaveLength(lines);
    expect(records.filter(({ type }) => type === "group").map(({ data }) => data!.id)).toEqual([top.id, kept.id]);
    expect(records.filter(({ type }) => type === "thread").map(({ data }) => data!.title).sort()).toEqual(["In Kept", "In Steering"]);
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

  it("stops with a clear error when the reader goes away", async () => {
    const { top } = await groupWithSubgroups();
    const out = new PassThrough({ highWaterMark: 1 });
    out.once("data", () => out.destroy());
    out.resume();
    await expect(writeGroupExport(getDb(), top.id, out)).rejects.toThrow(/stopped/);
  });
});
