import { describe, expect, it } from "vitest";
import { detectFileType, opensInline, SNIFF_BYTES, imageTypeOf } from "@/server/files/file-types";

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === "string" ? [...part].map((char) => char.charCodeAt(0)) : part)));

const PDF = bytes("%PDF-1.4\n");
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const GIF = bytes("GIF89a", [1, 0, 1, 0]);
const WEBP = bytes("RIFF", [0, 0, 0, 0], "WEBPVP8 ");
const ZIP = bytes([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]);
const OLE = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);

describe("detectFileType", () => {
  it.each([
    ["minutes.pdf", PDF, "application/pdf"],
    ["photo.png", PNG, "image/png"],
    ["photo.JPG", JPEG, "image/jpeg"],
    ["photo.jpeg", JPEG, "image/jpeg"],
    ["wave.gif", GIF, "image/gif"],
    ["photo.webp", WEBP, "image/webp"],
    ["notes.txt", bytes("Agenda: budget\n"), "text/plain; charset=utf-8"],
    ["budget.csv", bytes("item,cost\r\ntea,4\r\n"), "text/csv; charset=utf-8"],
    ["readme.md", bytes("# Ünïcode ✓"), "text/markdown; charset=utf-8"],
    ["report.docx", ZIP, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["figures.xlsx", ZIP, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ["slides.pptx", ZIP, "application/vnd.openxmlformats-officedocument.presentationml.presentation"],
    ["report.odt", ZIP, "application/vnd.oasis.opendocument.text"],
    ["figures.ods", ZIP, "application/vnd.oasis.opendocument.spreadsheet"],
    ["slides.odp", ZIP, "application/vnd.oasis.opendocument.presentation"],
    ["old.doc", OLE, "application/msword"],
    ["old.xls", OLE, "application/vnd.ms-excel"],
    ["old.ppt", OLE, "application/vnd.ms-powerpoint"],
  ])("accepts %s", (name, head, type) => {
    expect(detectFileType(name, head)).toBe(type);
  });

  it("refuses contents that do not match the extension, naming what they are", () => {
    expect(() => detectFileType("report.pdf", PNG)).toThrow("“report.pdf” is named like a PDF, but its contents look like a PNG image");
    expect(() => detectFileType("photo.png", PDF)).toThrow("its contents look like a PDF");
    expect(() => detectFileType("report.docx", OLE)).toThrow("named like a Word document");
    expect(() => detectFileType("old.doc", ZIP)).toThrow("look like a ZIP archive");
    expect(() => detectFileType("report.pdf", bytes("just text"))).toThrow("its contents do not match");
  });

  it("refuses text files with a NUL in their first 8 KB, but not later", () => {
    const early = new Uint8Array(100).fill(0x41);
    early[50] = 0;
    expect(() => detectFileType("notes.txt", early)).toThrow("its contents do not match");
    const late = new Uint8Array(SNIFF_BYTES + 10).fill(0x41);
    late[SNIFF_BYTES + 5] = 0;
    expect(detectFileType("notes.txt", late)).toBe("text/plain; charset=utf-8");
  });

  it.each([
    ["setup.exe", bytes("MZ", [0x90, 0])],
    ["setup.pdf", bytes("MZ", [0x90, 0])],
    ["tool", bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1])],
    ["install.txt", bytes("#!/bin/sh\nrm -rf /\n")],
    ["app.pdf", bytes([0xcf, 0xfa, 0xed, 0xfe, 7, 0])],
    ["universal.doc", bytes([0xca, 0xfe, 0xba, 0xbe, 0, 0])],
  ])("refuses the executable %s whatever its name", (name, head) => {
    expect(() => detectFileType(name, head)).toThrow("is a program or script, and those cannot be uploaded");
  });

  it("refuses unknown types and names without an extension, listing what is accepted", () => {
    expect(() => detectFileType("page.html", bytes("<html>"))).toThrow("“page.html” is not a type Hearth accepts. Hearth takes PDF");
    expect(() => detectFileType("image.svg", bytes("<svg>"))).toThrow("is not a type Hearth accepts");
    expect(() => detectFileType("README", bytes("text"))).toThrow("is not a type Hearth accepts");
  });

  it("refuses an empty file", () => {
    expect(() => detectFileType("notes.txt", new Uint8Array())).toThrow("That file is empty.");
  });
});

describe("opensInline", () => {
  it("opens images and PDFs in the browser and downloads the rest", () => {
    expect(opensInline("image/png")).toBe(true);
    expect(opensInline("application/pdf")).toBe(true);
    expect(opensInline("text/plain; charset=utf-8")).toBe(false);
    expect(opensInline("application/msword")).toBe(false);
  });
});

describe("imageTypeOf", () => {
  it("names images by their bytes and nothing else", () => {
    expect(imageTypeOf(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe("image/png");
    expect(imageTypeOf(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(imageTypeOf(new TextEncoder().encode("%PDF-1.7"))).toBeNull();
    expect(imageTypeOf(new TextEncoder().encode("plain words"))).toBeNull();
  });
});
