import { describe, expect, it } from "vitest";
import type { RankedMethod } from "@/lib/tallies/ranked";
import { getDb } from "@/server/db";
import { addMember, makeUser } from "@/server/test/factories";
import { inOneWeek, pollGroup } from "@/server/test/poll-fixtures";

type Scene = Awaited<ReturnType<typeof pollGroup>>;

const ranked = (scene: Scene, countingMethod?: RankedMethod) =>
  scene.as(scene.admin).poll.create({
    groupId: scene.group.id,
    kind: "ranked_choice",
    title: "Where do we meet?",
    options: ["Town hall", "Community centre", "Central Library", "Old school"],
    closingAt: inOneWeek(),
    countingMethod,
  });

/** Six rankings on which Schulze, instant-runoff and Borda each name a different option (see ranked.test.ts). */
const PROFILE = [
  [3, 0, 2, 1],
  [0, 3, 2, 1],
  [2, 1, 3, 0],
  [0, 2, 1, 3],
  [2, 1, 3, 0],
  [3, 0, 2, 1],
];

async function voteProfile(scene: Scene, pollId: string) {
  const optionIds = (await scene.as(scene.admin).poll.byId({ id: pollId })).options.map(({ id }) => id);
  const others = await Promise.all([makeUser(), makeUser(), makeUser()]);
  for (const voter of others) await addMember(scene.group.id, voter.id, "member");
  const voters = [scene.admin, scene.alice, scene.bob, ...others];
  for (const [index, ranking] of PROFILE.entries()) {
    const choices = ranking.map((option, place) => ({ optionId: optionIds[option]!, rank: place + 1 }));
    await scene.as(voters[index]!).poll.vote({ pollId, choices });
  }
}

describe("a ranked-choice poll's counting method", () => {
  it("is chosen when the poll is created, Schulze when left out, and shown before anyone votes", async () => {
    const scene = await pollGroup();
    for (const method of ["schulze", "instant_runoff", "borda"] as const) {
      const { id } = await ranked(scene, method);
      expect((await scene.as(scene.alice).poll.byId({ id })).settings.countingMethod).toBe(method);
    }
    const { id } = await ranked(scene);
    expect((await scene.as(scene.alice).poll.byId({ id })).settings.countingMethod).toBe("schulze");
  });

  it("refuses an unknown method, and a method on a kind of poll that is not ranked, storing nothing", async () => {
    const scene = await pollGroup();
    await expect(ranked(scene, "plurality" as RankedMethod)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Choose how the ranking is counted"),
    });
    await expect(
      scene.as(scene.admin).poll.create({ groupId: scene.group.id, kind: "proposal", title: "T", closingAt: inOneWeek(), countingMethod: "borda" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Only ranked-choice polls and elections have a counting method: leave it out for this kind of poll." });
    expect(await getDb().poll.count({ where: { groupId: scene.group.id } })).toBe(0);
    const proposal = await scene.as(scene.admin).poll.create({ groupId: scene.group.id, kind: "proposal", title: "T", closingAt: inOneWeek() });
    expect((await scene.as(scene.admin).poll.byId({ id: proposal.id })).settings.countingMethod).toBeNull();
  });

  it("comes from a group template, which the author can still override", async () => {
    const scene = await pollGroup();
    const { key } = await scene.as(scene.admin).poll.saveTemplate({
      groupId: scene.group.id,
      name: "Runoff vote",
      kind: "ranked_choice",
      defaults: { countingMethod: "instant_runoff" },
    });
    const template = (await scene.as(scene.alice).poll.templates({ groupId: scene.group.id })).find((t) => t.key === key);
    expect(template?.defaults.countingMethod).toBe("instant_runoff");
    const base = { groupId: scene.group.id, kind: "ranked_choice" as const, template: key, title: "T", options: ["A", "B"], closingAt: inOneWeek() };
    const preset = await scene.as(scene.admin).poll.create(base);
    expect((await scene.as(scene.admin).poll.byId({ id: preset.id })).settings.countingMethod).toBe("instant_runoff");
    const overridden = await scene.as(scene.admin).poll.create({ ...base, countingMethod: "borda" });
    expect((await scene.as(scene.admin).poll.byId({ id: overridden.id })).settings.countingMethod).toBe("borda");
    await expect(
      scene.as(scene.admin).poll.saveTemplate({ groupId: scene.group.id, name: "Odd", kind: "proposal", defaults: { countingMethod: "borda" } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("puts the chosen method's winner first in the results, where the methods disagree", async () => {
    const scene = await pollGroup();
    const expected = { schulze: "Old school", instant_runoff: "Town hall", borda: "Central Library" } as const;
    for (const method of ["schulze", "instant_runoff", "borda"] as const) {
      const { id } = await ranked(scene, method);
      await voteProfile(scene, id);
      const name = async (optionId: string | null) =>
        (await scene.as(scene.admin).poll.byId({ id })).options.find((option) => option.id === optionId)?.name;
      const { tally } = await scene.as(scene.alice).poll.results({ pollId: id });
      if (tally?.kind !== "ranked_choice") throw new Error("expected a ranked tally");
      expect(tally.method).toBe(method);
      expect(await name(tally.outcomes[method].winnerOptionId)).toBe(expected[method]);
      expect(tally.outcomes[method].leaders).toHaveLength(1);
      // The other methods are there to compare, and name other winners.
      const winners = new Set(Object.values(tally.outcomes).map(({ winnerOptionId }) => winnerOptionId));
      expect(winners.size).toBe(3);
    }
  });
});
