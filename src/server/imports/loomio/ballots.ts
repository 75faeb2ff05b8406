import { flag, idOf, int, type LoomioRecord } from "@/server/imports/loomio/fields";

/** Loomio option id → Hearth option id, and the options this run creates. */
export type OptionMap = {
  ids: Map<string, string>;
  newRows: { id: string; pollId: string; name: string; position: number; startsAt: Date | null }[];
};

export type Choice = { optionId: string; score: number | null; rank: number | null };

/**
 * A Loomio stance's choices as Hearth stores a ballot of the poll's kind (see polls/ballot-rules.ts):
 * - proposal, poll, count, check: the chosen options (Loomio scores them 1), no score;
 * - score and meeting: the score as given (meeting: 0 no, 1 if need be, 2 yes, as Hearth);
 * - dot_vote: the dots on each option that has any;
 * - ranked_choice: Loomio scores the first choice highest (options − rank index); Hearth stores
 *   rank 1, 2, 3… in that order;
 * - question: no options, the reason is the answer.
 * Choices come from stance_choices, or from the stance's option_scores when there are none.
 */
export function ballotChoices(kind: string, stance: LoomioRecord, stanceChoices: LoomioRecord[], options: OptionMap, noneOfTheAbove: string | null): Choice[] {
  if (kind === "question") return [];
  let given = stanceChoices.map((choice) => ({ option: idOf(choice.poll_option_id), score: int(choice.score) }));
  if (given.length === 0 && stance.option_scores && typeof stance.option_scores === "object") {
    given = Object.entries(stance.option_scores as Record<string, unknown>).map(([option, score]) => ({ option, score: int(score) }));
  }
  const seen = new Set<string>();
  const known = given.flatMap(({ option, score }) => {
    const optionId = option === null ? undefined : options.ids.get(option);
    if (!optionId || seen.has(optionId)) return [];
    seen.add(optionId);
    return [{ optionId, score }];
  });
  let choices: Choice[];
  switch (kind) {
    case "score":
    case "meeting":
      choices = known.map(({ optionId, score }) => ({ optionId, score: score ?? 0, rank: null }));
      break;
    case "dot_vote":
      choices = known.filter(({ score }) => (score ?? 0) > 0).map(({ optionId, score }) => ({ optionId, score, rank: null }));
      break;
    case "ranked_choice":
      choices = known
        .filter(({ score }) => (score ?? 0) > 0)
        .sort((a, b) => b.score! - a.score!)
        .map(({ optionId }, index) => ({ optionId, score: null, rank: index + 1 }));
      break;
    default:
      choices = known.filter(({ score }) => score === null || score > 0).map(({ optionId }) => ({ optionId, score: null, rank: null }));
  }
  if (noneOfTheAbove && flag(stance.none_of_the_above)) choices.push({ optionId: noneOfTheAbove, score: null, rank: null });
  return choices;
}
