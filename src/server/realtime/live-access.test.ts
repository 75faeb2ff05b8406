import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import { colorFor } from "@/lib/documents/colors";
import { getDb } from "@/server/db";
import { typedUpdate, typeInto } from "@/server/documents/test-editing";
import { getEventBus } from "@/server/events";
import { LiveAccess } from "@/server/realtime/live-access";
import { addMember, makeDocument, makeGroup, makeUser } from "@/server/test/factories";
import {
  as,
  connectAs,
  emitWithAnswer,
  eventually,
  heardNamed,
  hearEverythingSoFar,
  joinThread,
  openDocument,
  person,
  roomsOf,
  startRealtime,
  storedText,
  type LivePerson,
} from "@/server/test/sockets";

/**
 * The authorisation matrix, for live channels: after a removal, a demotion or a move, which rooms
 * each socket is in, what it still hears, and what it may still change.
 */

/** Something said in the thread's room in the same moment as an access change, before any re-check can have run. */
function sayAtOnce(threadId: string): void {
  getEventBus().publish({ name: "thread.typing", room: `thread:${threadId}`, payload: { threadId, user: { id: "someone", name: "Someone" }, typing: true } });
}

const typingHeard = ({ heard }: LivePerson) => heard.filter(({ name }) => name === "thread.typing").length;
const commentsHeard = ({ heard }: LivePerson) => heard.filter(({ name }) => name === "comment.created").map(({ payload }) => payload.body);
const revocations = ({ heard }: LivePerson) =>
  heard.filter(({ name }) => name === "access.revoked").map(({ payload }) => `${String(payload.room)}:${String(payload.id)}`);

/** A group with an admin and two members, a thread and a document. */
async function scenario() {
  const group = await makeGroup();
  const [ada, mia, ben] = [await makeUser({ name: "Ada" }), await makeUser({ name: "Mia" }), await makeUser({ name: "Ben" })];
  await addMember(group.id, ada.id, "admin");
  await addMember(group.id, mia.id);
  await addMember(group.id, ben.id);
  const thread = await as(ada.id, (caller) => caller.thread.create({ groupId: group.id, title: "Budget", body: "Members only" }));
  return { group, ada, mia, ben, thread };
}

describe("LiveAccess", () => {
  it("holds back what is published during a re-check until it has finished, in order, and delivers at once otherwise", async () => {
    const access = new LiveAccess();
    const log: string[] = [];
    access.deliver(() => log.push("before"));
    expect(log).toEqual(["before"]);

    let finish!: () => void;
    const answered = new Promise<void>((resolve) => (finish = resolve));
    access.recheck("user:1", async () => {
      await answered;
      log.push("re-checked");
    });
    access.deliver(() => log.push("first"));
    access.deliver(() => log.push("second"));
    const settled = access.settled().then(() => log.push("settled"));
    // Everything already runnable runs; the deliveries still wait for the re-check.
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(["before"]);

    finish();
    await settled;
    expect(log).toEqual(["before", "re-checked", "first", "second", "settled"]);
    access.deliver(() => log.push("after"));
    expect(log.at(-1)).toBe("after");
  });

  it("lets one queued re-check cover later requests for the same key, and tells joins that one was asked for", async () => {
    const access = new LiveAccess();
    const mark = access.mark();
    let runs = 0;
    const recheck = async () => {
      runs += 1;
    };
    access.recheck("thread:1", recheck);
    access.recheck("thread:1", recheck);
    expect(access.changedSince(mark)).toBe(true);
    await access.settled();
    expect(runs).toBe(1);

    const later = access.mark();
    expect(access.changedSince(later)).toBe(false);
    access.recheck("thread:1", recheck);
    await access.settled();
    expect(runs).toBe(2);
  });
});

