import { describe, expect, it } from "vitest";
import { seedDemoStakeholders } from "@/server/bootstrap/demo-stakeholders";
import { getDb } from "@/server/db";
import { addMember, callerFor, makeGroup, makeOrganisation, makeUser } from "@/server/test/factories";

describe("demo stakeholder map", () => {
  it("puts a small linked map on the group, tied to the demo organisations it names, readable through stakeholder.list", async () => {
    const group = await makeGroup();
    const member = await makeUser();
    await addMember(group.id, member.id, "member");
    const hospice = await makeOrganisation({ name: `Hospice ${Date.now()}` });
    await getDb().$transaction((tx) => seedDemoStakeholders(tx, group.id, (name) => (name === "Dorothy House Hospice Care" ? hospice.id : null)));

    const map = await callerFor(member.id).caller.stakeholder.list({ groupId: group.id });
    expect(map.stakeholders.length).toBeGreaterThanOrEqual(8);
    expect(new Set(map.stakeholders.map(({ relationship }) => relationship))).toEqual(new Set(["core", "partner", "supporter", "to_approach"]));
    expect(map.stakeholders.find(({ name }) => name === "Dorothy House Hospice Care")?.organisation).toEqual(hospice);
    expect(map.links.length).toBeGreaterThan(0);
    expect(new Set(map.stakeholders.map(({ x, y }) => `${x},${y}`)).size).toBe(map.stakeholders.length);
  });
});
