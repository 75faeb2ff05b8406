import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { appendUpdate } from "@/server/documents/persistence";
import { exportDocument } from "@/server/documents/versions/export";
import { createPdfExporter, EXPORTS_BUSY, type PdfExportLimits, type PdfExportRefused } from "@/server/documents/versions/pdf-exporter";
import { paragraph, stateOf } from "@/server/documents/versions/test-content";
import { RedisTokenBucket } from "@/server/rate-limit";
import { addMember, callerFor, makeDocument, makeGroup, makeUser } from "@/server/test/factories";
import { testRedis } from "@/server/test/redis";

const LIMITS: PdfExportLimits = { concurrency: 2, maxWaiting: 4, perPersonBurst: 100, perPersonPerMinute: 100, cacheBytes: 1024 };

/** A printer whose prints finish when the test says so, counting launches and how many run at once. */
function manualPrinter() {
  const state = { launches: 0, running: 0, mostAtOnce: 0, finishers: [] as (() => void)[] };
  const print = (html: string) =>
    new Promise<Uint8Array>((resolve) => {
      state.launches += 1;
      state.running += 1;
      state.mostAtOnce = Math.max(state.mostAtOnce, state.running);
      state.finishers.push(() => {
        state.running -= 1;
        resolve(new TextEncoder().encode(`%PDF ${html}`));
      });
    });
  return { state, print };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

async function finishAll(state: ReturnType<typeof manualPrinter>["state"], results: Promise<unknown>[]) {
  const all = Promise.allSettled(results);
  let done = false;
  void all.then(() => (done = true));
  while (!done) {
    state.finishers.shift()?.();
    await settle();
  }
  return all;
}

describe("createPdfExporter", () => {
  it("runs at most `concurrency` prints, queues a few, and turns the rest away with a plain message", async () => {
    const { state, print } = manualPrinter();
    const exporter = createPdfExporter(print, LIMITS);
    const results = Array.from({ length: 8 }, (_, index) => exporter.print(`person-${index}`, `<p>${index}</p>`));
    const settled = Promise.allSettled(results);
    await settle();
    expect(state.running).toBe(2);

    await finishAll(state, results);
    const outcomes = await settled;
    expect(state.mostAtOnce).toBe(2);
    expect(state.launches).toBe(6);
    const refused = outcomes.filter((outcome) => outcome.status === "rejected").map((outcome) => outcome.reason as PdfExportRefused);
    expect(refused).toHaveLength(2);
    expect(refused[0]).toMatchObject({ status: 503, message: EXPORTS_BUSY, retryAfterSeconds: 60 });
  });

  it("prints the same HTML once: requests at the same time share it, later ones come from the cache", async () => {
    const { state, print } = manualPrinter();
    const exporter = createPdfExporter(print, LIMITS);
    const results = Array.from({ length: 8 }, () => exporter.print("guest", "<p>Vision</p>"));
    const outcomes = await finishAll(state, results);
    expect(outcomes.every((outcome) => outcome.status === "fulfilled")).toBe(true);
    expect(await exporter.print("someone else", "<p>Vision</p>")).toEqual(new TextEncoder().encode("%PDF <p>Vision</p>"));
    expect(state.launches).toBe(1);
  });

  it("limits each person's launches, not the PDFs they get from the cache", async () => {
    const { state, print } = manualPrinter();
    const exporter = createPdfExporter(print, { ...LIMITS, perPersonBurst: 2, perPersonPerMinute: 2 });
    await finishAll(state, [exporter.print("guest", "<p>1</p>"), exporter.print("guest", "<p>2</p>")]);
    await expect(exporter.print("guest", "<p>3</p>")).rejects.toMatchObject({
      status: 429,
      message: expect.stringMatching(/^You have asked for many PDFs in a short time\. Try again in \d+ seconds\./),
    });
    await expect(exporter.print("guest", "<p>1</p>")).resolves.toBeInstanceOf(Uint8Array);
    const other = exporter.print("someone else", "<p>3</p>");
    await finishAll(state, [other]);
    await expect(other).resolves.toBeInstanceOf(Uint8Array);
    expect(state.launches).toBe(3);
  });

  it("counts a person's launches on every instance together when the instances share Redis", async () => {
    const limits = { ...LIMITS, perPersonBurst: 2, perPersonPerMinute: 2 };
    const perPerson = async () => new RedisTokenBucket(await testRedis(), "pdf-export", { burst: 2, perSecond: 2 / 60 });
    const [a, b] = [manualPrinter(), manualPrinter()];
    const [onA, onB] = [createPdfExporter(a.print, limits, await perPerson()), createPdfExporter(b.print, limits, await perPerson())];
    await finishAll(a.state, [onA.print("guest", "<p>1</p>")]);
    await finishAll(b.state, [onB.print("guest", "<p>2</p>")]);
    await expect(onA.print("guest", "<p>3</p>")).rejects.toMatchObject({ status: 429 });
    await expect(onB.print("guest", "<p>4</p>")).rejects.toMatchObject({ status: 429 });
    const [other] = await finishAll(b.state, [onB.print("someone else", "<p>4</p>")]);
    expect(other).toMatchObject({ status: "fulfilled" });
  });

  it("keeps the cache within its memory, dropping the least recently used PDF", async () => {
    const { state, print } = manualPrinter();
    const exporter = createPdfExporter(print, { ...LIMITS, cacheBytes: 1000 });
    const big = (label: string) => `<p>${label}</p>${" ".repeat(400)}`;
    for (const label of ["a", "b", "a", "c", "a", "b"]) await finishAll(state, [exporter.print("staff", big(label))]);
    // a, b, c printed; c pushed out b (a was used more recently); b printed again.
    expect(state.launches).toBe(4);
  });
});

describe("PDF export through Chromium", () => {
  let log: string;
  let previousPath: string | undefined;

  /** A stand-in for Chromium that writes a small PDF, and logs each start and end so the test can see overlaps. */
  beforeAll(() => {
    const dir = mkdtempSync(path.join(tmpdir(), "hearth-fake-chromium-"));
    log = path.join(dir, "launches.log");
    const executable = path.join(dir, "chromium");
    writeFileSync(
      executable,
      `#!/bin/sh
echo start >> "${log}"
for arg in "$@"; do case "$arg" in --print-to-pdf=*) out="\${arg#--print-to-pdf=}";; esac; done
sleep 0.2
printf '%%PDF-1.4 fake' > "$out"
echo end >> "${log}"
`,
    );
    chmodSync(executable, 0o755);
    previousPath = process.env.HEARTH_CHROMIUM_PATH;
    process.env.HEARTH_CHROMIUM_PATH = executable;
  });
  afterAll(() => {
    process.env.HEARTH_CHROMIUM_PATH = previousPath;
  });

  function launches() {
    const lines = existsSync(log) ? readFileSync(log, "utf8").trim().split("\n") : [];
    let running = 0;
    let mostAtOnce = 0;
    for (const line of lines) {
      running += line === "start" ? 1 : -1;
      mostAtOnce = Math.max(mostAtOnce, running);
    }
    writeFileSync(log, "");
    return { count: lines.filter((line) => line === "start").length, mostAtOnce };
  }

  async function guestOf(documentCount: number) {
    const group = await makeGroup();
    const [admin, guest] = await Promise.all([makeUser(), makeUser()]);
    await addMember(group.id, admin.id, "admin");
    await addMember(group.id, guest.id, "guest");
    const documents = [];
    for (let index = 0; index < documentCount; index++) {
      const document = await makeDocument({ groupId: group.id, createdById: admin.id, guestIds: [guest.id] });
      await appendUpdate(getDb(), document.id, stateOf([paragraph(`Words of ${document.title}`)]), admin.id);
      documents.push(document);
    }
    return { admin, guest, documents };
  }

  it("starts at most 2 Chromium processes for 8 exports at once by a read-only guest, and limits that guest", { timeout: 60_000 }, async () => {
    const { guest, documents } = await guestOf(8);
    launches();
    const outcomes = await Promise.allSettled(documents.map((document) => exportDocument(getDb(), guest.id, document.id, { format: "pdf" })));

    const { count, mostAtOnce } = launches();
    expect(mostAtOnce).toBeLessThanOrEqual(2);
    expect(count).toBe(5);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(5);
    const refused = outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [outcome.reason as PdfExportRefused] : []));
    expect(refused.map(({ status }) => status)).toEqual([429, 429, 429]);
  });

  it("starts Chromium once for 8 exports of the same text at once, and once for the same version twice", { timeout: 60_000 }, async () => {
    const { admin, guest, documents } = await guestOf(1);
    const document = documents[0]!;
    launches();
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => exportDocument(getDb(), guest.id, document.id, { format: "pdf" })));
    expect(Buffer.from(outcomes[7]!.body as Uint8Array).toString()).toBe("%PDF-1.4 fake");
    expect(launches().count).toBe(1);

    const version = await callerFor(admin.id).caller.document.nameVersion({ id: document.id, name: "Agreed" });
    await exportDocument(getDb(), guest.id, document.id, { format: "pdf", version: version.id });
    await exportDocument(getDb(), admin.id, document.id, { format: "pdf", version: version.id });
    expect(launches().count).toBe(1);
  });
});
