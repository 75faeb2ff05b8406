import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, auditSentence } from "@/server/audit/actions";
import { displayValue, parseValues } from "@/server/audit/dto";
import { changedGroupFields } from "@/server/audit/group-entries";

const current = {
  name: "Steering",
  handle: "steering",
  description: "We steer.",
  logoId: null,
  parentId: "parent-1",
  membersCanInvite: false,
  membersCanPropose: true,
  membersCanAddResources: false,
};

describe("changedGroupFields", () => {
  it("keeps only the fields whose value changes, the logo as whether there is one and the parent by name", () => {
    const names = new Map([["parent-1", "Federation"]]);
    expect(changedGroupFields(current, { name: "Steering", membersCanInvite: true, logoId: "image-1", parentId: null }, names)).toEqual({
      before: { membersCanInvite: false, logo: null, parent: "Federation" },
      after: { membersCanInvite: true, logo: "a new logo", parent: null },
    });
    expect(changedGroupFields(current, { description: "We steer." }, names)).toEqual({ before: {}, after: {} });
  });

  it("never takes in a field it does not name, whatever the change carries (a secret added to groups later, say)", () => {
    const changes = { name: "Renamed", webhookSecret: "s3cret" } as Parameters<typeof changedGroupFields>[1];
    expect(JSON.stringify(changedGroupFields(current, changes, new Map()))).not.toContain("s3cret");
  });
});

describe("audit sentences", () => {
  const facts = { subjectType: "person", label: "Sam Rivers", before: { role: "member" }, after: { role: "admin" } };

  it("reads as plain English, actor first", () => {
    expect(auditSentence("member.role_changed", { name: "Morgan Staff" }, facts)).toBe("Morgan Staff changed Sam Rivers's role from member to admin");
    expect(auditSentence("invitation.sent", { name: "Morgan Staff" }, { ...facts, label: "gus@example.test", before: {}, after: { role: "admin" } })).toBe(
      "Morgan Staff invited gus@example.test as an admin",
    );
  });

  it("has a sentence for every action, even without stored values", () => {
    for (const action of Object.keys(AUDIT_ACTIONS)) {
      expect(auditSentence(action, { name: "A" }, { subjectType: "thread", label: "X", before: {}, after: {} })).toMatch(/^A \S/);
    }
  });

  it("still reads an action it does not know (an entry from a later version)", () => {
    expect(auditSentence("thread.archived", { name: "Morgan Staff" }, { ...facts, label: "Budget" })).toBe("Morgan Staff did “thread.archived” to Budget");
  });
});

describe("stored values", () => {
  it("read back as plain values only, and as nothing when damaged", () => {
    expect(parseValues('{"role":"admin","count":2,"on":true,"none":null,"nested":{"a":1}}')).toEqual({ role: "admin", count: 2, on: true, none: null });
    expect(parseValues("")).toEqual({});
    expect(parseValues("[1,2]")).toEqual({});
    expect(parseValues("{not json")).toEqual({});
  });

  it("show as text a person reads", () => {
    expect(displayValue("membersCanInvite", true)).toBe("yes");
    expect(displayValue("parent", null)).toBe("none");
    expect(displayValue("guests", undefined)).toBe("");
    expect(displayValue("closingAt", "2026-12-05T10:00:00.000Z")).toBe("5 Dec 2026, 10:00 UTC");
  });
});
