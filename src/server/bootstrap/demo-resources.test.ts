import { describe, expect, it } from "vitest";
import { samplePdf, samplePng } from "@/server/bootstrap/demo-resources";
import { detectFileType, imageTypeOf } from "@/server/files/file-types";

describe("demo files", () => {
  it("makes a PDF that pdf.js opens, with its text on one page", async () => {
    const pdf = samplePdf("Terms of reference", ["Purpose: (nobody) alone"]);
    expect(detectFileType("terms.pdf", pdf)).toBe("application/pdf");
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const document = await pdfjs.getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 }).promise;
    expect(document.numPages).toBe(1);
    const content = await (await document.getPage(1)).getTextContent();
    const text = content.items.map((item) => ("str" in item ? item.str : "")).join(" ");
    expect(text).toContain("Terms of reference");
    expect(text).toContain("Purpose: (nobody) alone");
    await document.destroy();
  });

  it("makes a PNG with a valid header", () => {
    const png = samplePng(40, 20);
    expect(imageTypeOf(png)).toBe("image/png");
    expect(png.readUInt32BE(16)).toBe(40);
    expect(png.readUInt32BE(20)).toBe(20);
  });
});
