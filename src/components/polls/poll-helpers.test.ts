import { describe, expect, it } from "vitest";
import { choicesFor, draftFrom, setNumber, toggleSelected } from "@/components/polls/ballot-draft";
import { joinChangeCode, parseChangeCode } from "@/components/polls/change-code";
import { choiceTexts } from "@/components/polls/choice-text";
import { dotsLeftText, dotsUsed } from "@/components/polls/dots";
import { isPollClosed, optionTone, participationText, pollStatus, unreachableQuorumText } from "@/components/polls/poll-text";
import { initialRanking, moveItem, rankingChoices } from "@/components/polls/ranking";
import { defaultClosingTime, formatSlot, fromLocalInputValue, timeZoneLabel, toLocalInputValue } from "@/components/polls/time-zone";

describe("ranking", () => {
  it("moves an item up and down and ignores moves off either end", () => {
    expect(moveItem(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(moveItem(["a", "b", "c"], 2, 1)).toEqual(["a", "b", "c"]);
  });

  it("starts from the earlier ranking and appends options not ranked then", () => {
    const mine = [
      { optionId: "c", rank: 1 },
      { optionId: "a", rank: 2 },
    ];
    expect(initialRanking(["a", "b", "c"], mine)).toEqual(["c", "a", "b"]);
    expect(initialRanking(["a", "b"], null)).toEqual(["a", "b"]);
    expect(initialRanking(["a"], [{ optionId: "gone", rank: 1 }])).toEqual(["a"]);
  });

  it("numbers a ranking from 1 with no gaps", () => {
    expect(rankingChoices(["c", "a"])).toEqual([
      { optionId: "c", rank: 1 },
      { optionId: "a", rank: 2 },
    ]);
  });
});

describe("dots", () => {
  it("adds up the dots placed", () => {
    expect(dotsUsed({ a: 3, b: 0, c: 4 })).toBe(7);
    expect(dotsUsed({})).toBe(0);
  });

  it("says how many are left, or how many too many", () => {
    expect(dotsLeftText(7, 10)).toBe("3 of 10 dots left");
    expect(dotsLeftText(0, 1)).toBe("1 of 1 dot left");
    expect(dotsLeftText(11, 10)).toBe("1 dot too many: you have 10");
    expect(dotsLeftText(13, 10)).toBe("3 dots too many: you have 10");
  });
});

describe("poll status", () => {
  const now = new Date("2026-11-26T12:00:00Z");
  it("counts down to the closing time", () => {
    expect(pollStatus({ closingAt: new Date("2026-11-29T13:00:00Z"), closedAt: null }, now)).toBe("Closes in 3 days");
    expect(pollStatus({ closingAt: new Date("2026-11-27T17:00:00Z"), closedAt: null }, now)).toBe("Closes in 29 hours");
    expect(pollStatus({ closingAt: new Date("2026-11-26T12:10:30Z"), closedAt: null }, now)).toBe("Closes in 10 minutes");
    expect(pollStatus({ closingAt: new Date("2026-11-26T12:00:20Z"), closedAt: null }, now)).toBe("Closes in less than a minute");
  });

  it("says when it closed, with the year only when it is not this year", () => {
    expect(pollStatus({ closingAt: new Date("2026-12-01T00:00:00Z"), closedAt: new Date("2026-11-02T10:00:00Z") }, now, "UTC")).toBe("Closed 2 Nov");
    expect(pollStatus({ closingAt: new Date("2025-03-04T10:00:00Z"), closedAt: null }, now, "UTC")).toBe("Closed 4 Mar 2025");
    expect(isPollClosed({ closingAt: new Date("2026-11-26T11:59:00Z"), closedAt: null }, now)).toBe(true);
  });

  it("writes participation as people say it", () => {
    expect(participationText({ voted: 4, eligible: 9, percent: 44.4 })).toBe("4 of 9 voted, 44%");
  });

  it("colours proposal and check options only", () => {
    expect(optionTone("proposal", "Agree")).toBe("agree");
    expect(optionTone("proposal", "Objection")).toBe("disagree");
    expect(optionTone("proposal", "Block")).toBe("block");
    expect(optionTone("check", "Not sure")).toBe("abstain");
    expect(optionTone("poll", "Agree")).toBe("neutral");
  });
});

describe("time zones", () => {
  it("round-trips a datetime-local value through an instant", () => {
    const date = fromLocalInputValue("2030-01-15T10:00");
    expect(date).not.toBeNull();
    expect(toLocalInputValue(date!)).toBe("2030-01-15T10:00");
    expect(fromLocalInputValue("")).toBeNull();
    expect(fromLocalInputValue("15/01/2030 10:00")).toBeNull();
  });

  it("closes a week later on the hour by default", () => {
    const now = new Date(2026, 10, 26, 9, 41, 13);
    expect(defaultClosingTime(now)).toEqual(new Date(2026, 11, 3, 10, 0, 0));
  });

  it("shows slots and zone names in the viewer's zone", () => {
    const slot = new Date("2030-01-15T09:00:00Z");
    expect(formatSlot(slot, "Europe/Berlin")).toBe("Tue, 15 Jan 2030, 10:00");
    expect(formatSlot(slot, "Pacific/Auckland")).toBe("Tue, 15 Jan 2030, 22:00");
    expect(timeZoneLabel("Europe/Berlin", slot)).toBe("Europe/Berlin (Central European Standard Time)");
    expect(timeZoneLabel("UTC", slot)).toMatch(/^UTC/);
  });
});

describe("ballot drafts", () => {
  const options = ["a", "b", "c"];
  it("starts from the viewer's current ballot", () => {
    const draft = draftFrom(options, [{ optionId: "b", score: 3, rank: null }], "because");
    expect(draft).toEqual({ selected: ["b"], numbers: { b: 3 }, ranking: ["a", "b", "c"], reason: "because" });
  });

  it("builds the choices each kind of poll takes", () => {
    const draft = { selected: ["b", "zz"], numbers: { a: 2, c: 0 }, ranking: ["c", "a", "b"], reason: "" };
    expect(choicesFor("proposal", draft, options)).toEqual([{ optionId: "b" }]);
    expect(choicesFor("score", draft, options)).toEqual([
      { optionId: "a", score: 2 },
      { optionId: "c", score: 0 },
    ]);
    expect(choicesFor("ranked_choice", draft, options)).toEqual([
      { optionId: "c", rank: 1 },
      { optionId: "a", rank: 2 },
      { optionId: "b", rank: 3 },
    ]);
    expect(choicesFor("question", draft, options)).toEqual([]);
  });

  it("toggles multiple choices and replaces a single one", () => {
    expect(toggleSelected(["a"], "b", false)).toEqual(["b"]);
    expect(toggleSelected(["a"], "b", true)).toEqual(["a", "b"]);
    expect(toggleSelected(["a", "b"], "a", true)).toEqual(["b"]);
  });

  it("clears a number when the input is emptied", () => {
    expect(setNumber({ a: 1 }, "a", "")).toEqual({});
    expect(setNumber({}, "a", "4")).toEqual({ a: 4 });
    expect(setNumber({ a: 1 }, "a", "x")).toEqual({});
  });
});

describe("ballots in words", () => {
  const label = (id: string) => ({ a: "Sea", b: "Hills" })[id] ?? id;
  it("reads each kind of choice", () => {
    expect(choiceTexts("proposal", [{ optionId: "a", score: null, rank: null }], label)).toEqual(["Sea"]);
    expect(choiceTexts("dot_vote", [{ optionId: "a", score: 1, rank: null }, { optionId: "b", score: 3, rank: null }], label)).toEqual([
      "Sea: 1 dot",
      "Hills: 3 dots",
    ]);
    expect(choiceTexts("ranked_choice", [{ optionId: "a", score: null, rank: 2 }, { optionId: "b", score: null, rank: 1 }], label)).toEqual([
      "1. Hills",
      "2. Sea",
    ]);
    expect(choiceTexts("meeting", [{ optionId: "a", score: 1, rank: null }], label)).toEqual(["Sea: if need be"]);
  });
});

describe("change codes", () => {
  it("joins a receipt and its key, and reads them back however they were typed", () => {
    const code = joinChangeCode("ABCDE23456", "KEYKEYKEYKEYKEYKEYKEYKEY");
    expect(parseChangeCode(code)).toEqual({ receipt: "ABCDE23456", changeKey: "KEYKEYKEYKEYKEYKEYKEYKEY" });
    expect(parseChangeCode(` ${code.toLowerCase()}\n`)).toEqual({ receipt: "ABCDE23456", changeKey: "KEYKEYKEYKEYKEYKEYKEYKEY" });
  });

  it("reads a bare receipt, as kept before change keys, with no key", () => {
    expect(parseChangeCode("abcde23456")).toEqual({ receipt: "ABCDE23456" });
    expect(parseChangeCode("")).toEqual({ receipt: "" });
  });
});

describe("unreachableQuorumText", () => {
  it("says nothing when the quorum can be met, is a share, or there is none", () => {
    const manager = { canLower: true, chosenVoters: false };
    expect(unreachableQuorumText(null, { voted: 0, eligible: 3 }, manager)).toBeNull();
    expect(unreachableQuorumText({ percent: 100 }, { voted: 0, eligible: 3 }, manager)).toBeNull();
    expect(unreachableQuorumText({ count: 3 }, { voted: 0, eligible: 3 }, manager)).toBeNull();
  });

  it("says a quorum above the eligible voters cannot be met, and how it can change", () => {
    expect(unreachableQuorumText({ count: 5 }, { voted: 0, eligible: 1 }, { canLower: true, chosenVoters: false })).toBe(
      "Only 1 person can vote in this poll, so its quorum of 5 cannot be met. Lower it with Edit poll, or invite more people to the group.",
    );
    // After the first vote the rules are locked; and only its managers can edit it.
    const joinOnly = "Only 4 people can vote in this poll, so its quorum of 5 cannot be met. More people would have to join the group.";
    expect(unreachableQuorumText({ count: 5 }, { voted: 1, eligible: 4 }, { canLower: true, chosenVoters: false })).toBe(joinOnly);
    expect(unreachableQuorumText({ count: 5 }, { voted: 0, eligible: 4 }, { canLower: false, chosenVoters: false })).toBe(joinOnly);
    // With chosen voters, newcomers to the group would not count.
    expect(unreachableQuorumText({ count: 5 }, { voted: 0, eligible: 2 }, { canLower: true, chosenVoters: true })).toBe(
      "Only 2 people can vote in this poll, so its quorum of 5 cannot be met. Lower it with Edit poll.",
    );
    expect(unreachableQuorumText({ count: 5 }, { voted: 1, eligible: 2 }, { canLower: true, chosenVoters: true })).toBe(
      "Only 2 people can vote in this poll, so its quorum of 5 cannot be met.",
    );
  });
});
