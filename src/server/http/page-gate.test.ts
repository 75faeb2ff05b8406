import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createPageGate, isPageRender } from "@/server/http/page-gate";

describe("the page gate", () => {
  let server: Server | undefined;
  afterEach(() => {
    server?.closeAllConnections();
    return new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  /** A server whose pages take `ms` each, through a gate of `limit`; records the order renders start in. */
  async function slowPages(limit: number, maxWaiting: number, ms: number) {
    const gate = createPageGate(limit, maxWaiting);
    const started: string[] = [];
    let most = 0;
    server = createServer((request, response) =>
      gate.admit(request, response, () => {
        started.push(request.url!);
        most = Math.max(most, gate.load().rendering);
        setTimeout(() => response.end("page"), ms);
      }),
    );
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { gate, started, url, most: () => most };
  }

  it("renders at most `limit` pages at once, the others in the order they came", async () => {
    const { started, url, most, gate } = await slowPages(2, 100, 30);
    const answers = [];
    for (let index = 0; index < 8; index++) {
      answers.push(fetch(`${url}/p${index}`).then((response) => response.text()));
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect(await Promise.all(answers)).toEqual(Array(8).fill("page"));
    expect(most()).toBe(2);
    expect(started).toEqual(Array.from({ length: 8 }, (_, index) => `/p${index}`));
    expect(gate.load()).toEqual({ rendering: 0, waiting: 0 });
  });

  it("refuses with 503 and Retry-After once the queue is full", async () => {
    const { url } = await slowPages(1, 2, 100);
    const responses = await Promise.all(Array.from({ length: 5 }, (_, index) => fetch(`${url}/q${index}`)));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([200, 200, 200, 503, 503]);
    const refused = responses.find((response) => response.status === 503)!;
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(await refused.text()).toMatch(/very busy/);
  });

  it("passes the turn on when a waiting client goes away", async () => {
    const { started, url, gate } = await slowPages(1, 10, 60);
    const first = fetch(`${url}/first`);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const controller = new AbortController();
    const gone = fetch(`${url}/gone`, { signal: controller.signal }).catch(() => null);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const last = fetch(`${url}/last`);
    controller.abort();
    await gone;
    expect((await first).status).toBe(200);
    expect((await last).status).toBe(200);
    expect(started).toEqual(["/first", "/last"]);
    expect(gate.load()).toEqual({ rendering: 0, waiting: 0 });
  });

  it("gates pages only, not API calls, files or sockets", () => {
    expect(isPageRender("/threads/abc")).toBe(true);
    expect(isPageRender("/")).toBe(true);
    expect(isPageRender("/api/trpc/thread.list")).toBe(false);
    expect(isPageRender("/api/files/x")).toBe(false);
    expect(isPageRender("/_next/static/chunks/a.js")).toBe(false);
    expect(isPageRender("/socket.io/?EIO=4")).toBe(false);
  });
});
