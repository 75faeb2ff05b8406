import { getSchema } from "@tiptap/core";
import { prosemirrorJSONToYDoc, updateYFragment } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import type { Db } from "@/server/db";
import { DOCUMENT_FRAGMENT, documentExtensions } from "@/lib/documents/extensions";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
type People = { alex: string; priya: string; tom: string; grace: string };

const heading = (level: number, text: string) => ({ type: "heading", attrs: { level }, content: [{ type: "text", text }] });
const paragraph = (...content: ({ text: string; bold?: boolean } | string)[]) => ({
  type: "paragraph",
  content: content.map((part) =>
    typeof part === "string" ? { type: "text", text: part } : { type: "text", text: part.text, marks: part.bold ? [{ type: "bold" }] : [] },
  ),
});
const bullets = (...items: (string | ReturnType<typeof paragraph>)[]) => ({
  type: "bulletList",
  content: items.map((item) => ({ type: "listItem", content: [typeof item === "string" ? paragraph(item) : item] })),
});
const suggested = (kind: "insertion" | "deletion", id: string, text: string) => ({ type: "text", text, marks: [{ type: kind, attrs: { id } }] });

/** Suggestion ids as the editor makes them (`s` and random characters); fixed, so the marks below and the rows agree. */
const AMENDED = "sdemoamendmentone000000";
const ADDED = "sdemosuggestionlibrary0";
const AMENDMENT = {
  passage: "training for volunteers",
  replacement: "paid training for volunteers and carers",
  title: "Amendment 1 to Vision for a compassionate Bath: “paid training for volunteers and carers”",
};

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
      {
        type: "paragraph",
        content: [
          { type: "text", text: "Conversations about dying are ordinary, in cafés, schools" },
          suggested("insertion", ADDED, ", libraries"),
          { type: "text", text: " and surgeries." },
        ],
      },
    ),
    heading(2, "How we will get there"),
    {
      type: "paragraph",
      content: [
        { type: "text", text: "We start small and local: bereavement cafés, a charter for workplaces, and " },
        suggested("deletion", AMENDED, AMENDMENT.passage),
        suggested("insertion", AMENDED, AMENDMENT.replacement),
        { type: "text", text: "." },
      ],
    },
    heading(2, "How we will know"),
    paragraph("Each year we ask people who cared for someone at the end of life whether they felt supported, and we publish what they say."),
  ],
};

/** Priya's first draft: everything but its last section, which Tom wrote. */
const FIRST_DRAFT = { ...VISION, content: VISION.content.slice(0, -2) };

/**
 * The steering group's vision document, written as two Yjs updates exactly as editors would have
 * sent them (Priya's draft, then Tom's last section, so "who wrote this" names both), with two
 * open suggestions: Grace's small addition, and Tom's rewrite put to the group's vote as Amendment 1.
 */
export async function seedDemoDocuments(tx: Tx, groupId: string, people: People): Promise<void> {
  const schema = getSchema(documentExtensions);
  const priyas = prosemirrorJSONToYDoc(schema, FIRST_DRAFT, DOCUMENT_FRAGMENT);
  const toms = new Y.Doc();
  Y.applyUpdate(toms, Y.encodeStateAsUpdate(priyas));
  updateYFragment(toms, toms.getXmlFragment(DOCUMENT_FRAGMENT), schema.nodeFromJSON(VISION), { mapping: new Map(), isOMark: new Map() });
  const writes = [
    { userId: people.priya, clientId: BigInt(priyas.clientID), update: Y.encodeStateAsUpdate(priyas) },
    { userId: people.tom, clientId: BigInt(toms.clientID), update: Y.encodeStateAsUpdate(toms, Y.encodeStateVector(priyas)) },
  ];
  priyas.destroy();
  toms.destroy();
  const document = await tx.document.create({
    data: { groupId, title: "Vision for a compassionate Bath", createdById: people.priya },
    select: { id: true },
  });
  for (const { userId, clientId, update } of writes) {
    await tx.documentUpdate.create({ data: { documentId: document.id, data: new Uint8Array(update), userId } });
    await tx.documentClient.create({ data: { documentId: document.id, clientId, userId } });
  }
  await tx.suggestion.create({ data: { id: ADDED, documentId: document.id, authorId: people.grace } });
  const poll = await tx.poll.create({
    data: {
      groupId,
      authorId: people.tom,
      kind: "proposal",
      template: "consensus",
      title: AMENDMENT.title,
      details:
        `This proposal amends the document **Vision for a compassionate Bath** ([see the passage](/documents/${document.id}#amendment-1)). ` +
        "If it passes under this poll's rules, the change is made in the text as soon as the poll closes and saved as the version " +
        "“Amendment 1 adopted”; if it does not pass, the suggested change is closed with the result.\n\n" +
        `**The passage now reads:**\n\n> ${AMENDMENT.passage}\n\n**Proposed text:**\n\n> ${AMENDMENT.replacement}`,
      closingAt: new Date(Date.now() + 5 * 24 * 60 * 60 * 1000),
      options: { create: ["Agree", "Abstain", "Disagree", "Block"].map((name, position) => ({ name, position })) },
    },
    select: { id: true },
  });
  const amendment = await tx.amendment.create({
    data: { documentId: document.id, number: 1, proposedById: people.tom, passage: AMENDMENT.passage, replacement: AMENDMENT.replacement, pollId: poll.id },
    select: { id: true },
  });
  await tx.suggestion.create({ data: { id: AMENDED, documentId: document.id, authorId: people.tom, amendmentId: amendment.id } });
  await tx.document.create({ data: { groupId, title: "Notes for the charter launch", createdById: people.alex }, select: { id: true } });
}
