import { describe, expect, it } from "vitest";
import { getEventBus } from "@/server/events";
import { addMember, makeGroup, makeUser } from "@/server/test/factories";
import {
  connectOutcome as outcome,
  eventually,
  openSocket as open,
  sessionCookie,
  startSocketServer as startServer,
} from "@/server/test/sockets";

describe("realtime socket server", () => {
  it("refuses a socket without a session cookie", async () => {
    expect(await outcome(open(await startServer()))).toBe("unauthorized");
  });

  it("refuses a forged cookie and one signed with another secret", async () => {
    const url = await startServer();
    const user = await makeUser();
    expect(await outcome(open(url, { cookie: "next-auth.session-token=forged.token.value" }))).toBe("unauthorized");
    expect(await outcome(open(url, { cookie: await sessionCookie(user.id, "some-other-secret-of-enough-length") }))).toBe(
      "unauthorized",
    );
  });

  it("refuses a connection from another site's page", async () => {
    const url = await startServer();
    const user = await makeUser();
    const socket = open(url, { cookie: await sessionCookie(user.id), origin: "https://evil.example" });
    expect(await outcome(socket)).not.toBe("connected");
  });

  it("delivers group events to members only, and joins rooms when a membership is added", async () => {
    const url = await startServer();
    const [member, outsider] = [await makeUser(), await makeUser()];
    const group = await makeGroup();
    await addMember(group.id, member.id);

    const memberSocket = open(url, { cookie: await sessionCookie(member.id) });
    const outsiderSocket = open(url, { cookie: await sessionCookie(outsider.id) });
    expect(await outcome(memberSocket)).toBe("connected");
    expect(await outcome(outsiderSocket)).toBe("connected");

    const memberSaw: string[] = [];
    const outsiderSaw: string[] = [];
    memberSocket.on("thread.activity", (payload: { groupId: string }) => memberSaw.push(payload.groupId));
    outsiderSocket.on("thread.activity", (payload: { groupId: string }) => outsiderSaw.push(payload.groupId));
    const summary = { id: group.id, name: group.name, handle: group.handle, description: "", parentId: null, role: "member" as const, memberCount: 2, logoUrl: null };

    // Publish until the member's room join (done right after connect) has landed. A plain group
    // event, not a membership one: those start a re-check of the person's rooms (live-access.ts).
    await eventually(() => {
      getEventBus().publish({ name: "thread.activity", room: `group:${group.id}`, payload: { groupId: group.id, threadId: "some-thread" } });
      expect(memberSaw.length).toBeGreaterThan(0);
    });
    expect(outsiderSaw).toEqual([]);

    getEventBus().publish({ name: "membership.added", room: `user:${outsider.id}`, payload: { userId: outsider.id, group: summary } });
    await eventually(() => {
      getEventBus().publish({ name: "thread.activity", room: `group:${group.id}`, payload: { groupId: group.id, threadId: "some-thread" } });
      expect(outsiderSaw.length).toBeGreaterThan(0);
    });
  });
});
