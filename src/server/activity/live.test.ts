import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { appendUpdate } from "@/server/documents/persistence";
import { paragraph, stateOf } from "@/server/documents/versions/test-content";
import { addMember, makeDocument, makeGroup, makeInvitation, makeUser } from "@/server/test/factories";
import { inOneWeek } from "@/server/test/poll-fixtures";
import { as, eventually, hearEverythingSoFar, heardNamed, person, startRealtime, type LivePerson } from "@/server/test/sockets";

/**
 * The Activity tab refetches on the group's news (thread.activity, poll.updated, …). Members hear
 * it in the group's room; guests, who are kept out of that room, must hear the news of what they
 * were invited to, and nothing else.
 */

const threadsHeard = (live: LivePerson) => new Set(heardNamed(live.heard, "thread.activity").map(({ threadId }) => threadId));
const pollsHeard = (live: LivePerson) => new Set(heardNamed(live.heard, "poll.updated").map(({ pollId }) => pollId));

/** A named version of the document proposed for adoption, and adopted by the proposal's outcome. */
async function adopt(adminId: string, documentId: string, editorId: string): Promise<string> {
  await appendUpdate(getDb(), documentId, stateOf([paragraph("What we agree on.")]), editorId);
  const version = await as(adminId, (caller) => caller.document.nameVersion({ id: documentId, name: "Agreed" }));
  const { pollId } = await as(adminId, (caller) => caller.document.proposeAdoption({ id: documentId, versionId: version.id, closingAt: inOneWeek() }));
  await as(adminId, (caller) => caller.poll.close({ id: pollId }));
  const agree = await getDb().pollOption.findFirstOrThrow({ where: { pollId, name: "Agree" }, select: { id: true } });
  await as(adminId, (caller) => caller.poll.setOutcome({ id: pollId, statement: "Adopted.", optionId: agree.id }));
  return pollId;
}

async function scenario() {
  const group = await makeGroup();
  const [ada, mia, gus] = [await makeUser({ name: "Ada" }), await makeUser({ name: "Mia" }), await makeUser({ name: "Gus" })];
  await addMember(group.id, ada.id, "admin");
  await addMember(group.id, mia.id, "member");
  await addMember(group.id, gus.id, "guest");
  const invited = await as(ada.id, (caller) => caller.thread.create({ groupId: group.id, title: "Invited", body: "Guests welcome" }));
  const hidden = await as(ada.id, (caller) => caller.thread.create({ groupId: group.id, title: "Members only", body: "Not for guests" }));
  await getDb().threadGuest.create({ data: { threadId: invited.id, userId: gus.id } });
  const charter = await makeDocument({ groupId: group.id, createdById: ada.id, title: "Charter", guestIds: [gus.id] });
  const rules = await makeDocument({ groupId: group.id, createdById: ada.id, title: "Rules" });
  return { group, ada, mia, gus, invited, hidden, charter, rules };
}

describe("the Activity tab's live news", () => {
  it("reaches a guest for the threads and documents they were invited to, and never for the others", async () => {
    const { url } = await startRealtime();
    const { group, ada, mia, gus, invited, hidden, charter, rules } = await scenario();
    const [gusLive, miaLive] = [await person(url, gus.id), await person(url, mia.id)];

    await as(ada.id, (caller) => caller.comment.create({ threadId: invited.id, body: "For everyone here" }));
    await as(ada.id, (caller) => caller.comment.create({ threadId: hidden.id, body: "Members only" }));
    const invitedPoll = await as(ada.id, (caller) => caller.poll.create({ groupId: group.id, threadId: invited.id, kind: "proposal", title: "Open", closingAt: inOneWeek() }));
    const hiddenPoll = await as(ada.id, (caller) => caller.poll.create({ groupId: group.id, threadId: hidden.id, kind: "proposal", title: "Closed", closingAt: inOneWeek() }));
    const charterAdoption = await adopt(ada.id, charter.id, mia.id);
    const rulesAdoption = await adopt(ada.id, rules.id, mia.id);
    await hearEverythingSoFar(gusLive);
    await hearEverythingSoFar(miaLive);

    expect(threadsHeard(gusLive)).toEqual(new Set([invited.id]));
    expect(pollsHeard(gusLive)).toEqual(new Set([invitedPoll.id, charterAdoption]));
    expect(heardNamed(gusLive.heard, "poll.updated").filter(({ pollId }) => pollId === charterAdoption)).toEqual([
      { pollId: charterAdoption, groupId: group.id, threadId: null, documentId: charter.id },
    ]);
    // Each event once, though a guest's news and the group's room are two rooms.
    expect(heardNamed(gusLive.heard, "thread.activity")).toHaveLength(1);
    expect(JSON.stringify(gusLive.heard)).not.toContain(hidden.id);
    expect(JSON.stringify(gusLive.heard)).not.toContain(rules.id);

    expect(threadsHeard(miaLive)).toEqual(new Set([invited.id, hidden.id]));
    expect(pollsHeard(miaLive)).toEqual(new Set([invitedPoll.id, hiddenPoll.id, charterAdoption, rulesAdoption]));
  });

  it("reaches someone from the moment they accept an invitation as a guest, without reconnecting", async () => {
    const { url } = await startRealtime();
    const { group, ada, hidden } = await scenario();
    const rita = await makeUser({ name: "Rita" });
    const invitation = await makeInvitation({ groupId: group.id, invitedById: ada.id, email: rita.email, role: "guest" });
    await getDb().invitation.update({ where: { id: invitation.id }, data: { threadId: hidden.id } });
    const ritaLive = await person(url, rita.id);

    await as(rita.id, (caller) => caller.invitation.accept({ token: invitation.token }));
    await as(ada.id, (caller) => caller.comment.create({ threadId: hidden.id, body: "Welcome, Rita" }));

    await eventually(() => expect(threadsHeard(ritaLive)).toEqual(new Set([hidden.id])));
  });
});
