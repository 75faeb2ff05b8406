import { Readable } from "node:stream";
import { crc32, deflateSync } from "node:zlib";
import type { Db } from "@/server/db";
import { getFileStorage, storeContent } from "@/server/files/storage";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
type People = { alex: string; priya: string };

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

/** A real one-page PDF with a heading and a few lines of Helvetica text, cross-reference table and all. */
export function samplePdf(heading: string, lines: string[]): Buffer {
  const escape = (text: string) => text.replace(/[\\()]/g, (char) => `\\${char}`);
  const text = [
    "BT /F1 20 Tf 56 780 Td",
    `(${escape(heading)}) Tj`,
    "/F1 12 Tf 0 -32 Td 16 TL",
    ...lines.map((line) => `(${escape(line)}) '`),
    "ET",
  ].join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${Buffer.byteLength(text, "latin1")} >>\nstream\n${text}\nendstream`,
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/** A real PNG: soft ember and cream stripes with a darker band, width × height pixels. */
export function samplePng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, "ascii"), data])));
    return Buffer.concat([length, Buffer.from(type, "ascii"), data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      const band = y > height * 0.6 && y < height * 0.8;
      const stripe = Math.floor((x + y) / 12) % 2 === 0;
      const [r, g, b] = band ? [154, 52, 18] : stripe ? [251, 237, 220] : [234, 160, 110];
      rows.set([r, g, b], row + 1 + x * 3);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

async function storeDemoFile(tx: Tx, uploadedById: string, name: string, contentType: string, bytes: Buffer) {
  const { sha256, size } = await storeContent(getFileStorage(), Readable.from([bytes]));
  return tx.storedFile.create({ data: { sha256, size, contentType, originalName: name, uploadedById }, select: { id: true } });
}

/**
 * The demo library: folders, PDFs and an image made on the spot (two versions of the terms of
 * reference), links, and a member's draft waiting for an admin.
 */
export async function seedDemoResources(tx: Tx, groupId: string, people: People): Promise<void> {
  const papers = await tx.folder.create({ data: { groupId, name: "Meeting papers", createdById: people.alex }, select: { id: true } });
  const reference = await tx.folder.create({ data: { groupId, name: "Reference", createdById: people.alex }, select: { id: true } });

  const termsV1 = await storeDemoFile(tx, people.alex, "Terms of reference.pdf", "application/pdf", samplePdf("Terms of reference", [
    "Compassionate Community Steering Group",
    "Purpose: nobody faces dying, caring or loss alone.",
    "Members: staff, charities, the council, health, housing and faith groups.",
  ]));
  const termsV2 = await storeDemoFile(tx, people.alex, "Terms of reference v2.pdf", "application/pdf", samplePdf("Terms of reference (revised)", [
    "Compassionate Community Steering Group",
    "Purpose: nobody faces dying, caring or loss alone.",
    "Quorum: five members, including one admin.",
    "Meets every six weeks; papers a week before.",
  ]));
  await tx.resource.create({
    data: {
      groupId,
      folderId: reference.id,
      kind: "file",
      title: "Terms of reference",
      description: "How the steering group works: purpose, membership, quorum and meetings.",
      authorId: people.alex,
      publishedAt: daysAgo(20),
      publishedById: people.alex,
      createdAt: daysAgo(20),
      latestVersion: 2,
      tags: { create: [{ name: "governance" }] },
      versions: {
        create: [
          { number: 1, fileId: termsV1.id, uploadedById: people.alex, createdAt: daysAgo(20) },
          { number: 2, fileId: termsV2.id, uploadedById: people.alex, note: "Quorum and meeting rhythm added", createdAt: daysAgo(3) },
        ],
      },
    },
    select: { id: true },
  });

  const agenda = await storeDemoFile(tx, people.alex, "Agenda November.pdf", "application/pdf", samplePdf("Agenda: November meeting", [
    "1. Welcome and apologies",
    "2. Bereavement cafe: first three months",
    "3. Vision document: next steps",
    "4. Any other business",
  ]));
  const poster = await storeDemoFile(tx, people.alex, "Bereavement cafe poster.png", "image/png", samplePng(480, 320));
  for (const spec of [
    { title: "Agenda: November meeting", file: agenda.id, tags: ["agenda"], days: 6 },
    { title: "Bereavement café poster", file: poster.id, tags: ["events"], days: 9 },
  ]) {
    await tx.resource.create({
      data: {
        groupId,
        folderId: papers.id,
        kind: "file",
        title: spec.title,
        authorId: people.alex,
        publishedAt: daysAgo(spec.days),
        publishedById: people.alex,
        createdAt: daysAgo(spec.days),
        latestVersion: 1,
        tags: { create: spec.tags.map((name) => ({ name })) },
        versions: { create: { number: 1, fileId: spec.file, uploadedById: people.alex, createdAt: daysAgo(spec.days) } },
      },
      select: { id: true },
    });
  }

  const links = [
    { title: "NHS: end of life care", url: "https://www.nhs.uk/conditions/end-of-life-care/", by: people.alex, published: true },
    { title: "Dying Matters awareness week", url: "https://www.dyingmatters.org/", by: people.alex, published: true },
    { title: "Carers' support groups in Bath", url: "https://www.bathnes.gov.uk/", by: people.priya, published: false },
  ];
  for (const [index, link] of links.entries()) {
    await tx.resource.create({
      data: {
        groupId,
        kind: "link",
        title: link.title,
        url: link.url,
        description: link.published ? "" : "Suggested by Priya: waiting for an admin to publish it.",
        authorId: link.by,
        publishedAt: link.published ? daysAgo(15 - index) : null,
        publishedById: link.published ? people.alex : null,
        createdAt: daysAgo(15 - index),
        tags: { create: [{ name: "reference" }] },
      },
      select: { id: true },
    });
  }
}
