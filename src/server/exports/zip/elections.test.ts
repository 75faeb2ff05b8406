import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { getDb } from "@/server/db";
import { requireGroupExport } from "@/server/exports/access";
import { csvRecords, readZip } from "@/server/exports/test-zip";
import { writeGroupZip } from "@/server/exports/zip/write";
import { localDiskStorage } from "@/server/files/storage";
import { inOneWeek, pollGroup } from "@/server/test/poll-fixtures";

it("lists an election in polls.csv with its counting method and seats", async () => {
  const scene = await pollGroup();
  const { id } = await scene.as(scene.admin).poll.create({
    groupId: scene.group.id,
    kind: "stv",
    title: "Steering group, two seats",
    options: ["Asha", "Ben", "Chloe"],
    seats: 2,
    countingMethod: "meek_stv",
    closingAt: inOneWeek(),
  });
  const scope = await requireGroupExport(getDb(), scene.admin.id, scene.group.handle);
  const storage = localDiskStorage(path.join(mkdtempSync(path.join(tmpdir(), "hearth-election-export-")), "uploads"));
  const zip = await readZip(writeGroupZip(getDb(), scope, { storage }));
  expect(csvRecords(zip.text("polls.csv")).find((row) => row.poll_id === id)).toMatchObject({ kind: "stv", counting_method: "meek_stv", seats: "2" });
});
