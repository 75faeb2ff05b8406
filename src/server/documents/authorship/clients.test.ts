import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { getDb } from "@/server/db";
import { claimClients, judgeClients, MAX_NEW_CLIENTS_PER_UPDATE, OTHERS_CLIENT, TOO_MANY_CLIENTS, writingClients } from "@/server/documents/authorship/clients";
import { typeInto } from "@/server/documents/test-editing";
import { addMember, makeDocument, makeGroup, makeUser } from "@/server/test/factories";

/** An update typed by `count` different Yjs clients, one after another. */
function updateOfClients(count: number): Uint8Array {
  const doc = new Y.Doc();
  for (let client = 1; client <= count; client++) {
    doc.clientID = client;
    typeInto(doc, 0, "x");
  }
  return Y.encodeStateAsUpdate(doc);
}

describe("client ids", () => {
  it("reads which clients an update writes as, leaving out what the document already holds", () => {
    const live = new Y.Doc();
    const writer = new Y.Doc();
    typeInto(writer, 0, "known");
    Y.applyUpdate(live, Y.encodeStateAsUpdate(writer));
    expect(writingClients(Y.encodeStateAsUpdate(writer), live)).toEqual([]);
    const before = Y.encodeStateVector(writer);
    typeInto(writer, 5, " and new");
    expect(writingClients(Y.encodeStateAsUpdate(writer), live)).toEqual([writer.clientID]);
    expect(writingClients(Y.encodeStateAsUpdate(writer, before), live)).toEqual([writer.clientID]);
    expect(writingClients(new Uint8Array([1, 200, 255]), live)).toBeNull();
  });

  it("refuses an update bringing more new clients than an editor ever has, and lets the update check judge what it cannot read", () => {
    const live = new Y.Doc();
    const nobody = () => undefined;
    expect(judgeClients(live, "u", updateOfClients(MAX_NEW_CLIENTS_PER_UPDATE), 1 << 20, nobody)).toMatchObject({ ok: true });
    expect(judgeClients(live, "u", updateOfClients(MAX_NEW_CLIENTS_PER_UPDATE + 1), 1 << 20, nobody)).toEqual({ ok: false, reason: TOO_MANY_CLIENTS });
    expect(judgeClients(live, "u", updateOfClients(1), 1 << 20, (client) => (client === 1 ? "someone else" : undefined))).toEqual({ ok: false, reason: OTHERS_CLIENT });
    expect(judgeClients(live, "u", "not bytes", 1 << 20, nobody)).toEqual({ ok: true, unclaimed: [] });
    expect(judgeClients(live, "u", updateOfClients(1), 4, nobody)).toEqual({ ok: true, unclaimed: [] });
  });

  it("gives a client id to the first claim when two people claim it at once", async () => {
    const group = await makeGroup();
    const [ana, ben] = [await makeUser(), await makeUser()];
    await addMember(group.id, ana.id);
    await addMember(group.id, ben.id);
    const document = await makeDocument({ groupId: group.id, createdById: ana.id });
    const [first, second] = await Promise.all([
      claimClients(getDb(), document.id, [7, 8], ana.id),
      claimClients(getDb(), document.id, [8, 9], ben.id),
    ]);
    expect(first.get(8)).toBe(second.get(8));
    expect([ana.id, ben.id]).toContain(first.get(8));
    expect(first.get(7)).toBe(ana.id);
    expect(second.get(9)).toBe(ben.id);
    expect(await getDb().documentClient.count({ where: { documentId: document.id } })).toBe(3);
    // A later claim changes nothing.
    expect((await claimClients(getDb(), document.id, [7], ben.id)).get(7)).toBe(ana.id);
  });
});
