import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { exportPollCsv } from "@/server/polls/export";
import { callerFor } from "@/server/test/factories";
import { inOneWeek, pollGroup } from "@/server/test/poll-fixtures";

/**
 * Anonymous means anonymous: no procedure, export, event or database row may connect a voter to
 * their choice. Each assertion looks for the voters' ids and names wherever a ballot surfaces.
 */
describe("anonymous polls", () => {
  it("never reveal who voted what, anywhere", async () => {
    const { group, admin, alice, bob, as } = await pollGroup();
    const { id } = await as(admin).poll.create({ groupId: group.id, kind: "proposal", title: "Secret", closingAt: inOneWeek(), anonymous: true });
    const [agree, , disagree] = (await as(admin).poll.byId({ id })).options;
    const published: unknown[] = [];
    const aliceCaller = callerFor(alice.id);
    const { receipt } = await aliceCaller.caller.poll.vote({ pollId: id, choices: [{ optionId: agree!.id }], reason: "Because" });
    published.push(...aliceCaller.published);
    await as(bob).poll.vote({ pollId: id, choices: [{ optionId: disagree!.id }] });

    const voterNames = [alice.id, alice.name, bob.id, bob.name];
    const results = await as(admin).poll.results({ pollId: id });
    expect(results.ballots.every(({ voter }) => voter === null)).toBe(true);
    expect(results.tally).toMatchObject({ kind: "counts" });
    const adminView = await as(admin).poll.byId({ id });
    expect(adminView.viewer.myChoices).toBeNull();
    const aliceView = await as(alice).poll.byId({ id });
    expect(aliceView.viewer).toMatchObject({ hasVoted: true, myChoices: null });

    const undecided = await as(admin).poll.undecided({ pollId: id });
    expect(undecided.map(({ id: personId }) => personId)).toEqual([admin.id]);

    await as(admin).poll.close({ id });
    const { csv } = await exportPollCsv(getDb(), admin.id, id);
    for (const secret of voterNames) {
      expect(JSON.stringify(results)).not.toContain(secret);
      expect(JSON.stringify(published)).not.toContain(secret);
      expect(csv).not.toContain(secret);
    }

    const ballots = await getDb().ballot.findMany({ where: { pollId: id } });
    expect(ballots.every((ballot) => ballot.voterId === null && ballot.castAt === null)).toBe(true);
    expect(JSON.stringify(ballots)).not.toMatch(new RegExp(voterNames.join("|")));
    expect(receipt).toMatch(/^[2-9A-Z]{10}$/);
  });

  it("changes an anonymous vote only with its receipt", async () => {
    const { group, admin, alice, as } = await pollGroup();
    const { id } = await as(admin).poll.create({ groupId: group.id, kind: "proposal", title: "Secret", closingAt: inOneWeek(), anonymous: true });
    const [agree, , disagree] = (await as(admin).poll.byId({ id })).options;
    const { receipt } = await as(alice).poll.vote({ pollId: id, choices: [{ optionId: agree!.id }] });
    await expect(as(alice).poll.vote({ pollId: id, choices: [{ optionId: disagree!.id }] })).rejects.toMatchObject({
      message: "To change an anonymous vote, give the receipt code you got when you voted.",
    });
    await as(alice).poll.vote({ pollId: id, choices: [{ optionId: disagree!.id }], receipt: receipt.toLowerCase() });
    const results = await as(admin).poll.results({ pollId: id });
    expect(results.ballots.map(({ choices }) => choices[0]!.optionId)).toEqual([disagree!.id]);
    expect(results.participation.voted).toBe(1);
  });
});
