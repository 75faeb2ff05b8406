import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { providerOf } from "@/server/db/database-provider";
import { exportPollCsv } from "@/server/polls/export";
import { addMember, callerFor, makeUser } from "@/server/test/factories";
import { inOneWeek, pollGroup } from "@/server/test/poll-fixtures";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The poll group plus a third member, so that there are several votes to tell apart. */
async function anonymousPoll(settings: { hideResults?: "off" | "until_vote" | "until_closed"; allowChangeVote?: boolean } = {}) {
  const scene = await pollGroup();
  const carol = await makeUser();
  await addMember(scene.group.id, carol.id, "member");
  const { id } = await scene.as(scene.admin).poll.create({
    groupId: scene.group.id,
    kind: "proposal",
    title: "Secret",
    closingAt: inOneWeek(),
    anonymous: true,
    ...settings,
  });
  const [agree, abstain, disagree] = (await scene.as(scene.admin).poll.byId({ id })).options;
  return { ...scene, carol, id, agree: agree!.id, abstain: abstain!.id, disagree: disagree!.id };
}

/**
 * Anonymous means anonymous: no procedure, export, event or database row may connect a voter to
 * their choice. Each assertion looks for the voters' ids and names wherever a ballot surfaces.
 */
describe("anonymous polls", () => {
  it("never reveal who voted what, anywhere", async () => {
    const { admin, alice, bob, as, id, agree, disagree } = await anonymousPoll();
    const published: unknown[] = [];
    const aliceCaller = callerFor(alice.id);
    const { receipt, changeKey } = await aliceCaller.caller.poll.vote({ pollId: id, choices: [{ optionId: agree }], reason: "Because" });
    published.push(...aliceCaller.published);
    await as(bob).poll.vote({ pollId: id, choices: [{ optionId: disagree }] });

    const adminView = await as(admin).poll.byId({ id });
    expect(adminView.viewer.myChoices).toBeNull();
    const aliceView = await as(alice).poll.byId({ id });
    expect(aliceView.viewer).toMatchObject({ hasVoted: true, myChoices: null });

    await as(admin).poll.close({ id });
    const results = await as(admin).poll.results({ pollId: id });
    expect(results.ballots.every(({ voter }) => voter === null)).toBe(true);
    expect(results.tally).toMatchObject({ kind: "counts" });
    const { csv } = await exportPollCsv(getDb(), admin.id, id);
    for (const secret of [alice.id, alice.name, bob.id, bob.name]) {
      expect(JSON.stringify(results)).not.toContain(secret);
      expect(JSON.stringify(published)).not.toContain(secret);
      expect(csv).not.toContain(secret);
    }

    const ballots = await getDb().ballot.findMany({ where: { pollId: id } });
    expect(ballots.every((ballot) => ballot.voterId === null && ballot.castAt === null)).toBe(true);
    expect(JSON.stringify(ballots)).not.toMatch(new RegExp([alice.id, alice.name, bob.id, bob.name, changeKey].join("|")));
    expect(receipt).toMatch(/^[2-9A-Z]{10}$/);
    expect(changeKey).toMatch(/^[2-9A-Z]{24}$/);
    expect(ballots.find((ballot) => ballot.receipt === receipt)?.changeKeyHash).toBe(createHash("sha256").update(changeKey!).digest("hex"));
  });

  it("shows nothing that changes with each vote while open, to members and admins alike, then the whole tally once closed", async () => {
    const { group, admin, alice, bob, carol, as, id, agree, disagree } = await anonymousPoll({ hideResults: "off" });
    /** Everything a member or an admin can read about the poll. */
    const snapshot = async () => {
      const views = await Promise.all(
        [admin, alice].map(async (viewer) => ({
          results: await as(viewer).poll.results({ pollId: id }),
          detail: await as(viewer).poll.byId({ id }),
          list: await as(viewer).poll.list({ groupId: group.id }),
          undecided: await as(viewer).poll.undecided({ pollId: id }),
        })),
      );
      return JSON.parse(JSON.stringify(views)) as typeof views;
    };
    /** Who has voted is public (the count and the undecided list); nothing else may change. */
    const withoutWhoVoted = (views: Awaited<ReturnType<typeof snapshot>>) =>
      views.map(({ results, detail, list, undecided }) => ({
        results: { ...results, participation: { ...results.participation, voted: 0, percent: 0 } },
        detail: { ...detail, voterCount: 0, votedByMe: false, viewer: { ...detail.viewer, hasVoted: false } },
        list: list.map((summary) => ({ ...summary, voterCount: 0, votedByMe: false })),
        undecided: undecided.length >= 0,
      }));

    for (const [voter, optionId] of [
      [alice, agree],
      [bob, disagree],
      [carol, agree],
    ] as const) {
      const before = await snapshot();
      await as(voter).poll.vote({ pollId: id, choices: [{ optionId }], reason: `Reason of ${voter.name}` });
      const after = await snapshot();
      expect(withoutWhoVoted(after)).toEqual(withoutWhoVoted(before));
      for (const { results } of after) {
        expect(results).toMatchObject({ hidden: true, tally: null, ballots: [], hiddenReason: expect.stringContaining("anonymous") });
        expect(JSON.stringify(results)).not.toMatch(new RegExp(`${agree}|${disagree}|Reason of`));
      }
    }
    await expect(exportPollCsv(getDb(), admin.id, id)).rejects.toMatchObject({ code: "BAD_REQUEST" });

    await as(admin).poll.close({ id });
    const results = await as(alice).poll.results({ pollId: id });
    expect(results.tally).toMatchObject({ kind: "counts", counts: [{ optionId: agree, count: 2 }, { count: 0 }, { optionId: disagree, count: 1 }, { count: 0 }] });
    expect(results.ballots).toHaveLength(3);
    expect(results.participation).toMatchObject({ voted: 3, eligible: 4 });
  });

  it("keeps results hidden after voting when the poll would otherwise show them to voters", async () => {
    const { admin, alice, as, id, agree } = await anonymousPoll({ hideResults: "until_vote" });
    await as(alice).poll.vote({ pollId: id, choices: [{ optionId: agree }] });
    await expect(as(alice).poll.results({ pollId: id })).resolves.toMatchObject({ hidden: true, tally: null, ballots: [] });
    await as(admin).poll.close({ id });
    await expect(as(alice).poll.results({ pollId: id })).resolves.toMatchObject({ hidden: false, ballots: [{ voter: null }] });
  });

  it("cannot be reopened once its results are out", async () => {
    const { admin, as, id } = await anonymousPoll();
    await as(admin).poll.close({ id });
    await expect(as(admin).poll.reopen({ id, closingAt: inOneWeek() })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("cannot be reopened"),
    });
    expect((await as(admin).poll.byId({ id })).closedAt).not.toBeNull();
  });

  it("changes a vote only with its receipt and the key given with it", async () => {
    const { admin, alice, bob, carol, as, id, agree, abstain, disagree } = await anonymousPoll();
    const mine = await as(alice).poll.vote({ pollId: id, choices: [{ optionId: agree }] });
    const bobs = await as(bob).poll.vote({ pollId: id, choices: [{ optionId: agree }] });
    const change = (input: { receipt?: string; changeKey?: string }) => as(alice).poll.vote({ pollId: id, choices: [{ optionId: disagree }], ...input });

    await expect(change({})).rejects.toMatchObject({ code: "BAD_REQUEST", message: "To change an anonymous vote, give the change code you got when you voted." });
    // Bob showed Alice his receipt: by itself, or with Alice's own key, it changes nothing.
    await expect(change({ receipt: bobs.receipt })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("A receipt alone cannot change") });
    await expect(change({ receipt: bobs.receipt, changeKey: mine.changeKey! })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("That change code does not match"),
    });
    // Someone who has not voted casts a vote of their own, whatever receipt they send.
    await as(carol).poll.vote({ pollId: id, choices: [{ optionId: abstain }], receipt: bobs.receipt });

    const changed = await change({ receipt: mine.receipt.toLowerCase(), changeKey: ` ${mine.changeKey!.toLowerCase()} ` });
    expect(changed.changeKey).not.toBe(mine.changeKey);
    await expect(change({ receipt: mine.receipt, changeKey: mine.changeKey! })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    await as(admin).poll.close({ id });
    const results = await as(admin).poll.results({ pollId: id });
    expect(results.tally).toMatchObject({ counts: [{ optionId: agree, count: 1 }, { optionId: abstain, count: 1 }, { optionId: disagree, count: 1 }, {}] });
    expect(results.participation.voted).toBe(3);
  });

  it("stores nothing that orders or times ballots against the people who voted", async () => {
    const { admin, alice, bob, carol, as, id, agree, disagree } = await anonymousPoll();
    const db = getDb();
    const codes = [];
    for (const voter of [carol, alice, admin, bob]) codes.push(await as(voter).poll.vote({ pollId: id, choices: [{ optionId: agree }] }));
    await as(alice).poll.vote({ pollId: id, choices: [{ optionId: disagree }], receipt: codes[1]!.receipt, changeKey: codes[1]!.changeKey! });

    // No rowid: a table with one would number its rows in the order they were written.
    await expect(db.$queryRaw`SELECT rowid FROM "Ballot"`).rejects.toThrow();
    await expect(db.$queryRaw`SELECT rowid FROM "BallotChoice"`).rejects.toThrow();

    type Row = Record<string, unknown> & { id: string };
    const ballots = await db.$queryRaw<Row[]>`SELECT * FROM "Ballot" WHERE "pollId" = ${id}`;
    const choices = await db.$queryRaw<Row[]>`SELECT c.* FROM "BallotChoice" c JOIN "Ballot" b ON b."id" = c."ballotId" WHERE b."pollId" = ${id}`;
    expect(ballots).toHaveLength(4);
    expect(choices).toHaveLength(4);
    for (const ballot of ballots) {
      expect(ballot).toMatchObject({ id: expect.stringMatching(UUID_V4), voterId: null, castAt: null, supersededAt: null });
    }
    for (const choice of choices) expect(choice.id).toMatch(UUID_V4);
    // Rows come back in the order of their random ids, not in the order people voted.
    const ids = ballots.map((ballot) => ballot.id);
    expect(ids).toEqual([...ids].sort());
    if (providerOf(process.env.DATABASE_URL!) === "postgresql") {
      // PostgreSQL stamps each row with the transaction that wrote it, which the voter's participation row shares.
      const writers = await db.$queryRaw<{ xmin: string }[]>`SELECT DISTINCT b.xmin::text AS xmin FROM "Ballot" b WHERE b."pollId" = ${id}
        UNION SELECT DISTINCT c.xmin::text FROM "BallotChoice" c JOIN "Ballot" b ON b."id" = c."ballotId" WHERE b."pollId" = ${id}`;
      expect(writers).toHaveLength(1);
    }
  });

  it("keeps no superseded ballot, and so no time of the change, when an anonymous vote changes", async () => {
    const { alice, bob, as, id, agree, disagree } = await anonymousPoll();
    const first = await as(alice).poll.vote({ pollId: id, choices: [{ optionId: agree }] });
    await as(bob).poll.vote({ pollId: id, choices: [{ optionId: agree }] });
    const participation = await getDb().pollParticipation.findUniqueOrThrow({ where: { pollId_userId: { pollId: id, userId: alice.id } } });
    await as(alice).poll.vote({ pollId: id, choices: [{ optionId: disagree }], receipt: first.receipt, changeKey: first.changeKey! });

    const rows = await getDb().$queryRaw<{ supersededAt: unknown; castAt: unknown }[]>`SELECT "supersededAt", "castAt" FROM "Ballot" WHERE "pollId" = ${id}`;
    expect(rows).toEqual([
      { supersededAt: null, castAt: null },
      { supersededAt: null, castAt: null },
    ]);
    const after = await getDb().pollParticipation.findUniqueOrThrow({ where: { pollId_userId: { pollId: id, userId: alice.id } } });
    expect(after.votedAt).toEqual(participation.votedAt);
  });
});

