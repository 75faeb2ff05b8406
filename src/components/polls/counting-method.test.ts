import { describe, expect, it } from "vitest";
import { countedByText, headlineText, tieBreakText } from "@/components/polls/counting-method";

const names: Record<string, string> = { a: "Central Library", b: "Town hall", c: "Riverside cafe" };
const label = (id: string) => names[id]!;

describe("the ranked result in words", () => {
  it("names the winner under the poll's method", () => {
    expect(headlineText("schulze", { winnerOptionId: "a", leaders: ["a"] }, label)).toBe("Winner under Schulze: Central Library");
    expect(headlineText("instant_runoff", { winnerOptionId: "b", leaders: ["b"] }, label)).toBe("Winner under instant-runoff: Town hall");
    expect(tieBreakText("borda", { winnerOptionId: "c", leaders: ["c"] }, label)).toBeNull();
  });

  it("says a tie plainly, and which option the tie-break puts first", () => {
    const tie = { winnerOptionId: "a", leaders: ["a", "b"] };
    expect(headlineText("schulze", tie, label)).toBe("Tie under Schulze: Central Library and Town hall");
    expect(headlineText("borda", { winnerOptionId: "a", leaders: ["a", "b", "c"] }, label)).toBe(
      "Tie under Borda: Central Library, Town hall and Riverside cafe",
    );
    expect(tieBreakText("borda", tie, label)).toBe("If one option must be chosen, the tie-break (the earlier option on the poll) puts Central Library first.");
  });

  it("names no winner before any vote, and says the method before voting", () => {
    expect(headlineText("borda", { winnerOptionId: null, leaders: [] }, label)).toBe("No winner under Borda yet: nobody has ranked an option.");
    expect(countedByText("instant_runoff")).toBe("Counted by the instant-runoff method");
  });
});
