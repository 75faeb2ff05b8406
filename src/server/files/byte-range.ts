import type { ByteRange } from "@/server/files/storage";

/**
 * The one range a `Range` header asks for (RFC 9110 §14.1.2) in a file of `size` bytes:
 * null means "send the whole file" (no header, a header we do not handle such as several
 * ranges, which the RFC allows us to ignore), "unsatisfiable" means answer 416.
 */
export function parseByteRange(header: string | null, size: number): ByteRange | null | "unsatisfiable" {
  const match = header?.trim().match(/^bytes=(\d*)-(\d*)$/);
  if (!match) return null;
  const [, first, last] = match as unknown as [string, string, string];
  if (first === "" && last === "") return null;
  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (start >= size) return "unsatisfiable";
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  return end < start ? null : { start, end };
}
