import { spawn, type ChildProcess } from "node:child_process";
import { request } from "node:http";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../../../scripts/support/free-port";

const FIXTURE = path.join(import.meta.dirname, "processes-fixture.ts");
const TSX = path.join(process.cwd(), "node_modules/.bin/tsx");
const started: ChildProcess[] = [];

afterEach(() => {
  for (const child of started.splice(0)) {
    try {
      // The whole group: tsx, the supervisor under it and the processes it started.
      process.kill(-child.pid!, "SIGKILL");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
    }
  }
});

async function supervise(env: Record<string, string> = {}) {
  const port = await freePort();
  const child = spawn(TSX, [FIXTURE], {
    env: { ...process.env, FIXTURE_PROCESSES: "2", PORT: String(port), LOG_LEVEL: "silent", ...env },
    stdio: "ignore",
    detached: true,
  });
  started.push(child);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, port, exited };
}

/** Asks on a new connection each time, as a new visitor would: which process answered. */
function ask(port: number): Promise<{ number: number; pid: number }> {
  return new Promise((resolve, reject) => {
    const sent = request({ port, host: "127.0.0.1", agent: false }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve(JSON.parse(body)));
    });
    sent.once("error", reject);
    // A connection handed to a process at the moment it was killed is never answered.
    sent.setTimeout(2_000, () => sent.destroy(new Error("no answer")));
    sent.end();
  });
}

/** The processes seen answering over `times` new connections, once both answer (they start at their own pace). */
async function bothAnswering(port: number, times = 8): Promise<Map<number, number>> {
  for (let attempt = 0; attempt < 300; attempt++) {
    const seen = new Map<number, number>();
    for (let index = 0; index < times; index++) {
      const answer = await ask(port).catch(() => null);
      if (answer) seen.set(answer.number, answer.pid);
    }
    if (seen.size === 2) return seen;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the two processes did not both answer");
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

// Each test starts node processes with tsx, which takes seconds when the machine is busy with other tests.
describe("superviseProcesses (HEARTH_PROCESSES)", { timeout: 60_000 }, () => {
  it("serves one port from every process, connection by connection", async () => {
    const { port } = await supervise();
    const seen = await bothAnswering(port);
    expect([...seen.keys()].sort()).toEqual([1, 2]);
  });

  it("replaces a process that stops after start-up, keeping its number", async () => {
    const { port } = await supervise();
    const first = (await bothAnswering(port)).get(1)!;
    process.kill(first, "SIGKILL");
    for (let attempt = 0; ; attempt++) {
      const seen = await bothAnswering(port);
      if (seen.get(1) !== first) break;
      if (attempt > 50) throw new Error("process 1 was not replaced");
    }
    expect(isRunning(first)).toBe(false);
  });

  it("stops every process, and exits with 1, when one stops during start-up", async () => {
    const { exited } = await supervise({ FIXTURE_FAIL_AT_START: "2" });
    expect(await exited).toBe(1);
  });

  it("stops every process on SIGTERM and exits with 0", async () => {
    const { child, port, exited } = await supervise();
    const pids = [...(await bothAnswering(port)).values()];
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(pids.filter(isRunning)).toEqual([]);
  });
});
