import type { Db } from "@/server/db";
import type { ExportRecord } from "@/server/exports/hearth-json/format";
import { PAGE_SIZE, writeChunk } from "@/server/exports/streams";

/**
 * Writes the export's lines with backpressure. People are written lazily: just before the first
 * line that refers to them, each once, so the file holds exactly the people it mentions and
 * every reference points backwards. The set of people written is the only state that grows.
 */
export class LineWriter {
  lines = 0;
  private readonly usersWritten = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly out: NodeJS.WritableStream,
  ) {}

  async write(value: unknown): Promise<void> {
    this.lines += 1;
    await writeChunk(this.out, JSON.stringify(value) + "\n");
  }

  /** Writes the records, preceded by any person they refer to (`people`) that the file does not hold yet. */
  async records(records: readonly ExportRecord[], people: Iterable<string | null | undefined> = []): Promise<void> {
    await this.people(people);
    for (const record of records) await this.write(record);
  }

  private async people(ids: Iterable<string | null | undefined>): Promise<void> {
    const missing = [...new Set(ids)].filter((id): id is string => Boolean(id) && !this.usersWritten.has(id!));
    for (let start = 0; start < missing.length; start += PAGE_SIZE) {
      const users = await this.db.user.findMany({
        where: { id: { in: missing.slice(start, start + PAGE_SIZE) } },
        // Never passwordHash, credentialVersion or anything else that signs a person in.
        select: { id: true, name: true, email: true, bio: true, createdAt: true },
        orderBy: { id: "asc" },
      });
      for (const user of users) {
        this.usersWritten.add(user.id);
        await this.write({ type: "user", data: user } satisfies ExportRecord);
      }
    }
  }
}
