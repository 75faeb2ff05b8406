import { spawn } from "node:child_process";
import { access, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";

const TIMEOUT_MS = 30_000;

/** The Chromium the end-to-end tests use; HEARTH_CHROMIUM_PATH points elsewhere on other machines. */
export function chromiumPath(): string {
  return process.env.HEARTH_CHROMIUM_PATH || "/usr/bin/chromium";
}

function run(executable: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(executable, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2_000);
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), TIMEOUT_MS);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`chromium exited with ${code}: ${stderr}`));
    });
  });
}

/**
 * Prints a standalone HTML page to PDF with headless Chromium, in a throwaway profile so
 * concurrent exports never share state. The page is our own escaped HTML with no scripts.
 */
export async function htmlToPdf(html: string): Promise<Uint8Array> {
  const executable = chromiumPath();
  try {
    await access(executable);
  } catch {
    throw new AppError("CONFLICT", "PDF export needs Chromium on the server, and it is not installed. Export as HTML and print that instead.");
  }
  const dir = await mkdtemp(path.join(tmpdir(), "hearth-pdf-"));
  try {
    const page = path.join(dir, "document.html");
    const output = path.join(dir, "document.pdf");
    await writeFile(page, html, "utf8");
    await run(executable, [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-javascript",
      `--user-data-dir=${path.join(dir, "profile")}`,
      "--no-pdf-header-footer",
      `--print-to-pdf=${output}`,
      `file://${page}`,
    ]);
    return new Uint8Array(await readFile(output));
  } catch (error) {
    if (error instanceof AppError) throw error;
    logger.error({ err: error }, "PDF export failed");
    throw new AppError("CONFLICT", "The PDF could not be made just now. Try again, or export as HTML and print that.");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
