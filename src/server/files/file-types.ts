import { AppError } from "@/server/errors";

/** How many leading bytes the type check looks at; also the span that must be free of NUL in text files. */
export const SNIFF_BYTES = 8 * 1024;

type Signature = "pdf" | "png" | "jpeg" | "gif" | "webp" | "zip" | "ole" | "text";

type FileType = { contentType: string; label: string; signature: Signature };

/** The types Hearth accepts, by extension; the contents must carry the matching signature. */
const TYPES_BY_EXTENSION: Record<string, FileType> = {
  pdf: { contentType: "application/pdf", label: "a PDF", signature: "pdf" },
  png: { contentType: "image/png", label: "a PNG image", signature: "png" },
  jpg: { contentType: "image/jpeg", label: "a JPEG image", signature: "jpeg" },
  jpeg: { contentType: "image/jpeg", label: "a JPEG image", signature: "jpeg" },
  gif: { contentType: "image/gif", label: "a GIF image", signature: "gif" },
  webp: { contentType: "image/webp", label: "a WebP image", signature: "webp" },
  txt: { contentType: "text/plain; charset=utf-8", label: "a text file", signature: "text" },
  csv: { contentType: "text/csv; charset=utf-8", label: "a CSV file", signature: "text" },
  md: { contentType: "text/markdown; charset=utf-8", label: "a Markdown file", signature: "text" },
  docx: {
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    label: "a Word document",
    signature: "zip",
  },
  xlsx: { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", label: "an Excel workbook", signature: "zip" },
  pptx: {
    contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    label: "a PowerPoint presentation",
    signature: "zip",
  },
  odt: { contentType: "application/vnd.oasis.opendocument.text", label: "an OpenDocument text", signature: "zip" },
  ods: { contentType: "application/vnd.oasis.opendocument.spreadsheet", label: "an OpenDocument spreadsheet", signature: "zip" },
  odp: { contentType: "application/vnd.oasis.opendocument.presentation", label: "an OpenDocument presentation", signature: "zip" },
  doc: { contentType: "application/msword", label: "a Word document", signature: "ole" },
  xls: { contentType: "application/vnd.ms-excel", label: "an Excel workbook", signature: "ole" },
  ppt: { contentType: "application/vnd.ms-powerpoint", label: "a PowerPoint presentation", signature: "ole" },
};

const startsWith = (bytes: Uint8Array, prefix: readonly number[], offset = 0) =>
  prefix.every((byte, index) => bytes[offset + index] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** What the first bytes say, strongest signatures first; `text` only when nothing binary matched. */
function signatureOf(bytes: Uint8Array): Signature | null {
  if (startsWith(bytes, ascii("%PDF-"))) return "pdf";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "gif";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "webp";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return "zip";
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "ole";
  if (!bytes.subarray(0, SNIFF_BYTES).includes(0)) return "text";
  return null;
}

const EXECUTABLE_SIGNATURES: readonly (readonly number[])[] = [
  ascii("MZ"), // Windows .exe and .dll
  [0x7f, 0x45, 0x4c, 0x46], // ELF (Linux)
  ascii("#!"), // scripts
  [0xfe, 0xed, 0xfa, 0xce],
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xcf, 0xfa, 0xed, 0xfe],
  [0xca, 0xfe, 0xba, 0xbe], // Mach-O (macOS), including universal binaries
];

const SIGNATURE_LABELS: Record<Exclude<Signature, "text">, string> = {
  pdf: "a PDF",
  png: "a PNG image",
  jpeg: "a JPEG image",
  gif: "a GIF image",
  webp: "a WebP image",
  zip: "a ZIP archive",
  ole: "an old-style Office file",
};

export const ACCEPTED_TYPES_SENTENCE =
  "Hearth takes PDF, Word, Excel, PowerPoint and OpenDocument files, PNG, JPEG, GIF and WebP images, and plain text, Markdown and CSV.";

/** The extensions the file picker offers, e.g. ".pdf,.docx,…". */
export const ACCEPTED_EXTENSIONS = Object.keys(TYPES_BY_EXTENSION)
  .map((extension) => `.${extension}`)
  .join(",");

function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf(".");
  return dot > 0 ? filename.slice(dot + 1).toLowerCase() : "";
}

/**
 * The Content-Type to store and serve a file with, decided by its name's extension and confirmed
 * by its first bytes (at least SNIFF_BYTES of them, or the whole file when shorter). Executables,
 * unknown types and contents that do not match the name are refused with a message for people.
 */
export function detectFileType(filename: string, head: Uint8Array): string {
  if (head.byteLength === 0) throw new AppError("BAD_REQUEST", "That file is empty.");
  if (EXECUTABLE_SIGNATURES.some((signature) => startsWith(head, signature))) {
    throw new AppError("BAD_REQUEST", `“${filename}” is a program or script, and those cannot be uploaded.`);
  }
  const type = TYPES_BY_EXTENSION[extensionOf(filename)];
  if (!type) throw new AppError("BAD_REQUEST", `“${filename}” is not a type Hearth accepts. ${ACCEPTED_TYPES_SENTENCE}`);
  const found = signatureOf(head);
  if (found !== type.signature) {
    const actually = found && found !== "text" ? ` its contents look like ${SIGNATURE_LABELS[found]}` : " its contents do not match";
    throw new AppError(
      "BAD_REQUEST",
      `“${filename}” is named like ${type.label}, but${actually}. Check that it is the right file, or give it the right extension.`,
    );
  }
  return type.contentType;
}

const IMAGE_CONTENT_TYPES: Partial<Record<Signature, string>> = {
  png: "image/png",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
};

/** The image type the first bytes show, whatever the file is called; null for anything that is not an image. */
export function imageTypeOf(bytes: Uint8Array): string | null {
  const signature = signatureOf(bytes);
  return (signature && IMAGE_CONTENT_TYPES[signature]) ?? null;
}

/** Images and PDFs open in the browser; everything else downloads. */
export function opensInline(contentType: string): boolean {
  return contentType.startsWith("image/") || contentType === "application/pdf";
}
