import type { Readable } from "node:stream";
import type { Db } from "@/server/db";
import type { GroupExportScope } from "@/server/exports/access";
import { writeGroupExport } from "@/server/exports/hearth-json/write";
import { writeChunk } from "@/server/exports/streams";
import { addCharters, charterSignaturesCsv, initiativesCsv, stakeholderLinksCsv, stakeholdersCsv } from "@/server/exports/zip/community-tables";
import type { CsvFile } from "@/server/exports/zip/csv";
import { outcomesCsv, pollsCsv, votesCsv } from "@/server/exports/zip/decision-tables";
import { commentsCsv, threadsCsv } from "@/server/exports/zip/discussion-tables";
import { addDocuments } from "@/server/exports/zip/documents";
import { decisionsCsv, tasksCsv } from "@/server/exports/zip/follow-up-tables";
import { filesCsv, meetingsCsv, membersCsv, resourcesCsv } from "@/server/exports/zip/group-tables";
import { addStoredFiles } from "@/server/exports/zip/stored-files";
import { amendmentsCsv, suggestionsCsv } from "@/server/exports/zip/suggestion-tables";
import { ZipWriter } from "@/server/exports/zip/zip-writer";
import { getFileStorage, type FileStorage } from "@/server/files/storage";

const CSV_FILES: readonly CsvFile[] = [
  threadsCsv,
  commentsCsv,
  pollsCsv,
  votesCsv,
  outcomesCsv,
  decisionsCsv,
  tasksCsv,
  amendmentsCsv,
  suggestionsCsv,
  membersCsv,
  resourcesCsv,
  meetingsCsv,
  filesCsv,
  charterSignaturesCsv,
  initiativesCsv,
  stakeholdersCsv,
  stakeholderLinksCsv,
];

function readme(scope: GroupExportScope, now: Date): string {
  const lines = [
    `Everything in ${scope.group.name} (${scope.group.handle}), downloaded from Hearth on ${now.toISOString()}.`,
    "",
    "group.json        Hearth's own export format (docs/export-format.md): import it into another Hearth.",
    "*.csv             One file per kind of record, for spreadsheets. The group column names the group or subgroup.",
    "files/<sha256>    Every uploaded file, named by its content hash; files.csv gives each one's name.",
    "documents/<name>/ Each document as Markdown: current.md (the agreed text), current-with-suggestions.md when suggestions are open, and every saved version (versions.csv says which is which).",
    "charter.md        The group's charter as it reads now (a subgroup's: charter-<handle>.md); every version is in group.json.",
    "",
    `Subgroups are included where the person who downloaded this is an admin (${scope.groupIds.length - 1} here).`,
    "Anonymous polls: votes.csv holds their ballots with no voter and no time; nobody can tell who voted how.",
    "votes.csv holds no ballots yet of polls still open that are anonymous or hide their results.",
    "",
  ];
  return lines.join("\r\n");
}

/**
 * A group's download as a ZIP, written while it is read: README.txt, group.json, the CSV files,
 * the documents as Markdown, and the uploaded files. Access is the caller's to check (see
 * requireGroupExport); only the groups of `scope` are read.
 */
export function writeGroupZip(db: Db, scope: GroupExportScope, options: { storage?: FileStorage; now?: Date } = {}): Readable {
  const now = options.now ?? new Date();
  const storage = options.storage ?? getFileStorage();
  const zip = new ZipWriter();
  const text = (content: string) => (out: NodeJS.WritableStream) => writeChunk(out, content, zip.signal);
  const tables = { groupIds: scope.groupIds, now };

  async function run() {
    await zip.add("README.txt", text(readme(scope, now)), { mtime: now });
    await zip.add("group.json", (out) => writeGroupExport(db, scope.group.id, out, { groupIds: scope.groupIds }), { mtime: now });
    for (const csv of CSV_FILES) await zip.add(csv.file, (out) => csv.write(db, tables, out, zip.signal), { mtime: now });
    await addDocuments(zip, db, scope.groupIds);
    await addCharters(zip, db, scope.group.id, scope.groupIds);
    const missing = await addStoredFiles(zip, db, storage, scope.groupIds);
    if (missing.length) {
      const note = ["These files are listed in files.csv, but their content could not be read from storage:", ...missing, ""];
      await zip.add("missing-files.txt", text(note.join("\r\n")), { mtime: now });
    }
    zip.end();
  }
  run().catch((error: unknown) => zip.fail(error));
  return zip.output;
}
