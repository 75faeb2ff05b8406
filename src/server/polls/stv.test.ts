import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { localDiskStorage } from "@/server/files/storage";
import { importHearth } from "@/server/imports/hearth/import";
import { exportToFile, freshDatabase } from "@/server/imports/hearth/test-support";
import { addMember, makeUser } from "@/server/test/factories";
import { inOneWeek, pollGroup } from "@/server/test/poll-fixtures";

const CANDIDATES = ["Asha", "Ben", "Chloe", "Dev"];

/**
 * Seven voters. Asha has 4 first choices against a quota of 3 (7 / 3, plus one), and her surplus
 * of 1 moves on at 0.25 a vote: three to Chloe, one to Ben. Dev, with the fewest, is excluded and
 * his vote goes to Ben, who then has 2.25 to Chloe's 1.75, so Chloe is excluded and Ben takes the
 * last seat.
 */
const RANKINGS = [["Asha", "Chloe"], ["Asha", "Chloe"], ["Asha", "Ben"], ["Asha", "Chloe"], ["Ben", "Dev"], ["Dev", "Ben"], ["Chloe"]];

async function election(settings: { anonymous?: boolean; countingMethod?: "scottish_stv" | "meek_stv"; hideResults?: "off" | "until_closed" } = {}) {
  const scene = await pollGroup();
  const others = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser()]);
  for (const voter of others) await addMember(scene.group.id, voter.id, "member");
  const voters = [scene.admin, scene.alice, scene.bob, ...others];
  const { id } = await scene.as(scene.admin).poll.create({
    groupId: scene.group.id,
    kind: "stv",
    title: "Steering group, two seats",
    options: CANDIDATES,
    seats: 2,
    closingAt: inOneWeek(),
    ...settings,
  });
  const options = (await scene.as(scene.admin).poll.byId({ id })).options;
  const idOf = (name: string) => options.find((option) => option.name === name)!.id;
  const nameOf = (optionId: string) => options.find((option) => option.id === optionId)?.name;
  const voteAll = async () => {
    for (const [index, ranking] of RANKINGS.entries()) {
      await scene.as(voters[index]!).poll.vote({ pollId: id, choices: ranking.map((name, place) => ({ optionId: idOf(name), rank: place + 1 })) });
    }
  };
  return { ...scene, voters, id, idOf, nameOf, voteAll };
}

