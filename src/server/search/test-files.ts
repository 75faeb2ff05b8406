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
