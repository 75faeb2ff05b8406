import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { samplePdf } from "@/server/bootstrap/demo-resources";
import { extractFileText, FileTextError } from "@/server/search/file-text";
import { FILE_TEXT_LIMITS } from "@/server/search/file-text-reader";
import { ODT, sampleDocx, sampleOdt, WORD, zipBomb } from "@/server/search/test-files";

describe("the text of uploaded files", () => {
  it("reads a PDF's words, page by page", async () => {
    const pdf = samplePdf("Terms of reference", ["The steering group meets monthly.", "Quorum: (five) members"]);
    const text = await extractFileText(pdf, "application/pdf", FILE_TEXT_LIMITS);
    expect(text).toContain("Terms of reference");
    expect(text).toContain("The steering group meets monthly.");
    expect(text).toContain("Quorum: (five) members");
  });

  it("reads the text runs of a Word document, a line per paragraph, leaving out deleted text", async () => {
    const docx = sampleDocx([["Budget ", "for 2026"], ["Caf\u00e9 & <tea>"]]);
    expect(await extractFileText(docx, WORD, FILE_TEXT_LIMITS)).toBe("Budget for 2026\nCaf\u00e9 & <tea>");
  });

  it("reads the headings and paragraphs of an OpenDocument text", async () => {
    const odt = sampleOdt("Annual report", ["Volunteers gave 1,200 hours.", "Thank you & well done"]);
    expect(await extractFileText(odt, ODT, FILE_TEXT_LIMITS)).toBe("Annual report\nVolunteers gave 1,200 hours.\nThank you & well done");
  });

  it("reads plain text, Markdown and CSV as they are, without control characters", async () => {
    const bytes = new TextEncoder().encode("name,role\nAda,chair\u0000\n\n# Notes   here\n");
    for (const type of ["text/plain; charset=utf-8", "text/csv; charset=utf-8", "text/markdown; charset=utf-8"]) {
      expect(await extractFileText(bytes, type, FILE_TEXT_LIMITS)).toBe("name,role\nAda,chair\n# Notes here");
    }
  });

  it("reads nothing from images and other files it has no cheap way to read", async () => {
    expect(await extractFileText(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), "image/png", FILE_TEXT_LIMITS)).toBe("");
    expect(await extractFileText(new Uint8Array([0xd0, 0xcf]), "application/msword", FILE_TEXT_LIMITS)).toBe("");
  });

  it("stops at the character limit, and refuses files above the size limit without reading them", async () => {
    const long = new TextEncoder().encode("word ".repeat(50_000));
    expect((await extractFileText(long, "text/plain", { ...FILE_TEXT_LIMITS, maxChars: 1_000 })).length).toBe(1_000);
    await expect(extractFileText(long, "text/plain", { ...FILE_TEXT_LIMITS, maxFileBytes: 1_000 })).rejects.toThrow(FileTextError);
  });

  it("refuses damaged files with a reason", async () => {
    await expect(extractFileText(new TextEncoder().encode("%PDF-1.4\nnot really a pdf"), "application/pdf", FILE_TEXT_LIMITS)).rejects.toThrow(FileTextError);
    await expect(extractFileText(new TextEncoder().encode("PK\u0003\u0004 broken"), WORD, FILE_TEXT_LIMITS)).rejects.toThrow(FileTextError);
    await expect(extractFileText(zipSync({ "other.xml": strToU8("<x/>") }), ODT, FILE_TEXT_LIMITS)).rejects.toThrow("no content.xml");
  });

  it("refuses a zip bomb once it has unpacked the limit, whatever sizes its headers claim", async () => {
    const bomb = zipBomb("word/document.xml", 32 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(200_000);
    const started = Date.now();
    await expect(extractFileText(bomb, WORD, { ...FILE_TEXT_LIMITS, maxUnzippedBytes: 4 * 1024 * 1024 })).rejects.toThrow(
      "word/document.xml unpacks to more than 4194304 bytes",
    );
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
