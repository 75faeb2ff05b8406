import { z } from "zod";
import type { Db } from "@/server/db";
import { requireDocumentAccess } from "@/server/documents/access";
import { loadDocumentState } from "@/server/documents/persistence";
import { toHtmlDocument } from "@/server/documents/versions/html";
import { toMarkdown } from "@/server/documents/versions/markdown";
import { getPdfExporter } from "@/server/documents/versions/pdf-exporter";
import { versionLabel } from "@/server/documents/versions/service";
import { agreedContentOf, contentOf } from "@/server/documents/versions/state";
import { AppError } from "@/server/errors";

export const zExportQuery = z.object({
  format: z.enum(["md", "html", "pdf"]).default("html"),
  version: z.string().min(1).max(64).optional(),
  /** "tracked": open suggestions shown as tracked changes (CriticMarkup in Markdown, <ins>/<del> in HTML and PDF). */
  suggestions: z.enum(["tracked"], "Suggestions can only be exported as tracked changes.").optional(),
});
export type ExportQuery = z.infer<typeof zExportQuery>;

const CONTENT_TYPES = {
  md: "text/markdown; charset=utf-8",
  html: "text/html; charset=utf-8",
  pdf: "application/pdf",
} as const;

/** A file name any browser and file system accepts: ASCII letters, digits and dashes. */
export function safeFileName(...parts: string[]): string {
  const slug = parts
    .join(" ")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80)
    .replace(/-$/, "");
  return slug || "document";
}

const dateOf = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The document (as it reads now, or one of its versions) as Markdown, standalone HTML or PDF.
 * Authorised like reading it: invited guests may export too.
 */
export async function exportDocument(db: Db, userId: string, documentId: string, query: ExportQuery, now = new Date()) {
  const access = await requireDocumentAccess(db, userId, documentId, "view");
  let state: Uint8Array;
  let subtitle: string;
  let suffix: string;
  if (query.version) {
    const version = await db.documentVersion.findFirst({
      where: { id: query.version, documentId: access.documentId },
      select: { kind: true, name: true, createdAt: true, state: true },
    });
    if (!version) throw new AppError("NOT_FOUND", "That version does not exist in this document.");
    state = version.state;
    subtitle = `${versionLabel(version)}, saved ${dateOf(version.createdAt)}`;
    suffix = `${version.name ?? version.kind} ${dateOf(version.createdAt)}`;
  } else {
    state = await loadDocumentState(db, access.documentId);
    subtitle = `Current text, exported ${dateOf(now)}`;
    suffix = dateOf(now);
  }
  // Without tracked changes an export is the agreed text: every open suggestion left out (as if rejected).
  const content = query.suggestions === "tracked" ? contentOf(state) : agreedContentOf(state);
  if (query.suggestions === "tracked") suffix += " with suggestions";
  const filename = `${safeFileName(access.title, suffix)}.${query.format}`;
  const contentType = CONTENT_TYPES[query.format];
  if (query.format === "md") return { filename, contentType, body: toMarkdown(content, access.title) };
  const html = toHtmlDocument(content, { title: access.title, subtitle });
  if (query.format === "html") return { filename, contentType, body: html };
  return { filename, contentType, body: await getPdfExporter().print(userId, html) };
}