describe("an election (single transferable vote)", () => {
  it("is created with its seats and method, takes partial rankings, and is counted round by round once closed", async () => {
    const { admin, alice, as, id, idOf, nameOf, voteAll } = await election();
    expect((await as(alice).poll.byId({ id })).settings).toMatchObject({ countingMethod: "scottish_stv", seats: 2 });
    await voteAll();
    await expect(as(admin).poll.vote({ pollId: id, choices: [{ optionId: idOf("Ben"), rank: 2 }] })).rejects.toMatchObject({
      message: "Rank options 1, 2, 3… with no repeats or gaps.",
    });
    await as(admin).poll.close({ id });

    const results = await as(alice).poll.results({ pollId: id });
    expect(results.tally).toEqual({ kind: "stv" });
    const stv = results.stv!;
    expect(stv.elected.map(nameOf)).toEqual(["Asha", "Ben"]);
    expect(stv).toMatchObject({ method: "scottish_stv", seats: 2, validBallots: 7 });
    const [first, second, third] = stv.rounds;
    expect(first).toMatchObject({ quota: "3.00000", elected: [idOf("Asha")], excluded: [] });
    expect(second).toMatchObject({ transfer: { kind: "surplus", optionId: idOf("Asha"), transferValue: "0.25000" }, excluded: [idOf("Dev")] });
    expect(second!.tallies.find(({ optionId }) => optionId === idOf("Chloe"))).toMatchObject({ votes: "1.75000", change: "0.75000" });
    expect(third).toMatchObject({ transfer: { kind: "exclusion", optionId: idOf("Dev") }, excluded: [idOf("Chloe")], elected: [idOf("Ben")], exhausted: "0.00000" });
    expect(stv.rounds).toHaveLength(3);
  });

  it("is counted by Meek STV when the author chooses it", async () => {
    const { admin, as, id, nameOf, voteAll } = await election({ countingMethod: "meek_stv" });
    await voteAll();
    await as(admin).poll.close({ id });
    const { stv } = await as(admin).poll.results({ pollId: id });
    expect(stv).toMatchObject({ method: "meek_stv", precision: 9 });
    expect(stv!.elected.map(nameOf)).toEqual(["Asha", "Ben"]);
    expect((await as(admin).poll.byId({ id })).settings.countingMethod).toBe("meek_stv");
  });

  it("refuses seats that make no sense, and methods of the other kind, saying why and storing nothing", async () => {
    const { group, admin, as } = await pollGroup();
    const base = { groupId: group.id, kind: "stv" as const, title: "Committee", options: ["A", "B", "C"], closingAt: inOneWeek() };
    const refusals: [object, string][] = [
      [{}, "Say how many seats the election fills."],
      [{ seats: 3 }, "An election for 3 seats needs more options than seats, or everyone would be elected: add options, or fill fewer seats."],
      [{ seats: 0 }, "An election fills at least 1 seat."],
      [{ seats: 1.5 }, "Seats are a whole number."],
      [{ seats: 1, countingMethod: "borda" }, "An election is counted by Scottish STV (scottish_stv) or Meek STV (meek_stv)."],
      [{ kind: "ranked_choice", countingMethod: "meek_stv" }, "A ranked-choice poll is counted by schulze, instant_runoff or borda; scottish_stv and meek_stv are for elections."],
      [{ kind: "ranked_choice", seats: 2 }, "Only elections have seats: leave them out for this kind of poll."],
      [{ kind: "proposal", options: undefined, countingMethod: "scottish_stv" }, "Only ranked-choice polls and elections have a counting method: leave it out for this kind of poll."],
    ];
    for (const [change, message] of refusals) {
      await expect(as(admin).poll.create({ ...base, ...change })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining(message) });
    }
    expect(await getDb().poll.count({ where: { groupId: group.id } })).toBe(0);
  });

  it("keeps more options than seats when its options are edited", async () => {
    const { admin, as, id } = await election();
    const options = (await as(admin).poll.byId({ id })).options;
    await expect(as(admin).poll.update({ pollId: id, options: options.slice(0, 2).map(({ id: optionId, name }) => ({ id: optionId, name })) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "This election fills 2 seats, so keep at least 3 options.",
    });
    await as(admin).poll.update({ pollId: id, options: options.slice(0, 3).map(({ id: optionId, name }) => ({ id: optionId, name })) });
    expect((await as(admin).poll.byId({ id })).options).toHaveLength(3);
  });

  it("shows a visible election's count while open, and hides it like any poll's results until it closes", async () => {
    const open = await election();
    await open.voteAll();
    const live = await open.as(open.alice).poll.results({ pollId: open.id });
    expect(live.stv!.elected.map(open.nameOf)).toEqual(["Asha", "Ben"]);

    const hidden = await election({ hideResults: "until_closed" });
    await hidden.voteAll();
    expect(await hidden.as(hidden.admin).poll.results({ pollId: hidden.id })).toMatchObject({ hidden: true, tally: null, stv: null });
  });

  it("when anonymous, shows no count while open and names no voter in the count once closed", async () => {
    const { admin, alice, as, id, nameOf, voteAll, voters } = await election({ anonymous: true });
    await voteAll();
    const open = await as(alice).poll.results({ pollId: id });
    expect(open).toMatchObject({ hidden: true, tally: null, stv: null, ballots: [] });
    await as(admin).poll.close({ id });
    const closed = await as(alice).poll.results({ pollId: id });
    expect(closed.stv!.elected.map(nameOf)).toEqual(["Asha", "Ben"]);
    const text = JSON.stringify(closed);
    for (const voter of voters) {
      expect(text).not.toContain(voter.id);
      expect(text).not.toContain(voter.name);
    }
  });

  it("takes its seats and method from a group template, which only elections may give", async () => {
    const { group, admin, as } = await pollGroup();
    const { key } = await as(admin).poll.saveTemplate({ groupId: group.id, name: "Board election", kind: "stv", defaults: { seats: 3, countingMethod: "meek_stv" } });
    const { id } = await as(admin).poll.create({ groupId: group.id, kind: "stv", template: key, title: "Board", options: ["A", "B", "C", "D", "E"], closingAt: inOneWeek() });
    expect((await as(admin).poll.byId({ id })).settings).toMatchObject({ seats: 3, countingMethod: "meek_stv" });
    await expect(as(admin).poll.saveTemplate({ groupId: group.id, name: "Odd", kind: "proposal", defaults: { seats: 2 } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(as(admin).poll.saveTemplate({ groupId: group.id, name: "Odder", kind: "stv", defaults: { countingMethod: "borda" } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("keeps its seats and method through a Hearth export and import", async () => {
    const { group, admin, as } = await pollGroup();
    await as(admin).poll.create({ groupId: group.id, kind: "stv", title: "Board", options: ["A", "B", "C"], seats: 2, countingMethod: "meek_stv", closingAt: inOneWeek() });
    const file = await exportToFile(getDb(), group.id);
    const target = await freshDatabase();
    try {
      const importer = await target.db.user.create({ data: { name: "Importer", email: "importer@example.test", passwordHash: "x" }, select: { id: true } });
      const storage = localDiskStorage(path.join(target.dir, "uploads"));
      const report = await importHearth(target.db, { filePath: file, adminUserId: importer.id, dryRun: false, storage });
      expect(report.skipped).toEqual([]);
      expect(await target.db.poll.findMany({ select: { kind: true, seats: true, countingMethod: true } })).toEqual([{ kind: "stv", seats: 2, countingMethod: "meek_stv" }]);
    } finally {
      await target.db.$disconnect();
    }
  });
});
