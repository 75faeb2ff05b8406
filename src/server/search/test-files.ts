import { pipeline } from "node:stream/promises";
import { createDeflate } from "node:zlib";
import { strToU8, zipSync } from "fflate";

/** Files for tests of search's file text, made here rather than kept as binaries. */
export const WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const ODT = "application/vnd.oasis.opendocument.text";

/** A minimal Word document: the parts Word itself needs, and paragraphs of text runs. */
export function sampleDocx(paragraphs: string[][]): Uint8Array {
  const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const body = paragraphs
    .map((runs) => `<w:p>${runs.map((run) => `<w:r><w:t xml:space="preserve">${escape(run)}</w:t></w:r>`).join("")}</w:p>`)
    .join("");
  return zipSync({
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    "word/document.xml": strToU8(
      `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:p><w:del><w:r><w:delText>struckout</w:delText></w:r></w:del></w:p></w:body></w:document>`,
    ),
  });
}

/** A minimal OpenDocument text: a heading and paragraphs, with the mimetype stored first as the format asks. */
export function sampleOdt(heading: string, paragraphs: string[]): Uint8Array {
  const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  return zipSync({
    mimetype: [strToU8(ODT), { level: 0 }],
    "content.xml": strToU8(
      `<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:automatic-styles/><office:body><office:text><text:h text:outline-level="1">${escape(heading)}</text:h>${paragraphs.map((p) => `<text:p>${escape(p)}</text:p>`).join("")}</office:text></office:body></office:document-content>`,
    ),
  });
}

/** A zip whose one entry unpacks to `bytes` zeros, saying in its headers that it is 100 bytes. */
export function zipBomb(name: string, bytes: number): Uint8Array {
  const zip = zipSync({ [name]: [new Uint8Array(bytes), { level: 9 }] });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let offset = 0; offset + 4 <= zip.length; offset += 1) {
    const signature = view.getUint32(offset, true);
    if (signature === 0x04034b50) view.setUint32(offset + 22, 100, true);
    if (signature === 0x02014b50) view.setUint32(offset + 24, 100, true);
  }
  return zip;
}

/** A one-page PDF (Helvetica as /F1) drawn by `content`, with the stream's `/Filter` if it has one. */
function onePagePdf(content: Uint8Array, filter?: string): Uint8Array {
  const parts: Uint8Array[] = [strToU8("%PDF-1.4\n")];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  const add = (...chunks: Uint8Array[]) => {
    offsets.push(length);
    for (const chunk of [strToU8(`${offsets.length} 0 obj\n`), ...chunks, strToU8("\nendobj\n")]) {
      parts.push(chunk);
      length += chunk.length;
    }
  };
  add(strToU8("<< /Type /Catalog /Pages 2 0 R >>"));
  add(strToU8("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"));
  add(strToU8("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"));
  add(strToU8("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));
  add(strToU8(`<< /Length ${content.length}${filter ? ` /Filter /${filter}` : ""} >>\nstream\n`), content, strToU8("\nendstream"));
  const xref = offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  parts.push(strToU8(`xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n${xref}trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return joined(parts);
}

function joined(parts: Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  return all;
}

/**
 * A PDF showing `runs` short words, each at its own place on the page (pdf.js leaves out text off
 * the page): a few megabytes that take pdf.js seconds to parse and, as text, tens of megabytes to
 * hold.
 */
export function pdfOfRuns(runs: number): Uint8Array {
  const content = Array.from({ length: runs }, (_, index) => `1 0 0 1 ${20 + (index % 50) * 10} ${40 + (index % 70) * 10} Tm (w${index % 97}) Tj`);
  return onePagePdf(strToU8(["BT /F1 10 Tf", ...content, "ET"].join("\n")));
}

/**
 * A PDF whose content stream is `blankBytes` spaces and then `word`, compressed: a few megabytes
 * as a file, as large as `blankBytes` once pdf.js has decoded it. Compressed by Node's zlib, about
 * twenty times as fast as fflate here.
 */
export async function pdfOfBlankStream(blankBytes: number, word: string): Promise<Uint8Array> {
  const blank = Buffer.alloc(1024 * 1024, " ");
  async function* content() {
    for (let left = blankBytes; left > 0; left -= blank.length) yield blank.subarray(0, Math.min(left, blank.length));
    yield Buffer.from(`\nBT /F1 12 Tf 56 780 Td (${word}) Tj ET`, "latin1");
  }
  const compressed: Uint8Array[] = [];
  await pipeline(content(), createDeflate({ level: 1 }), async (chunks: AsyncIterable<Buffer>) => {
    for await (const chunk of chunks) compressed.push(chunk);
  });
  return onePagePdf(joined(compressed), "FlateDecode");
}
