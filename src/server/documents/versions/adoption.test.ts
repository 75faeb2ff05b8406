import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { appendUpdate } from "@/server/documents/persistence";
import { paragraph, stateOf } from "@/server/documents/versions/test-content";
import { addMember, callerFor, makeDocument, makeGroup, makeUser } from "@/server/test/factories";

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000);

async function setUp() {
  const group = await makeGroup();
  const [admin, member] = await Promise.all([makeUser(), makeUser()]);
  await addMember(group.id, admin.id, "admin");
  await addMember(group.id, member.id, "member");
  const document = await makeDocument({ groupId: group.id, createdById: admin.id, title: "Vision" });
  await appendUpdate(getDb(), document.id, stateOf([paragraph("Our shared vision.")]), member.id);
  const admins = callerFor(admin.id).caller;
  const named = await admins.document.nameVersion({ id: document.id, name: "November draft" });
  return { group, admin, member, document, admins, named };
}

/** Closes the proposal and records an outcome naming one of its options, as its author would. */
async function decide(caller: ReturnType<typeof callerFor>["caller"], pollId: string, optionName: string) {
  await caller.poll.close({ id: pollId });
  const option = await getDb().pollOption.findFirstOrThrow({ where: { pollId, name: optionName }, select: { id: true } });
  await caller.poll.setOutcome({ id: pollId, statement: `Outcome: ${optionName}`, optionId: option.id });
}

describe("adopting a version by proposal", () => {
  it("starts a consensus proposal in the document's group, linked to a named version", async () => {
    const { group, document, admins, named } = await setUp();
    const { pollId } = await admins.document.proposeAdoption({ id: document.id, versionId: named.id, closingAt: inAWeek() });
    const poll = await admins.poll.byId({ id: pollId });
    expect(poll).toMatchObject({ kind: "proposal", groupId: group.id, title: "Adopt “November draft” of Vision" });
    expect(poll.details).toContain(`/documents/${document.id}/history?version=${named.id}`);
    expect(poll.options.map((option) => option.name)).toEqual(["Agree", "Abstain", "Disagree", "Block"]);
    const { items } = await admins.document.versions({ id: document.id });
    expect(items[0]!.proposal).toEqual({ pollId, title: poll.title, closed: false });
    await expect(admins.document.proposeAdoption({ id: document.id, versionId: named.id, closingAt: inAWeek() })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("needs a named version and permission to start proposals", async () => {
    const { member, document, admins } = await setUp();
    await getDb().documentVersion.create({ data: { documentId: document.id, kind: "auto", state: stateOf([]) } });
    const auto = (await admins.document.versions({ id: document.id })).items.find((v) => v.kind === "auto")!;
    await expect(admins.document.proposeAdoption({ id: document.id, versionId: auto.id, closingAt: inAWeek() })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("named version"),
    });
    const named = (await admins.document.versions({ id: document.id })).items.find((v) => v.kind === "named")!;
    await getDb().group.update({ where: { id: document.groupId }, data: { membersCanPropose: false } });
    await expect(
      callerFor(member.id).caller.document.proposeAdoption({ id: document.id, versionId: named.id, closingAt: inAWeek() }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      admins.document.proposeAdoption({ id: document.id, versionId: named.id, closingAt: new Date(Date.now() - 1000) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("adopts the version when the outcome records agreement, and only then", async () => {
    const { member, document, admins, named } = await setUp();
    const { pollId } = await admins.document.proposeAdoption({ id: document.id, versionId: named.id, closingAt: inAWeek() });

    await decide(admins, pollId, "Disagree");
    let version = (await admins.document.versions({ id: document.id })).items[0]!;
    expect(version).toMatchObject({ adoptedAt: null, isAdopted: false, proposal: { closed: true } });

    await admins.poll.setOutcome({
      id: pollId,
      statement: "We agree.",
      optionId: (await getDb().pollOption.findFirstOrThrow({ where: { pollId, name: "Agree" } })).id,
    });
    version = (await admins.document.versions({ id: document.id })).items[0]!;
    expect(version.isAdopted).toBe(true);
    expect(version.adoptedAt).toBeInstanceOf(Date);
    const detail = await callerFor(member.id).caller.document.byId({ id: document.id });
    expect(detail.adoptedVersion).toMatchObject({ id: named.id, name: "November draft" });
    const notified = await getDb().notification.count({ where: { userId: member.id, kind: "poll_outcome" } });
    expect(notified).toBeGreaterThan(0);

    await admins.poll.reopen({ id: pollId, closingAt: inAWeek() });
    expect((await getDb().document.findUniqueOrThrow({ where: { id: document.id } })).adoptedVersionId).toBeNull();
  });
});