describe("live access", () => {
  it("takes a removed member out of every room at once: no more comments, no more changes, no way back in", async () => {
    const { url, io } = await startRealtime();
    const { group, ada, mia, ben, thread } = await scenario();
    const document = await makeDocument({ groupId: group.id, createdById: ada.id, title: "Vision" });
    const [miaLive, benLive] = [await person(url, mia.id), await person(url, ben.id)];
    expect(await joinThread(miaLive.socket, thread.id)).toEqual({ ok: true });
    expect(await joinThread(benLive.socket, thread.id)).toEqual({ ok: true });
    const miaDocument = await openDocument(miaLive.socket, document.id);
    await eventually(() =>
      expect(roomsOf(io, miaLive.socket)).toEqual([`document:${document.id}`, `group:${group.id}`, `thread:${thread.id}`, `user:${mia.id}`]),
    );

    await as(ada.id, (caller) => caller.member.remove({ groupId: group.id, userId: mia.id }));
    sayAtOnce(thread.id);
    await as(ada.id, (caller) => caller.comment.create({ threadId: thread.id, body: "Said after Mia left" }));
    const answer = await emitWithAnswer(miaLive.socket, "document.update", document.id, typedUpdate("after removal"));
    await hearEverythingSoFar(miaLive);

    expect(roomsOf(io, miaLive.socket)).toEqual([`user:${mia.id}`]);
    expect(commentsHeard(miaLive)).toEqual([]);
    expect(typingHeard(miaLive)).toBe(0);
    expect(revocations(miaLive).sort()).toEqual([`document:${document.id}`, `thread:${thread.id}`]);
    expect(answer).toEqual({ ok: false, reason: "Open the document before sending changes to it." });
    expect(await storedText(document.id)).toBe("");
    expect(miaDocument.sync.current).toMatchObject({ status: "refused", canEdit: false, error: expect.stringContaining("no longer have access") });
    await eventually(() => expect(commentsHeard(benLive)).toEqual(["Said after Mia left"]));

    expect(await joinThread(miaLive.socket, thread.id)).toEqual({ ok: false });
    expect(await emitWithAnswer(miaLive.socket, "document.join", document.id)).toEqual({ ok: false });
    expect(roomsOf(io, miaLive.socket)).toEqual([`user:${mia.id}`]);
  });

  it("makes a member demoted to guest read-only in the documents open to them, and takes them out of the group and its threads", async () => {
    const { url, io } = await startRealtime();
    const { group, ada, mia, thread } = await scenario();
    // Mia was also invited to the document, so as a guest she may still read it.
    const document = await makeDocument({ groupId: group.id, createdById: ada.id, title: "Vision", guestIds: [mia.id] });
    const miaLive = await person(url, mia.id);
    expect(await joinThread(miaLive.socket, thread.id)).toEqual({ ok: true });
    const miaDocument = await openDocument(miaLive.socket, document.id);
    expect(miaDocument.sync.current.canEdit).toBe(true);
    await eventually(() => expect(roomsOf(io, miaLive.socket)).toContain(`group:${group.id}`));
    // As a member her typing is stored, so the refusal below is the demotion's doing.
    typeInto(miaDocument.doc, 0, "Before. ");
    await eventually(async () => expect(await storedText(document.id)).toBe("Before. "));

    await as(ada.id, (caller) => caller.member.setRole({ groupId: group.id, userId: mia.id, role: "guest" }));
    await as(ada.id, (caller) => caller.comment.create({ threadId: thread.id, body: "Said after Mia became a guest" }));
    const answer = await emitWithAnswer(miaLive.socket, "document.update", document.id, typedUpdate("a guest's change"));
    await hearEverythingSoFar(miaLive);

    // As a guest she hears the group's news of the document only.
    expect(roomsOf(io, miaLive.socket)).toEqual([`document:${document.id}`, `guest-document:${document.id}`, `user:${mia.id}`]);
    expect(commentsHeard(miaLive)).toEqual([]);
    expect(revocations(miaLive)).toEqual([`thread:${thread.id}`]);
    expect(answer).toEqual({ ok: false, reason: "You can read this document but not change it." });
    expect(await storedText(document.id)).toBe("Before. ");
    expect(miaDocument.sync.current).toMatchObject({ canEdit: false, notice: expect.stringContaining("read this document but not change it") });

    // The editor now keeps her typing to itself.
    typeInto(miaDocument.doc, 0, "typed in a read-only editor");
    await hearEverythingSoFar(miaLive);
    expect(await storedText(document.id)).toBe("Before. ");

    expect(await joinThread(miaLive.socket, thread.id)).toEqual({ ok: false });
    expect(await emitWithAnswer(miaLive.socket, "document.join", document.id)).toEqual({ ok: true, canEdit: false });
  });

  it("takes members of the old group alone out of a thread's room when it moves, and keeps everyone else", async () => {
    const { url, io } = await startRealtime();
    const { group, ada, mia, ben, thread } = await scenario();
    const other = await makeGroup();
    await addMember(other.id, ada.id, "admin");
    await addMember(other.id, ben.id);
    const [miaLive, benLive] = [await person(url, mia.id), await person(url, ben.id)];
    expect(await joinThread(miaLive.socket, thread.id)).toEqual({ ok: true });
    expect(await joinThread(benLive.socket, thread.id)).toEqual({ ok: true });
    await eventually(() => expect(roomsOf(io, benLive.socket)).toContain(`group:${other.id}`));

    await as(ada.id, (caller) => caller.thread.move({ id: thread.id, groupId: other.id }));
    await as(ada.id, (caller) => caller.comment.create({ threadId: thread.id, body: "Said after the move" }));
    await hearEverythingSoFar(miaLive);
    await hearEverythingSoFar(benLive);

    expect(roomsOf(io, miaLive.socket)).toEqual([`group:${group.id}`, `user:${mia.id}`]);
    expect(commentsHeard(miaLive)).toEqual([]);
    expect(revocations(miaLive)).toEqual([`thread:${thread.id}`]);
    expect(roomsOf(io, benLive.socket)).toEqual([`group:${group.id}`, `group:${other.id}`, `thread:${thread.id}`, `user:${ben.id}`].sort());
    expect(commentsHeard(benLive)).toEqual(["Said after the move"]);
    expect(revocations(benLive)).toEqual([]);
    expect(await joinThread(miaLive.socket, thread.id)).toEqual({ ok: false });
  });

  it("takes a thread's invited guest out of its rooms when it moves to another group", async () => {
    const { url, io } = await startRealtime();
    const { group, ada, thread } = await scenario();
    const gus = await makeUser({ name: "Gus" });
    await addMember(group.id, gus.id, "guest");
    await getDb().threadGuest.create({ data: { threadId: thread.id, userId: gus.id } });
    const other = await makeGroup();
    await addMember(other.id, ada.id, "admin");
    const gusLive = await person(url, gus.id);
    expect(await joinThread(gusLive.socket, thread.id)).toEqual({ ok: true });
    // The connection joins its rooms once it has read them; the thread was joined meanwhile.
    await eventually(() => expect(roomsOf(io, gusLive.socket)).toEqual([`guest-thread:${thread.id}`, `thread:${thread.id}`, `user:${gus.id}`]));

    await as(ada.id, (caller) => caller.thread.move({ id: thread.id, groupId: other.id }));
    sayAtOnce(thread.id);
    await as(ada.id, (caller) => caller.comment.create({ threadId: thread.id, body: "Said after the move" }));
    await hearEverythingSoFar(gusLive);

    expect(roomsOf(io, gusLive.socket)).toEqual([`user:${gus.id}`]);
    expect(commentsHeard(gusLive)).toEqual([]);
    expect(heardNamed(gusLive.heard, "thread.activity")).toEqual([]);
    expect(typingHeard(gusLive)).toBe(0);
    expect(revocations(gusLive)).toEqual([`thread:${thread.id}`]);
    expect(await joinThread(gusLive.socket, thread.id)).toEqual({ ok: false });
  });

  it("labels every cursor with its seat's name, and keeps awareness clients with the socket that first spoke for them", async () => {
    const { url } = await startRealtime();
    const { group, ada, mia, ben } = await scenario();
    const document = await makeDocument({ groupId: group.id, createdById: ada.id, title: "Vision" });
    const adaTab = await openDocument(await connectAs(url, ada.id), document.id);
    const miaTab = await openDocument(await connectAs(url, mia.id), document.id);
    const benSocket = await connectAs(url, ben.id);
    const benDocument = await openDocument(benSocket, document.id);

    miaTab.awareness.setLocalStateField("user", { name: "Mia", color: "#1d4ed8" });
    await eventually(() => expect(adaTab.awareness.getStates().get(miaTab.doc.clientID)).toEqual({ user: { name: "Mia", color: "#1d4ed8" } }));

    // Ben's editor claims to be Ada, with a colour that would break out of the caret's style.
    benDocument.awareness.setLocalStateField("user", { name: "Ada", color: "red;background:url(https://evil.example/)" });
    await eventually(() =>
      expect(adaTab.awareness.getStates().get(benDocument.doc.clientID)).toEqual({ user: { name: "Ben", color: colorFor(ben.id) } }),
    );

    // Ben's socket then speaks for Mia's cursor: to rename it, and to clear it.
    const forged = (clock: number, state: unknown) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint(encoder, miaTab.doc.clientID);
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarString(encoder, JSON.stringify(state));
      return encoding.toUint8Array(encoder);
    };
    benSocket.emit("document.awareness", document.id, forged(1000, { user: { name: "Mia agrees with Ben", color: "#1d4ed8" } }));
    benSocket.emit("document.awareness", document.id, forged(1001, null));
    // Messages from one socket are handled in order, so once this one arrives the forgeries have been dealt with.
    benDocument.awareness.setLocalStateField("done", true);
    await eventually(() => expect(adaTab.awareness.getStates().get(benDocument.doc.clientID)).toMatchObject({ done: true }));
    expect(adaTab.awareness.getStates().get(miaTab.doc.clientID)).toEqual({ user: { name: "Mia", color: "#1d4ed8" } });
  });
});
