import { writeChunk } from "@/server/exports/streams";

/**
 * Writes one JSON object whose lists are streamed item by item, so a person with years of
 * comments is never held in memory at once. Each top-level field and each list item is on a line
 * of its own, which keeps the file readable and diffable.
 */
export class JsonObjectWriter {
  private fields = 0;

  constructor(private readonly out: NodeJS.WritableStream) {}

  private async key(name: string): Promise<void> {
    await writeChunk(this.out, `${this.fields === 0 ? "{\n" : ",\n"}${JSON.stringify(name)}: `);
    this.fields += 1;
  }

  async field(name: string, value: unknown): Promise<void> {
    await this.key(name);
    await writeChunk(this.out, JSON.stringify(value));
  }

  async list(name: string, items: AsyncIterable<unknown>): Promise<void> {
    await this.key(name);
    let count = 0;
    for await (const item of items) {
      await writeChunk(this.out, `${count === 0 ? "[\n  " : ",\n  "}${JSON.stringify(item)}`);
      count += 1;
    }
    await writeChunk(this.out, count === 0 ? "[]" : "\n]");
  }

  async end(): Promise<void> {
    await writeChunk(this.out, this.fields === 0 ? "{}\n" : "\n}\n");
  }
}
