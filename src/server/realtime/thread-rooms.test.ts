import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { getEventBus } from "@/server/events";
import { addMember, callerFor, makeGroup, makeUser } from "@/server/test/factories";
import { connectAs, eventually, startSocketServer } from "@/server/test/sockets";
import type { Socket } from "socket.io-client";

function join(socket: Socket, threadId: string): Promise<{ ok: boolean }> {
  return new Promise((resolve) => socket.emit("thread.join", threadId, resolve));
}

describe("thread rooms", () => {
  it("lets people who can see a thread join it, see who is there, and hear typing and new comments", async () => {
    const url = await startSocketServer();
    const group = await makeGroup();
    const [priya, tom, guest] = [await makeUser({ name: "Priya" }), await makeUser({ name: "Tom" }), await makeUser()];
    await addMember(group.id, priya.id);
    await addMember(group.id, tom.id);
    await addMember(group.id, guest.id, "guest");
    const thread = await callerFor(priya.id).caller.thread.create({ groupId: group.id, title: "Live", body: "b" });

    const [priyaSocket, tomSocket, guestSocket] = [await connectAs(url, priya.id), await connectAs(url, tom.id), await connectAs(url, guest.id)];
    const presence: string[][] = [];
    const typing: string[] = [];
    const comments: string[] = [];
    priyaSocket.on("thread.presence", ({ viewers }: { viewers: { name: string }[] }) => presence.push(viewers.map(({ name }) => name).sort()));
    priyaSocket.on("thread.typing", ({ user, typing: isTyping }: { user: { name: string }; typing: boolean }) => {
      if (isTyping) typing.push(user.name);
    });
    priyaSocket.on("comment.created", ({ body }: { body: string }) => comments.push(body));

    expect(await join(priyaSocket, thread.id)).toEqual({ ok: true });
    expect(await join(tomSocket, thread.id)).toEqual({ ok: true });
    expect(await join(guestSocket, thread.id)).toEqual({ ok: false });
    await eventually(() => expect(presence.at(-1)).toEqual(["Priya", "Tom"]));

    tomSocket.emit("thread.typing", { threadId: thread.id, typing: true });
    await eventually(() => expect(typing).toEqual(["Tom"]));

    const { caller, published } = callerFor(tom.id);
    await caller.comment.create({ threadId: thread.id, body: "Hello live" });
    for (const event of published) getEventBus().publish(event);
    await eventually(() => expect(comments).toEqual(["Hello live"]));

    tomSocket.disconnect();
    await eventually(() => expect(presence.at(-1)).toEqual(["Priya"]));
    expect(await getDb().comment.count({ where: { threadId: thread.id } })).toBe(1);
  });
});
