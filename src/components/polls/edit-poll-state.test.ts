import { describe, expect, it } from "vitest";
import { initialEditForm, optionsLockReason, rulesLockReason, updateInput } from "@/components/polls/edit-poll-state";
import type { RouterOutputs } from "@/lib/trpc/client";

type Poll = RouterOutputs["poll"]["byId"];

const closingAt = new Date(2030, 0, 15, 10, 0);
const poll = {
  id: "p1",
  kind: "poll",
  title: "Venue",
  details: "",
  closingAt,
  closedAt: null,
  opensAt: null,
  voterCount: 0,
  options: [
    { id: "a", name: "Hall", startsAt: null },
    { id: "b", name: "Park", startsAt: null },
  ],
  settings: { reasonRequired: false, allowBlock: true },
  rules: { quorum: null, threshold: null, requireReasonFor: [], summary: [] },
} as unknown as Poll;

describe("editing a poll", () => {
  it("sends only what changed, keeping option ids through renames and moves", () => {
    const form = initialEditForm(poll);
    expect(updateInput(form, poll)).toEqual({ ok: true, input: { pollId: "p1" } });
    const [hall, park] = form.rows;
    const changed = { ...form, title: "Where", rows: [{ ...park!, value: "Big park" }, hall!, { key: "new", value: " Café " }, { key: "blank", value: "" }] };
    expect(updateInput(changed, poll)).toEqual({
      ok: true,
      input: { pollId: "p1", title: "Where", options: [{ id: "b", name: "Big park" }, { id: "a", name: "Hall" }, { name: "Café" }] },
    });
  });

  it("locks the options after the first vote or once closed, saying why, and leaves them out", () => {
    const voted = { ...poll, voterCount: 3 };
    expect(optionsLockReason(voted)).toBe("Options can't change after the first vote: 3 people have voted.");
    expect(optionsLockReason({ ...poll, voterCount: 1 })).toBe("Options can't change after the first vote: 1 person has voted.");
    const form = initialEditForm(voted);
    expect(updateInput({ ...form, rows: [] }, voted)).toEqual({ ok: true, input: { pollId: "p1" } });
    const closed = { ...poll, closedAt: new Date() };
    expect(optionsLockReason(closed)).toBe("This poll is closed, so its options can't change.");
    expect(updateInput({ ...initialEditForm(closed), closingAt: "2031-01-01T10:00" }, closed)).toEqual({ ok: true, input: { pollId: "p1" } });
  });

  it("asks for a real closing time", () => {
    expect(updateInput({ ...initialEditForm(poll), closingAt: "" }, poll)).toEqual({ ok: false, field: "closingAt", message: "Choose when the poll closes." });
  });
});

describe("editing a poll's voting rules", () => {
  const ruled = { ...poll, rules: { quorum: { count: 3 }, threshold: { rule: "simple_majority", of: "votes_cast" }, requireReasonFor: ["park"], summary: [] } } as unknown as Poll;
  const now = new Date(2029, 0, 1);

  it("sends only the rules that changed, null to remove one", () => {
    const form = initialEditForm(ruled, now);
    expect(form.rules).toMatchObject({ quorumMode: "count", quorumValue: "3", thresholdRule: "simple_majority", reasonFor: ["park"] });
    expect(updateInput(form, ruled, now)).toEqual({ ok: true, input: { pollId: "p1" } });
    const changed = { ...form, rules: { ...form.rules, quorumMode: "percent" as const, quorumValue: "50", thresholdRule: "" as const, reasonFor: ["hall"] } };
    expect(updateInput(changed, ruled, now)).toEqual({ ok: true, input: { pollId: "p1", quorum: { percent: 50 }, threshold: null, requireReasonFor: ["hall"] } });
  });

  it("moves a scheduled opening, or opens now when cleared, and locks rules after the first vote", () => {
    const scheduled = { ...poll, opensAt: new Date(2029, 5, 1, 9, 0) } as Poll;
    const form = initialEditForm(scheduled, now);
    expect(form.opensAt).toBe("2029-06-01T09:00");
    expect(updateInput({ ...form, opensAt: "" }, scheduled, now)).toEqual({ ok: true, input: { pollId: "p1", opensAt: null } });
    expect(updateInput({ ...form, opensAt: "2029-06-02T09:00" }, scheduled, now)).toEqual({ ok: true, input: { pollId: "p1", opensAt: new Date(2029, 5, 2, 9, 0) } });
    expect(rulesLockReason({ ...poll, voterCount: 2 })).toBe("The voting rules can't change after the first vote: 2 people have voted.");
    const voted = { ...ruled, voterCount: 2 } as Poll;
    const locked = initialEditForm(voted, now);
    expect(updateInput({ ...locked, rules: { ...locked.rules, quorumMode: "none" } }, voted, now)).toEqual({ ok: true, input: { pollId: "p1" } });
  });
});
