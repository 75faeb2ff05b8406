import { describe, expect, it } from "vitest";
import { NOTIFICATION_KINDS } from "@/server/notifications/schemas";
import { summarize } from "@/server/notifications/summary";

describe("summarize", () => {
  it("names the actor and the item", () => {
    expect(summarize({ kind: "mention", title: "Charter", actorName: "Priya Shah", groupName: "Steering" })).toBe(
      "Priya Shah mentioned you in “Charter”",
    );
    expect(summarize({ kind: "new_thread", title: "Budget", actorName: "Sam", groupName: "Steering" })).toBe(
      "Sam started “Budget” in Steering",
    );
    expect(summarize({ kind: "membership_request", title: "Steering", actorName: "Ali", groupName: "Steering" })).toBe(
      "Ali asks to join Steering",
    );
  });

  it("reads well when the actor's account is gone, for every kind", () => {
    for (const kind of NOTIFICATION_KINDS) {
      const text = summarize({ kind, title: "Charter", actorName: null, groupName: null });
      expect(text).not.toMatch(/null|undefined/);
      expect(text.length).toBeGreaterThan(10);
    }
    expect(summarize({ kind: "reply", title: "Charter", actorName: null, groupName: null })).toBe(
      "Someone replied to your comment in “Charter”",
    );
  });
});
