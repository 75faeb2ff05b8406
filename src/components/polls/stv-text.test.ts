import { describe, expect, it } from "vitest";
import { changeText, electedText, outcomeDraft, roundText, votesText } from "@/components/polls/stv-text";
import { countStv } from "@/lib/tallies/stv";

const names: Record<string, string> = { a: "Asha", b: "Ben", c: "Chloe" };
const label = (optionId: string) => names[optionId] ?? optionId;
const repeat = (times: number, ballot: string[]) => Array.from({ length: times }, () => ballot);

describe("an election's result in words", () => {
  it("shows votes to five places at most, without trailing zeros, and changes with a sign", () => {
    expect(votesText("19.00000")).toBe("19");
    expect(votesText("0.33333")).toBe("0.33333");
    expect(votesText("2.500000004")).toBe("2.5");
    expect(changeText("-2.00000")).toBe("−2");
    expect(changeText("1.99998")).toBe("+1.99998");
    expect(changeText("0.00000")).toBe("0");
  });

  it("names the elected, or who would be elected if the poll closed now, or nobody before any ballot", () => {
    expect(electedText({ elected: ["a", "b"], validBallots: 7 }, true, label)).toBe("Elected: Asha and Ben");
    expect(electedText({ elected: ["a", "b"], validBallots: 7 }, false, label)).toBe("If the poll closed now: Asha and Ben");
    expect(electedText({ elected: [], validBallots: 0 }, true, label)).toBe("Nobody is elected yet: no ballot ranks an option.");
  });

  it("tells each round: the transfer, the tie-break, who is elected and who excluded", () => {
    const count = countStv(["a", "b", "c"], [...repeat(6, ["a", "b"]), ...repeat(2, ["b"]), ...repeat(2, ["c"])], { seats: 2, method: "scottish_stv", seed: "s" });
    expect(roundText(count.rounds[0]!, 1, label)).toBe("Round 1: first choices counted; the quota is 4. Elected, reaching the quota: Asha.");
    expect(roundText(count.rounds[1]!, 2, label)).toBe(
      "Round 2: Asha's surplus moved on to the next choices, each vote carrying 0.33333 of its value. Excluded, with the fewest votes: Chloe. Elected as the only option left for the last seat: Ben.",
    );
    const tied = countStv(["a", "b", "c"], [...repeat(2, ["a"]), ["b"], ["c"]], { seats: 1, method: "scottish_stv", seed: "s" });
    const chosen = tied.rounds[0]!.tieBreaks[0]!.chosen;
    expect(roundText(tied.rounds[0]!, 1, label)).toContain(`Ben and Chloe had the same votes: ${label(chosen)} is excluded, decided by lot.`);
    const meek = countStv(["a", "b", "c"], [...repeat(6, ["a", "b"]), ...repeat(2, ["b"]), ...repeat(2, ["c"])], { seats: 2, method: "meek_stv", seed: "s" });
    expect(roundText(meek.rounds[1]!, 2, label)).toMatch(/^Round 2: every ballot counted again, .* Share of each vote kept: Asha 0\.\d+\. Elected, reaching the quota: Ben\.$/);
  });

  it("drafts the outcome from the count", () => {
    expect(outcomeDraft({ elected: ["b", "a"], method: "meek_stv", seats: 2 }, label)).toBe("Elected (Meek STV, 2 seats), in order of election: Ben and Asha.");
    expect(outcomeDraft({ elected: [], method: "scottish_stv", seats: 1 }, label)).toBeNull();
  });
});
