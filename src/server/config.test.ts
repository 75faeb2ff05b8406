import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, resolveConfig } from "@/server/config";

function freshDataDir() {
  return mkdtempSync(path.join(tmpdir(), "hearth-config-"));
}

describe("resolveConfig", () => {
  it("defaults to port 3000, SQLite in the data directory and a demo", () => {
    const dataDir = freshDataDir();
    const config = resolveConfig({ HEARTH_DATA_DIR: dataDir });
    expect(config.port).toBe(3000);
    expect(config.host).toBe("localhost");
    expect(config.databaseUrl).toBe(`file:${path.join(dataDir, "hearth.db")}`);
    expect(config.authUrl).toBe("http://localhost:3000");
    expect(config.seedDemo).toBe(true);
    expect(config.headlessAdmin).toBeNull();
  });

  it("generates the auth secret once, keeps it private and reuses it", () => {
    const dataDir = freshDataDir();
    const first = resolveConfig({ HEARTH_DATA_DIR: dataDir });
    const second = resolveConfig({ HEARTH_DATA_DIR: dataDir });
    expect(first.authSecret).toHaveLength(43);
    expect(second.authSecret).toBe(first.authSecret);
    expect(statSync(path.join(dataDir, "nextauth-secret")).mode & 0o777).toBe(0o600);
  });

  it("respects PORT, HOST, DATABASE_URL, HEARTH_DEMO=0 and the headless administrator", () => {
    const config = resolveConfig({
      HEARTH_DATA_DIR: freshDataDir(),
      PORT: "4100",
      HOST: "0.0.0.0",
      DATABASE_URL: "file:/tmp/elsewhere.db",
      HEARTH_DEMO: "0",
      HEARTH_ADMIN_EMAIL: "staff@example.org",
      HEARTH_ADMIN_PASSWORD: "a long enough password",
    });
    expect(config.port).toBe(4100);
    expect(config.authUrl).toBe("http://localhost:4100");
    expect(config.databaseUrl).toBe("file:/tmp/elsewhere.db");
    expect(config.seedDemo).toBe(false);
    expect(config.headlessAdmin).toMatchObject({ email: "staff@example.org", name: "Administrator" });
  });

  it("names every invalid variable in one readable error", () => {
    const attempt = () =>
      resolveConfig({ HEARTH_DATA_DIR: freshDataDir(), PORT: "http", DATABASE_URL: "mysql://x", HEARTH_DEMO: "maybe" });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT: .*\n.*DATABASE_URL: must start with file:.*\n.*HEARTH_DEMO/s);
  });

  it("runs one process unless HEARTH_PROCESSES says more, which needs Redis to share through", () => {
    expect(resolveConfig({ HEARTH_DATA_DIR: freshDataDir() }).processes).toBe(1);
    const shared = resolveConfig({ HEARTH_DATA_DIR: freshDataDir(), HEARTH_PROCESSES: "2", REDIS_URL: "redis://127.0.0.1:6379" });
    expect(shared.processes).toBe(2);
    expect(shared.databaseUrl).toMatch(/^file:/);
    expect(() => resolveConfig({ HEARTH_DATA_DIR: freshDataDir(), HEARTH_PROCESSES: "2" })).toThrow(
      "HEARTH_PROCESSES: above 1, the processes share live updates, socket rooms, job locks and rate limits through Redis: set REDIS_URL, or HEARTH_PROCESSES=1",
    );
    expect(() => resolveConfig({ HEARTH_DATA_DIR: freshDataDir(), HEARTH_PROCESSES: "1.5", REDIS_URL: "redis://127.0.0.1:6379" })).toThrow(
      "HEARTH_PROCESSES: must be a whole number, e.g. 2",
    );
    expect(() => resolveConfig({ HEARTH_DATA_DIR: freshDataDir(), HEARTH_PROCESSES: "0" })).toThrow("HEARTH_PROCESSES: must be at least 1");
  });
});
