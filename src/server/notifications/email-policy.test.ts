import { describe, expect, it } from "vitest";
import { emailDecision } from "@/server/notifications/email-policy";
import { EMAIL_LEVELS, NOTIFICATION_KINDS, type EmailLevel, type NotificationKind } from "@/server/notifications/schemas";

/** The whole table, written out by hand so a change to the rules has to change this too. */
const EXPECTED: Record<NotificationKind, Record<EmailLevel, "send" | "skip">> = {
  mention: { all: "send", important: "send", digest: "skip", none: "skip" },
  reply: { all: "send", important: "send", digest: "skip", none: "skip" },
  new_thread: { all: "send", important: "skip", digest: "skip", none: "skip" },
  new_poll: { all: "send", important: "skip", digest: "skip", none: "skip" },
  poll_closing: { all: "send", important: "send", digest: "skip", none: "skip" },
  poll_outcome: { all: "send", important: "send", digest: "skip", none: "skip" },
  membership_request: { all: "send", important: "send", digest: "skip", none: "skip" },
  invitation_accepted: { all: "send", important: "send", digest: "skip", none: "skip" },
  resource_published: { all: "send", important: "skip", digest: "skip", none: "skip" },
  meeting_new: { all: "send", important: "skip", digest: "skip", none: "skip" },
  meeting_changed: { all: "send", important: "send", digest: "skip", none: "skip" },
  new_comment: { all: "send", important: "skip", digest: "skip", none: "skip" },
  task_assigned: { all: "send", important: "send", digest: "skip", none: "skip" },
  task_due: { all: "send", important: "send", digest: "skip", none: "skip" },
  decision_review: { all: "send", important: "send", digest: "skip", none: "skip" },
  ack_requested: { all: "send", important: "send", digest: "skip", none: "skip" },
  signature_requested: { all: "send", important: "send", digest: "skip", none: "skip" },
};

/** In a thread you follow, everything is emailed at once unless you chose no email at all. */
const FOLLOWING: Record<EmailLevel, "send" | "skip"> = { all: "send", important: "send", digest: "send", none: "skip" };

describe("emailDecision", () => {
  it("covers every kind", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...NOTIFICATION_KINDS].sort());
  });

  for (const kind of NOTIFICATION_KINDS) {
    for (const level of EMAIL_LEVELS) {
      it(`${level} / ${kind}: ${EXPECTED[kind][level]} without a thread choice, ${FOLLOWING[level]} when following`, () => {
        expect(emailDecision(level, kind)).toBe(EXPECTED[kind][level]);
        expect(emailDecision(level, kind, true)).toBe(FOLLOWING[level]);
      });
      it(`${level} / ${kind} in a muted thread: skip`, () => {
        expect(emailDecision(level, kind, false)).toBe("skip");
      });
    }
  }
});
