import { createRequestMemo } from "@/server/api/request-memo";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { getPoll } from "@/server/polls/detail";
import { getResults } from "@/server/polls/results";

/** Quotes a CSV cell and defuses spreadsheet formulas (cells starting with = + - @). */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const AVAILABILITY = ["no", "if need be", "yes"];

/**
 * One row per current ballot, one column per option. It goes through the same results
 * function as the page, so hidden results and anonymity hold here too.
 */
export async function exportPollCsv(db: Db, userId: string, pollId: string): Promise<{ filename: string; csv: string }> {
  const memo = createRequestMemo();
  const poll = await getPoll(db, userId, pollId, memo);
  if (!poll.closedAt) throw new AppError("BAD_REQUEST", "Results can be exported once the poll has closed.");
  const results = await getResults(db, userId, pollId, memo);
  const cellFor = (choice: { score: number | null; rank: number | null } | undefined) => {
    if (!choice) return "";
    if (poll.kind === "meeting") return AVAILABILITY[choice.score ?? 0] ?? "";
    return choice.rank ?? choice.score ?? 1;
  };
  const header = [poll.settings.anonymous ? "ballot" : "voter", ...poll.options.map((option) => option.name), "reason"];
  const rows = results.ballots.map((ballot, index) => [
    ballot.voter?.name ?? `anonymous ${index + 1}`,
    ...poll.options.map((option) => cellFor(ballot.choices.find((choice) => choice.optionId === option.id))),
    ballot.reason,
  ]);
  const csv = [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
  const slug = poll.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "poll";
  return { filename: `${slug}-results.csv`, csv };
}
