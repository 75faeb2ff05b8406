import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { DocumentSync, type DocumentSocket } from "@/lib/documents/document-sync";
import { getDb } from "@/server/db";
import { OTHERS_CLIENT } from "@/server/documents/authorship/clients";
import { applyServerUpdate } from "@/server/documents/live";
import { loadDocumentState } from "@/server/documents/persistence";
import { typedUpdate, typeInto } from "@/server/documents/test-editing";
import { MAX_UPDATE_BYTES } from "@/server/documents/update-check";
import { getEventBus } from "@/server/events";
import { attachRealtime } from "@/server/realtime/socket-server";
import { addMember, callerFor, makeDocument, makeGroup, makeUser } from "@/server/test/factories";
import {
  afterThisTest,
  connectAs,
  emitWithAnswer,
  eventually,
  openDocument,
  SOCKET_SECRET,
  startSocketServer,
  storedText,
} from "@/server/test/sockets";

/** An editor as the browser has one: a Y.Doc, its awareness, and the sync over a real socket. */
async function editor(url: string, userId: string, documentId: string) {
  const socket = await connectAs(url, userId);
  return { socket, ...(await openDocument(socket, documentId)) };
}

/** A member, another member, an invited guest and an outsider, with one document of the group. */
async function scenario() {
  const group = await makeGroup();
  const [ana, ben, guest, outsider] = [
    await makeUser({ name: "Ana" }),
    await makeUser({ name: "Ben" }),
    await makeUser({ name: "Gus" }),
    await makeUser(),
  ];
  await addMember(group.id, ana.id);
  await addMember(group.id, ben.id);
  await addMember(group.id, guest.id, "guest");
  const document = await makeDocument({ groupId: group.id, createdById: ana.id, title: "Vision", guestIds: [guest.id] });
  return { group, ana, ben, guest, outsider, document };
}

