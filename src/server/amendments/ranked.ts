import { countRanked } from "@/lib/tallies/ranked";
import { alternativeUpdate } from "@/server/amendments/passage";
import type { Db } from "@/server/db";
import { applyServerUpdate } from "@/server/documents/live";
import { loadDocumentState } from "@/server/documents/persistence";
import type { Publish } from "@/server/events";

/** The option that keeps the passage as it reads, beside one option per amendment. */
export const KEEP_THE_TEXT = "Keep the text as it is";

const clip = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** "Amendment 4: all of us look after…": the number first, so the vote's result finds the amendment again. */
export function rankedOptionName(amendment: { number: number; passage: string; replacement: string }): string {
  const change = amendment.replacement ? clip(amendment.replacement.replace(/\s+/g, " ").trim(), 80) : `remove “${clip(amendment.passage, 60)}”`;
  return `Amendment ${amendment.number}: ${change}`;
}

const numberOf = (optionName: string) => /^Amendment (\d+):/.exec(optionName)?.[1];

type Competing = { id: string; number: number };

/**
 * What a closed ranked vote between amendments decided, counted as the poll page counts it
 * (Schulze): the winning amendment, or none when "Keep the text as it is" won, the vote tied or
 * nobody voted; and the result each amendment is closed with.
 */
export async function rankedOutcome(db: Db, pollId: string, amendments: Competing[]): Promise<{ winnerId: string | null; resultOf: (amendment: Competing) => string }> {
  const [options, ballots] = await Promise.all([
    db.pollOption.findMany({ where: { pollId }, select: { id: true, name: true }, orderBy: { position: "asc" } }),
    db.ballot.findMany({ where: { pollId, supersededAt: null }, select: { choices: { select: { optionId: true, rank: true } } } }),
  ]);
  const rankings = ballots.map(({ choices }) => [...choices].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0)).map(({ optionId }) => optionId));
  const { leaders, winnerOptionId } = countRanked(
    options.map(({ id }) => id),
    rankings,
  ).outcomes.schulze;
  const nameOf = new Map(options.map(({ id, name }) => [id, name]));
  if (ballots.length === 0 || !winnerOptionId) return { winnerId: null, resultOf: () => "No winner: nobody ranked the options." };
  if (leaders.length > 1) {
    const tied = leaders.map((id) => `“${nameOf.get(id) ?? ""}”`).join(" and ");
    return { winnerId: null, resultOf: () => `No winner: the ranked vote tied between ${tied}.` };
  }
  const number = numberOf(nameOf.get(winnerOptionId) ?? "");
  const winner = amendments.find((amendment) => String(amendment.number) === number);
  const voted = `${ballots.length} ${ballots.length === 1 ? "person" : "people"} ranked the options`;
  if (!winner) return { winnerId: null, resultOf: () => `“${KEEP_THE_TEXT}” won the ranked vote; ${voted}.` };
  return {
    winnerId: winner.id,
    resultOf: (amendment) => (amendment.id === winner.id ? `Won the ranked vote (Schulze method); ${voted}.` : `Amendment ${winner.number} won the ranked vote.`),
  };
}

/**
 * Writes an alternative that won its ranked vote into the text: the original's suggestion
 * rejected and the alternative's text written over its passage, as one server edit that reaches
 * open editors. When the text there no longer reads the passage, nothing is written and the
 * alternative is closed as not adopted, saying why. Returns whether the text holds it; a rerun
 * after it was written (the original's suggestions decided, their marks gone) answers true again.
 */
export async function writeAlternative(
  db: Db,
  publish: Publish,
  alternative: { id: string; documentId: string; passage: string; replacement: string; competesWith: Competing },
): Promise<boolean> {
  const originals = await db.suggestion.findMany({ where: { amendmentId: alternative.competesWith.id }, select: { id: true, status: true } });
  const write = alternativeUpdate(
    await loadDocumentState(db, alternative.documentId),
    originals.map(({ id }) => id),
    alternative.passage,
    alternative.replacement,
  );
  if (write.kind === "update") {
    await applyServerUpdate(db, publish, alternative.documentId, write.update, null);
    await db.suggestion.updateMany({
      where: { amendmentId: alternative.competesWith.id, status: "open" },
      data: { status: "rejected", decidedAt: new Date(), decidedById: null },
    });
    return true;
  }
  if (write.kind === "absent" && originals.length > 0 && originals.every(({ status }) => status !== "open")) return true;
  const why =
    write.kind === "changed"
      ? `the passage now reads “${clip(write.reads, 80)}” instead of “${clip(alternative.passage, 80)}”`
      : `the passage of Amendment ${alternative.competesWith.number} is no longer in the text`;
  await db.amendment.updateMany({
    where: { id: alternative.id, status: "adopted", versionId: null },
    data: { status: "rejected", result: `Won the ranked vote, but not applied: ${why}. The text was left as it is; propose it again as a new amendment.` },
  });
  return false;
}
