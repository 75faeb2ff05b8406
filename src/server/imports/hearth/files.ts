import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { requireHash } from "@/server/files/content-hash";
import type { FileStorage, StagedContent } from "@/server/files/storage";

/**
 * The uploaded files' bytes that came with an export: a folder of `<sha256>` files (the ZIP's
 * `files/` folder, unpacked). Content already in storage is never copied again, so importing the
 * same export twice, or again with the files after a first import without them, just works.
 */
export class FileSource {
  /** Hashes known to be in storage (or, in a dry run, that would be). Grows with the number of distinct files, not with their size. */
  private readonly stored = new Set<string>();

  constructor(
    private readonly dir: string | null,
    private readonly storage: FileStorage,
    private readonly warn: (message: string) => void,
  ) {}

  has(sha256: string): boolean {
    return this.stored.has(sha256);
  }

  private async inStorage(sha256: string): Promise<boolean> {
    try {
      (await this.storage.open(sha256)).destroy();
      return true;
    } catch {
      return false;
    }
  }

  private async localFile(sha256: string): Promise<string | null> {
    if (!this.dir) return null;
    const file = path.join(this.dir, requireHash(sha256));
    const found = await stat(file).catch(() => null);
    return found?.isFile() ? file : null;
  }

  /**
   * Checks the content of `files` and, unless this is a dry run, stages what storage lacks from
   * the folder, each checked against its hash. The caller keeps the staged content under the
   * content locks together with the rows that use it, and discards it afterwards.
   */
  async prepare(files: readonly { sha256: string; size: number; name: string }[], dryRun: boolean): Promise<StagedContent[]> {
    const staged: StagedContent[] = [];
    for (const file of files) {
      if (this.stored.has(file.sha256)) continue;
      if (await this.inStorage(file.sha256)) {
        this.stored.add(file.sha256);
        continue;
      }
      const local = await this.localFile(file.sha256);
      if (!local) continue;
      if (dryRun) {
        this.stored.add(file.sha256);
        continue;
      }
      const content = await this.storage.stage(createReadStream(local));
      if (content.sha256 !== file.sha256) {
        await content.discard();
        this.warn(`The file for “${file.name}” in the files folder is not the one the export names (its checksum differs), so it was not restored.`);
        continue;
      }
      staged.push(content);
      this.stored.add(file.sha256);
    }
    return staged;
  }
}