describe("votes sent at the same moment", () => {
  it.each([
    ["an open", false],
    ["an anonymous", true],
  ])("count once in %s poll", async (_label, anonymous) => {
    const { group, admin, alice, as } = await pollGroup();
    const { id } = await as(admin).poll.create({ groupId: group.id, kind: "proposal", title: "Twice", closingAt: inOneWeek(), anonymous });
    const [agree, , disagree] = (await as(admin).poll.byId({ id })).options;

    const outcomes = await Promise.allSettled([
      as(alice).poll.vote({ pollId: id, choices: [{ optionId: agree!.id }] }),
      as(alice).poll.vote({ pollId: id, choices: [{ optionId: disagree!.id }] }),
    ]);

    expect(outcomes.filter(({ status }) => status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === "rejected")!;
    expect(refused.reason).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("You have just voted") });
    expect(await getDb().ballot.count({ where: { pollId: id, supersededAt: null } })).toBe(1);
    expect(await getDb().pollParticipation.count({ where: { pollId: id } })).toBe(1);
  });

  it("change a vote once when the same change is sent twice", async () => {
    const { group, admin, alice, as } = await pollGroup();
    for (const anonymous of [false, true]) {
      const { id } = await as(admin).poll.create({ groupId: group.id, kind: "proposal", title: "Change", closingAt: inOneWeek(), anonymous });
      const [agree, , disagree] = (await as(admin).poll.byId({ id })).options;
      const { receipt, changeKey } = await as(alice).poll.vote({ pollId: id, choices: [{ optionId: agree!.id }] });
      const change = () => as(alice).poll.vote({ pollId: id, choices: [{ optionId: disagree!.id }], receipt, changeKey: changeKey ?? undefined });

      const outcomes = await Promise.allSettled([change(), change()]);

      expect(outcomes.filter(({ status }) => status === "fulfilled")).toHaveLength(1);
      const refused = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === "rejected")!;
      expect(refused.reason).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("just been changed") });
      expect(await getDb().ballot.count({ where: { pollId: id, supersededAt: null } })).toBe(1);
    }
  });
});
