import { expect, test } from "@playwright/test";
import { io as connect, type Socket } from "socket.io-client";
import { startProcesses } from "../scripts/bench/harness";
import { ADMIN, call } from "./support";
import { editTogether, exchangeComments, twoPeople } from "./two-people";

/**
 * One Hearth on one machine as HEARTH_PROCESSES=2 runs it: two processes sharing its port, its
 * SQLite file and Redis. Each new connection goes to the next process in turn, so people (and
 * each person's tabs) are spread over both.
 */
test.describe.configure({ mode: "serial" });

let hearth: Awaited<ReturnType<typeof startProcesses>>;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  hearth = await startProcesses(2, { HEARTH_ADMIN_EMAIL: ADMIN.email, HEARTH_ADMIN_PASSWORD: ADMIN.password, HEARTH_ADMIN_NAME: ADMIN.name });
});

test.afterAll(async () => {
  await hearth?.stop();
});

const sockets: Socket[] = [];
test.afterEach(() => sockets.splice(0).forEach((socket) => socket.disconnect()));

/** A socket.io client on a connection of its own, as a browser tab opens one. */
function openSocket(cookie: string, transports: ("websocket" | "polling")[] = ["websocket"]): Socket {
  const socket = connect(hearth.url, { transports, extraHeaders: { cookie }, reconnection: false, forceNew: true });
  sockets.push(socket);
  return socket;
}

test("two people see each other's comments at once, and both are kept, whichever process serves them", async ({ browser }) => {
  test.slow();
  const people = await twoPeople(browser, hearth.url, hearth.url);
  await exchangeComments(people);
  await people.close();
});

test("two people edit one document at once, whichever process serves them, and both end with the same text", async ({ browser }) => {
  test.slow();
  const people = await twoPeople(browser, hearth.url, hearth.url);
  await editTogether(people);
  await people.close();
});

test("every tab hears the group's news, on both processes; long polling is refused, as the processes take connections in turn", async ({ browser }) => {
  const { group, admin, samContext, close } = await twoPeople(browser, hearth.url, hearth.url);
  const session = (await samContext.cookies()).find((cookie) => cookie.name === "next-auth.session-token")!;
  const cookie = `${session.name}=${session.value}`;

  // One after another, so the connections alternate between the two processes.
  const tabs: { socket: Socket; heard: string[] }[] = [];
  for (let index = 0; index < 6; index++) {
    const socket = openSocket(cookie);
    const heard: string[] = [];
    socket.on("thread.activity", (payload: { threadId: string }) => heard.push(payload.threadId));
    await new Promise<void>((resolve, reject) => {
      socket.once("live.ready", () => resolve());
      socket.once("connect_error", reject);
    });
    tabs.push({ socket, heard });
  }
  const { id: threadId } = await call<{ id: string }>(admin.request, "thread.create", { groupId: group.id, title: "Spring fair", body: "Ideas?" });
  await expect.poll(() => tabs.filter(({ heard }) => heard.includes(threadId)).length).toBe(6);

  const polling = openSocket(cookie, ["polling"]);
  const refusal = await new Promise<string>((resolve) => {
    polling.once("connect", () => resolve("connected"));
    polling.once("connect_error", (error) => resolve(error.message));
  });
  expect(refusal).not.toBe("connected");
  await close();
});
