import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { samplePdf } from "@/server/bootstrap/demo-resources";
import { FILE_TEXT_WORKER_BUNDLE } from "@/server/search/file-text-reader";
import { bundleForNode, FILE_TEXT_WORKER_ENTRY } from "./build-if-stale.ts";

const directory = mkdtempSync(path.join(tmpdir(), "hearth-bundles-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe("the server's bundles", () => {
  it("read a file's text on the worker bundled beside the server, under plain node", async () => {
    // As in .next/, the bundles find packages in the project's node_modules.
    symlinkSync(path.resolve("node_modules"), path.join(directory, "node_modules"), "dir");
    writeFileSync(path.join(directory, "terms.pdf"), samplePdf("Terms of reference", ["Bundled and read"]));
    const entry = path.join(directory, "read.ts");
    writeFileSync(
      entry,
      [
        `import { readFileSync } from "node:fs";`,
        `import { readFileTextInWorker } from ${JSON.stringify(path.resolve("src/server/search/file-text-reader.ts"))};`,
        `console.log(JSON.stringify(await readFileTextInWorker(readFileSync(new URL("./terms.pdf", import.meta.url)), "application/pdf")));`,
      ].join("\n"),
    );
    bundleForNode(entry, path.join(directory, "server.mjs"));
    bundleForNode(FILE_TEXT_WORKER_ENTRY, path.join(directory, FILE_TEXT_WORKER_BUNDLE));

    // Plain node, as `npm start` runs the server: no loader for TypeScript.
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(directory, "server.mjs")], { env: { ...process.env, NODE_OPTIONS: "" } });
    expect(JSON.parse(stdout)).toBe("Terms of reference\nBundled and read");
  });
});
