import { describe, expect, it } from "vitest";
import { initialEditForm, optionsLockReason, updateInput } from "@/components/polls/edit-poll-state";
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
  voterCount: 0,
  options: [
    { id: "a", name: "Hall", startsAt: null },
    { id: "b", name: "Park", startsAt: null },
  ],
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
