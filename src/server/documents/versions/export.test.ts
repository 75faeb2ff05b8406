import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { appendUpdate, loadDocumentState } from "@/server/documents/persistence";
import { exportDocument, safeFileName } from "@/server/documents/versions/export";
import { replacementUpdate } from "@/server/documents/versions/state";
import { heading, paragraph, stateOf } from "@/server/documents/versions/test-content";
import { addMember, callerFor, makeDocument, makeGroup, makeUser } from "@/server/test/factories";

async function setUp() {
  const group = await makeGroup();
  const [admin, guest, outsider] = await Promise.all([makeUser(), makeUser(), makeUser()]);
  await addMember(group.id, admin.id, "admin");
  await addMember(group.id, guest.id, "guest");
  const document = await makeDocument({ groupId: group.id, createdById: admin.id, title: "Vision: Ålesund <2027>", guestIds: [guest.id] });
  await appendUpdate(getDb(), document.id, stateOf([heading(1, "Draft"), paragraph("First words.")]), admin.id);
  const named = await callerFor(admin.id).caller.document.nameVersion({ id: document.id, name: "First" });
  return { admin, guest, outsider, document, named };
}

describe("exporting a document", () => {
  it("exports the current text or a version as Markdown and HTML, for invited guests too", async () => {
    const { admin, guest, document, named } = await setUp();
    const db = getDb();
    const now = new Date("2026-11-26T12:00:00Z");
    const later = stateOf([heading(1, "Draft"), paragraph("First words."), paragraph("Later words.")]);
    await appendUpdate(db, document.id, replacementUpdate(await loadDocumentState(db, document.id), later).update, admin.id);

    const current = await exportDocument(db, guest.id, document.id, { format: "md" }, now);
    expect(current).toMatchObject({ filename: "vision-alesund-2027-2026-11-26.md", contentType: "text/markdown; charset=utf-8" });
    expect(current.body).toBe("# Vision: Ålesund \\<2027\\>\n\n# Draft\n\nFirst words.\n\nLater words.\n");

    const old = await exportDocument(db, guest.id, document.id, { format: "html", version: named.id }, now);
    expect(old.filename).toMatch(/^vision-alesund-2027-first-\d{4}-\d\d-\d\d\.html$/);
    expect(old.body).toContain("<h1>Vision: Ålesund &#60;2027&#62;</h1>");
    expect(old.body).toContain("<p>First words.</p>");
    expect(old.body).not.toContain("Later words.");
  });

  it("refuses people who cannot read the document and versions of other documents", async () => {
    const { outsider, admin, document } = await setUp();
    const other = await setUp();
    await expect(exportDocument(getDb(), outsider.id, document.id, { format: "md" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(exportDocument(getDb(), admin.id, document.id, { format: "md", version: other.named.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("prints a PDF with Chromium", { timeout: 60_000 }, async () => {
    const { admin, document } = await setUp();
    const pdf = await exportDocument(getDb(), admin.id, document.id, { format: "pdf" });
    expect(pdf.contentType).toBe("application/pdf");
    expect(Buffer.from(pdf.body as Uint8Array).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("makes safe file names", () => {
    expect(safeFileName("../../etc/passwd", "")).toBe("etc-passwd");
    expect(safeFileName("“”")).toBe("document");
  });
});