describe("document rooms", () => {
  it("merges interleaved edits from two editors and stores the merged result", async () => {
    const url = await startSocketServer();
    const { ana, ben, document } = await scenario();
    const a = await editor(url, ana.id, document.id);
    const b = await editor(url, ben.id, document.id);

    typeInto(a.doc, 0, "Hello");
    await eventually(() => expect(b.text()).toBe("Hello"));
    for (let i = 0; i < 10; i++) {
      typeInto(a.doc, 0, "a");
      typeInto(b.doc, b.text().length, "b");
    }
    await eventually(() => {
      expect(a.text()).toBe(b.text());
      expect(a.text().length).toBe(25);
    });
    expect(a.text()).toMatch(/^a{10}Hello/);
    await eventually(() => expect(a.sync.current.status).toBe("saved"));
    expect(await storedText(document.id)).toBe(a.text());
  });

  it("merges edits made offline when the editor reconnects", async () => {
    const url = await startSocketServer();
    const { ana, ben, document } = await scenario();
    const a = await editor(url, ana.id, document.id);
    const b = await editor(url, ben.id, document.id);
    typeInto(a.doc, 0, "shared ");
    await eventually(() => expect(b.text()).toBe("shared "));

    a.socket.disconnect();
    await eventually(() => expect(a.sync.current.status).toBe("offline"));
    typeInto(a.doc, a.text().length, "offline-a ");
    typeInto(b.doc, 0, "online-b ");
    await eventually(() => expect(b.sync.current.status).toBe("saved"));
    expect(a.text()).not.toContain("online-b");

    a.socket.connect();
    await eventually(() => {
      expect(a.text()).toBe(b.text());
      expect(a.text()).toContain("offline-a");
      expect(a.text()).toContain("online-b");
      expect(a.sync.current.status).toBe("saved");
    });
    expect(await storedText(document.id)).toBe(a.text());
  });

  it("loses nothing when the server stops mid-session and starts again", async () => {
    const { ana, ben, document } = await scenario();
    const start = async () => {
      const httpServer = createServer();
      const realtime = attachRealtime(httpServer, { db: getDb(), authSecret: SOCKET_SECRET, bus: getEventBus() });
      await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
      return { url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`, close: () => realtime.close() };
    };
    const first = await start();
    const a = await editor(first.url, ana.id, document.id);
    typeInto(a.doc, 0, "before the restart");
    await eventually(() => expect(a.sync.current.status).toBe("saved"));
    // Closing drops the in-memory copy without compacting: only what was stored survives.
    await first.close();
    await eventually(() => expect(a.sync.current.status).toBe("offline"));
    typeInto(a.doc, a.text().length, ", and while it was down");

    const second = await start();
    try {
      const b = await editor(second.url, ben.id, document.id);
      expect(b.text()).toBe("before the restart");
      const again = await connectAs(second.url, ana.id);
      const resumed = new DocumentSync(again as DocumentSocket, document.id, a.doc, a.awareness);
      resumed.start();
      afterThisTest(() => resumed.stop());
      await eventually(() => expect(b.text()).toBe("before the restart, and while it was down"));
    } finally {
      await second.close();
    }
    expect(await storedText(document.id)).toBe("before the restart, and while it was down");
  });

  it("refuses a non-member, and anyone sending changes to a room they did not join", async () => {
    const url = await startSocketServer();
    const { ana, outsider, document } = await scenario();
    const stranger = await connectAs(url, outsider.id);
    expect(await emitWithAnswer(stranger, "document.join", document.id)).toEqual({ ok: false });
    expect(await emitWithAnswer(stranger, "document.join", "no-such-document")).toEqual({ ok: false });
    const update = typedUpdate("sneaky");
    expect(await emitWithAnswer(stranger, "document.update", document.id, update)).toMatchObject({ ok: false });
    const member = await connectAs(url, ana.id);
    expect(await emitWithAnswer(member, "document.update", document.id, update)).toMatchObject({ ok: false });
    expect(await storedText(document.id)).toBe("");
  });

  it("lets an invited guest read along but refuses every change they send, while others carry on", async () => {
    const url = await startSocketServer();
    const { ana, guest, document } = await scenario();
    const a = await editor(url, ana.id, document.id);
    typeInto(a.doc, 0, "Draft");
    const g = await editor(url, guest.id, document.id);
    expect(g.sync.current.canEdit).toBe(false);
    await eventually(() => expect(g.text()).toBe("Draft"));

    const scratch = new Y.Doc();
    typeInto(scratch, 0, "guest was here");
    const answer = await emitWithAnswer(g.socket, "document.update", document.id, Y.encodeStateAsUpdate(scratch));
    expect(answer).toEqual({ ok: false, reason: "You can read this document but not change it." });
    // A local edit by the guest's editor is never even sent; the server's copy is untouched.
    typeInto(g.doc, 0, "local only ");

    typeInto(a.doc, 5, " two");
    await eventually(() => expect(g.text()).toContain("Draft two"));
    expect(a.text()).toBe("Draft two");
    expect(await storedText(document.id)).toBe("Draft two");
  });

  it("refuses malformed and oversized updates without disturbing the room", async () => {
    const url = await startSocketServer();
    const { ana, ben, document } = await scenario();
    const a = await editor(url, ana.id, document.id);
    const b = await editor(url, ben.id, document.id);

    const garbage = new Uint8Array([1, 200, 255, 3, 9, 9, 9, 250, 0, 1]);
    expect(await emitWithAnswer(b.socket, "document.update", document.id, garbage)).toEqual({ ok: false, reason: "That change could not be read." });
    expect(await emitWithAnswer(b.socket, "document.update", document.id, "not bytes")).toEqual({ ok: false, reason: "An update must be binary." });
    expect(await emitWithAnswer(b.socket, "document.sync", document.id, new Uint8Array([0, 50, 1]))).toMatchObject({ ok: false });
    const big = new Y.Doc();
    typeInto(big, 0, "x".repeat(MAX_UPDATE_BYTES + 1));
    expect(await emitWithAnswer(b.socket, "document.update", document.id, Y.encodeStateAsUpdate(big))).toEqual({
      ok: false,
      reason: "That change is too large to send at once.",
    });

    typeInto(a.doc, 0, "still fine");
    await eventually(() => expect(b.text()).toBe("still fine"));
    typeInto(b.doc, 10, "!");
    await eventually(() => expect(a.text()).toBe("still fine!"));
    expect(await storedText(document.id)).toBe("still fine!");
  });

  it("shows who is in the document and their cursors, and clears them when they leave", async () => {
    const url = await startSocketServer();
    const { ana, ben, document } = await scenario();
    const a = await editor(url, ana.id, document.id);
    const presence: string[][] = [];
    a.socket.on("document.presence", ({ editors }: { editors: { name: string }[] }) => presence.push(editors.map(({ name }) => name).sort()));
    const b = await editor(url, ben.id, document.id);
    await eventually(() => expect(presence.at(-1)).toEqual(["Ana", "Ben"]));

    b.awareness.setLocalStateField("user", { name: "Ben", color: "#b45309" });
    await eventually(() => expect(a.awareness.getStates().get(b.doc.clientID)).toEqual({ user: { name: "Ben", color: "#b45309" } }));
    b.socket.disconnect();
    await eventually(() => {
      expect(a.awareness.getStates().has(b.doc.clientID)).toBe(false);
      expect(presence.at(-1)).toEqual(["Ana"]);
    });
  });

  it("takes someone removed from the group out of its open documents", async () => {
    const url = await startSocketServer();
    const { group, ana, ben, document } = await scenario();
    const admin = await makeUser();
    await addMember(group.id, admin.id, "admin");
    const a = await editor(url, ana.id, document.id);
    const b = await editor(url, ben.id, document.id);
    const { caller, published } = callerFor(admin.id);
    await caller.member.remove({ groupId: group.id, userId: ben.id });
    for (const event of published) getEventBus().publish(event);

    const scratch = new Y.Doc();
    typeInto(scratch, 0, "after removal");
    await eventually(async () => {
      const answer = await emitWithAnswer(b.socket, "document.update", document.id, Y.encodeStateAsUpdate(scratch));
      expect(answer).toEqual({ ok: false, reason: "Open the document before sending changes to it." });
    });
    typeInto(a.doc, 0, "private");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(b.text()).toBe("");
    expect(await emitWithAnswer(b.socket, "document.join", document.id)).toEqual({ ok: false });
  });

  it("delivers a change made by the server to every open editor, and compacts when the room empties", async () => {
    const url = await startSocketServer();
    const { ana, ben, document } = await scenario();
    const a = await editor(url, ana.id, document.id);
    const b = await editor(url, ben.id, document.id);
    typeInto(a.doc, 0, "typed");
    await eventually(() => expect(b.text()).toBe("typed"));

    const server = new Y.Doc();
    Y.applyUpdate(server, await loadDocumentState(getDb(), document.id));
    const before = Y.encodeStateVector(server);
    typeInto(server, 0, "restored ");
    await applyServerUpdate(getDb(), getEventBus().publish, document.id, Y.encodeStateAsUpdate(server, before), null);
    await eventually(() => {
      expect(a.text()).toBe("restored typed");
      expect(b.text()).toBe("restored typed");
    });

    a.socket.disconnect();
    b.socket.disconnect();
    await eventually(async () => {
      const row = await getDb().document.findUniqueOrThrow({ where: { id: document.id }, select: { snapshot: true } });
      expect(row.snapshot).not.toBeNull();
      expect(await getDb().documentUpdate.count({ where: { documentId: document.id } })).toBe(0);
    });
    expect(await storedText(document.id)).toBe("restored typed");
    // A newcomer after the unload gets the state from the snapshot.
    const c = await editor(url, ana.id, document.id);
    expect(c.text()).toBe("restored typed");
  });

  it("records whose editor each Yjs client is, and refuses a change written as another person's client", async () => {
    const url = await startSocketServer();
    const { ana, ben, document } = await scenario();
    const a = await editor(url, ana.id, document.id);
    const b = await editor(url, ben.id, document.id);
    typeInto(a.doc, 0, "Ana wrote this");
    await eventually(() => expect(b.text()).toBe("Ana wrote this"));
    typeInto(b.doc, 0, "Ben: ");
    await eventually(() => expect(a.text()).toBe("Ben: Ana wrote this"));
    const rows = await getDb().documentClient.findMany({ where: { documentId: document.id }, select: { clientId: true, userId: true } });
    expect(new Map(rows.map(({ clientId, userId }) => [Number(clientId), userId]))).toEqual(
      new Map([
        [a.doc.clientID, ana.id],
        [b.doc.clientID, ben.id],
      ]),
    );

    // Ben's own editor sending its whole state (as after a reconnect) carries Ana's text, which the server has: fine.
    expect(await emitWithAnswer(b.socket, "document.update", document.id, Y.encodeStateAsUpdate(b.doc))).toEqual({ ok: true, replies: [] });
    // New text under Ana's client id, sent by Ben, is refused.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, await loadDocumentState(getDb(), document.id));
    // Set after the state is applied: Yjs picks a new id when an update brings structs of its own.
    forged.clientID = a.doc.clientID;
    const before = Y.encodeStateVector(forged);
    typeInto(forged, 0, "Ana never wrote this. ");
    expect(await emitWithAnswer(b.socket, "document.update", document.id, Y.encodeStateAsUpdate(forged, before))).toEqual({ ok: false, reason: OTHERS_CLIENT });
    expect(await storedText(document.id)).toBe("Ben: Ana wrote this");

    // Ana carries on, and the room with her.
    typeInto(a.doc, a.text().length, "!");
    await eventually(() => expect(b.text()).toBe("Ben: Ana wrote this!"));
    expect(await storedText(document.id)).toBe("Ben: Ana wrote this!");
  });

  it("refuses a change written as the client of someone's cursor before they have typed, and claims server changes for the person", async () => {
    const url = await startSocketServer();
    const { ana, ben, document } = await scenario();
    const a = await editor(url, ana.id, document.id);
    const b = await editor(url, ben.id, document.id);
    a.awareness.setLocalStateField("user", { name: "Ana", color: "#1d4ed8" });
    await eventually(() => expect(b.awareness.getStates().has(a.doc.clientID)).toBe(true));
    const forged = new Y.Doc();
    forged.clientID = a.doc.clientID;
    typeInto(forged, 0, "in Ana's name");
    expect(await emitWithAnswer(b.socket, "document.update", document.id, Y.encodeStateAsUpdate(forged))).toEqual({ ok: false, reason: OTHERS_CLIENT });
    expect(await getDb().documentClient.count({ where: { documentId: document.id } })).toBe(0);
    typeInto(a.doc, 0, "Ana first");
    await eventually(() => expect(b.text()).toBe("Ana first"));

    const server = new Y.Doc();
    Y.applyUpdate(server, await loadDocumentState(getDb(), document.id));
    const before = Y.encodeStateVector(server);
    typeInto(server, 0, "Restored. ");
    await applyServerUpdate(getDb(), getEventBus().publish, document.id, Y.encodeStateAsUpdate(server, before), ben.id);
    await eventually(() => expect(a.text()).toBe("Restored. Ana first"));
    const rows = await getDb().documentClient.findMany({ where: { documentId: document.id }, select: { clientId: true, userId: true } });
    expect(new Map(rows.map(({ clientId, userId }) => [Number(clientId), userId]))).toEqual(
      new Map([
        [a.doc.clientID, ana.id],
        [server.clientID, ben.id],
      ]),
    );
    // The server's client is Ben's now: Ana may not write as it.
    const asServer = new Y.Doc();
    Y.applyUpdate(asServer, await loadDocumentState(getDb(), document.id));
    asServer.clientID = server.clientID;
    const sv = Y.encodeStateVector(asServer);
    typeInto(asServer, 0, "x");
    expect(await emitWithAnswer(a.socket, "document.update", document.id, Y.encodeStateAsUpdate(asServer, sv))).toEqual({ ok: false, reason: OTHERS_CLIENT });
  });
});
