import type { Db } from "@/server/db";
import { requireDocumentAccess } from "@/server/documents/access";
import type { AuthorshipDto, AuthorshipInput } from "@/server/documents/authorship/schemas";
import { identifiedBlocksOf, NO_CLIENT, type IdentifiedBlock } from "@/server/documents/authorship/text";
import { loadDocumentState } from "@/server/documents/persistence";
import { AppError } from "@/server/errors";

type Run = { text: string; authorId: string | null };

/**
 * A block's text in runs of one author each. Characters nobody wrote (line breaks, a table's cell
 * separators) and spaces join the run before them, so a space never starts a run of its own colour.
 */
export function runsOf(block: IdentifiedBlock, owners: ReadonlyMap<number, string>): Run[] {
  const runs: Run[] = [];
  for (let index = 0; index < block.text.length; index++) {
    const char = block.text[index]!;
    const client = block.clients[index]!;
    const last = runs.at(-1);
    const authorId = client === NO_CLIENT ? undefined : (owners.get(client) ?? null);
    if (last && (authorId === undefined || last.authorId === authorId || /\s/.test(char))) last.text += char;
    else runs.push({ text: char, authorId: authorId ?? null });
  }
  return runs;
}

/** Who wrote what in the document (or in one of its versions): only for those who may see the document. */
export async function documentAuthorship(db: Db, userId: string, input: AuthorshipInput): Promise<AuthorshipDto> {
  const access = await requireDocumentAccess(db, userId, input.id, "view");
  let state: Uint8Array;
  if (input.versionId) {
    const version = await db.documentVersion.findFirst({ where: { id: input.versionId, documentId: access.documentId }, select: { state: true } });
    if (!version) throw new AppError("NOT_FOUND", "That version does not exist in this document.");
    state = version.state;
  } else {
    state = await loadDocumentState(db, access.documentId);
  }
  const clients = await db.documentClient.findMany({ where: { documentId: access.documentId }, select: { clientId: true, userId: true } });
  const owners = new Map(clients.map(({ clientId, userId: owner }) => [Number(clientId), owner]));
  const blocks = identifiedBlocksOf(state).map(({ kind, level, quote, ...text }) => ({ kind, level, quote, runs: runsOf({ kind, level, quote, ...text }, owners) }));
  const authorIds = new Set<string>();
  let hasEarlierEdits = false;
  for (const { runs } of blocks) {
    for (const { text, authorId } of runs) {
      if (authorId) authorIds.add(authorId);
      else if (/\S/.test(text)) hasEarlierEdits = true;
    }
  }
  const authors = await db.user.findMany({ where: { id: { in: [...authorIds] } }, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
  return { versionId: input.versionId ?? null, blocks, authors, hasEarlierEdits };
}
