import { getSchema } from "@tiptap/core";
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import type { Db } from "@/server/db";
import { DOCUMENT_FRAGMENT, documentExtensions } from "@/lib/documents/extensions";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
type People = { alex: string; priya: string };

const heading = (level: number, text: string) => ({ type: "heading", attrs: { level }, content: [{ type: "text", text }] });
const paragraph = (...content: ({ text: string; bold?: boolean } | string)[]) => ({
  type: "paragraph",
  content: content.map((part) =>
    typeof part === "string" ? { type: "text", text: part } : { type: "text", text: part.text, marks: part.bold ? [{ type: "bold" }] : [] },
  ),
});
const bullets = (...items: string[]) => ({
  type: "bulletList",
  content: items.map((text) => ({ type: "listItem", content: [paragraph(text)] })),
});

/** The demo vision draft, as the editor's ProseMirror JSON. */
const VISION = {
  type: "doc",
  content: [
    heading(1, "A compassionate Bath"),
    paragraph(
      "By 2030 nobody in Bath faces dying, caring or grief alone. ",
      { text: "Compassion is everyone's business", bold: true },
      ": neighbours, schools, workplaces and services share it, not only professionals.",
    ),
    heading(2, "What we want to see"),
    bullets(
      "Every neighbourhood has people who know how to sit with someone who is grieving.",
      "Carers are recognised and supported by their employers and their streets.",
      "Conversations about dying are ordinary, in cafés, schools and surgeries.",
    ),
    heading(2, "How we will get there"),
    paragraph("We start small and local: bereavement cafés, a charter for workplaces, and training for volunteers."),
    heading(2, "How we will know"),
    paragraph("Each year we ask people who cared for someone at the end of life whether they felt supported, and we publish what they say."),
  ],
};

/** The steering group's vision document, written as one Yjs update exactly as an editor would have sent it. */
export async function seedDemoDocuments(tx: Tx, groupId: string, people: People): Promise<void> {
  const doc = prosemirrorJSONToYDoc(getSchema(documentExtensions), VISION, DOCUMENT_FRAGMENT);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  const document = await tx.document.create({
    data: { groupId, title: "Vision for a compassionate Bath", createdById: people.priya },
    select: { id: true },
  });
  await tx.documentUpdate.create({ data: { documentId: document.id, data: new Uint8Array(update), userId: people.priya } });
  await tx.document.create({ data: { groupId, title: "Notes for the charter launch", createdById: people.alex }, select: { id: true } });
}
