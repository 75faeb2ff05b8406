import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";

function holderAlive(lockFile: string): boolean {
  try {
    const pid = Number(readFileSync(lockFile, "utf8"));
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Waits until no other end-to-end run of this checkout is going, then holds the lock until the
 * process exits. Two runs at once would rebuild .next under each other's running server.
 */
export async function holdCheckoutLock(name: string): Promise<void> {
  const key = createHash("sha256").update(process.cwd()).digest("hex").slice(0, 12);
  const lockFile = path.join(tmpdir(), `hearth-${name}-${key}.lock`);
  let told = false;
  for (;;) {
    try {
      const fd = openSync(lockFile, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      process.on("exit", () => rmSync(lockFile, { force: true }));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (!holderAlive(lockFile)) {
        rmSync(lockFile, { force: true });
        continue;
      }
      if (!told) console.error(`Another ${name} run of this checkout is going; waiting for it to finish…`);
      told = true;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}
