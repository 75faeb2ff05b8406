import { isRankedKind, type PollKind } from "@/server/polls/ballot-rules";

type Choice = { optionId: string; score: number | null; rank: number | null };

const AVAILABILITY = ["no", "if need be", "yes"];

/**
 * A ballot in words, one entry per choice: "Agree"; "Sea: 4"; "Hills: 3 dots"; "1. Sea";
 * "Tue, 15 Jan 2030, 10:00: yes". `label` names an option (meeting times in the viewer's zone).
 */
export function choiceTexts(kind: PollKind, choices: readonly Choice[], label: (optionId: string) => string): string[] {
  const ordered = isRankedKind(kind) ? [...choices].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0)) : choices;
  return ordered.map(({ optionId, score, rank }) => {
    const name = label(optionId);
    switch (kind) {
      case "score":
        return `${name}: ${score}`;
      case "dot_vote":
        return `${name}: ${score} ${score === 1 ? "dot" : "dots"}`;
      case "ranked_choice":
      case "stv":
        return `${rank}. ${name}`;
      case "meeting":
        return `${name}: ${AVAILABILITY[score ?? 0] ?? "no"}`;
      default:
        return name;
    }
  });
}
