/**
 * Single transferable vote: elects `seats` options from ranked ballots (best first, some or all
 * options), in rounds that can be shown as a table. Two rule sets:
 *
 * - Scottish STV, as the Scottish Local Government Elections Order 2007 (SSI 2007/42, schedule 1,
 *   rules 45–52) counts: Droop quota floor(valid / (seats + 1)) + 1; an option reaching it is
 *   elected; the largest surplus is passed on first, every ballot the elected option holds going
 *   to its next continuing choice at (surplus × the ballot's value) / the option's votes,
 *   truncated to 5 decimal places; with no surplus left the option with the fewest votes is
 *   excluded and its ballots move on at their value; once the options left equal the seats left,
 *   they are elected and nothing more moves.
 * - Meek STV (Hill, Wichmann and Woodall's "Algorithm 123", as Droop and OpenSTV implement it):
 *   each elected option keeps only the share of every vote reaching it (its keep value) that
 *   brings it down to the quota and passes on the rest, all ballots are counted again, and the
 *   quota, total votes / (seats + 1), is worked out afresh with each count, until the surpluses
 *   are within 0.000001 of a vote; then the option with the fewest votes is excluded. Fixed-point
 *   arithmetic to 9 decimal places, keep values rounded up as in the New Zealand rules.
 *
 * Ties (equal votes for a surplus or an exclusion, or for the order of those elected together)
 * go by the most recent earlier round at which the tied options had different votes, then by lot;
 * in Meek STV options within the surplus still to pass on of the lowest count as level with it.
 * The lot is an order of the options drawn from `seed` (Hearth gives the poll's id, fixed before
 * anyone votes), so the same ballots always give the same result. Everything here is plain
 * integer arithmetic on BigInt, deterministic and bounded: each round after the first elects or
 * excludes an option or passes on one surplus, so there is at most one round more than there are
 * options, and a Meek round counts the ballots at most MEEK_ITERATIONS times.
 */
import type { Ballot } from "@/lib/tallies/ranked";

export const STV_METHODS = ["scottish_stv", "meek_stv"] as const;

/** "1 seat", "3 seats": in the server's messages and on the page alike. */
export const seatsText = (seats: number) => `${seats} ${seats === 1 ? "seat" : "seats"}`;
export type StvMethod = (typeof STV_METHODS)[number];

/** Decimal places of every number a count reports. */
export const STV_PRECISION: Record<StvMethod, number> = { scottish_stv: 5, meek_stv: 9 };

const MEEK_ITERATIONS = 1000;

export type StvState = "hopeful" | "elected" | "excluded";

export type StvTally = {
  optionId: string;
  /** Votes held at the end of the round, an exact decimal with the method's places. */
  votes: string;
  /** Votes gained (or, negative, lost) in this round; the first preferences in the first. */
  change: string;
  /** After this round's elections and exclusion. */
  state: StvState;
  /** Meek only: the share of each vote an elected option keeps; null otherwise. */
  keepValue: string | null;
};

/**
 * How the round's votes came about: the first preferences; one option's surplus passed on
 * (Scottish; `transferValue` is what each whole vote carries on); an excluded option's ballots
 * moved on (Scottish); or every ballot counted again with the keep values (Meek).
 */
export type StvTransfer =
  | { kind: "first_count" }
  | { kind: "surplus"; optionId: string; transferValue: string }
  | { kind: "exclusion"; optionId: string }
  | { kind: "recount" };

/** A tie that had to be broken: for which surplus goes first, who is excluded, or who is listed first among those elected together. */
export type StvTieBreak = {
  purpose: "surplus" | "exclusion" | "order";
  optionIds: string[];
  chosen: string;
  decidedBy: "earlier_round" | "lot";
};

export type StvRound = {
  transfer: StvTransfer;
  quota: string;
  /** Every option, in the order given. */
  tallies: StvTally[];
  /** Elected at the end of this round, in order. */
  elected: string[];
  /** Excluded at the end of this round: its votes move on in the next. */
  excluded: string[];
  /** Votes no option holds: ballots with no further choice, and fractions lost to rounding. */
  exhausted: string;
  tieBreaks: StvTieBreak[];
};

export type StvResult = {
  method: StvMethod;
  seats: number;
  /** Ballots ranking at least one of the options. */
  validBallots: number;
  precision: number;
  /** In order of election. */
  elected: string[];
  /** Empty when there is no valid ballot to count. */
  rounds: StvRound[];
  /** The order drawn by lot: a tie nothing else breaks favours the option earlier in it. */
  lot: string[];
};

/** Identical rankings travel together, so they are counted once, `count` times over. */
type Parcel = { ranking: number[]; count: bigint; value: bigint; at: number };

/** cyrb53: a small, well-mixed string hash, the same in every JavaScript engine. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The lot: the options shuffled by a hash of the seed and each option's id. */
export function drawLot(optionIds: readonly string[], seed: string): string[] {
  const key = new Map(optionIds.map((id) => [id, hash53(`${seed}\u0000${id}`)]));
  return [...optionIds].sort((a, b) => key.get(a)! - key.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
}

function decimal(value: bigint, places: number): string {
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const scale = 10n ** BigInt(places);
  return `${negative ? "-" : ""}${magnitude / scale}.${(magnitude % scale).toString().padStart(places, "0")}`;
}

const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;

/** The ballots as parcels of option indices, repeats and unknown options dropped; empty ballots are not valid. */
function parcelsOf(optionIds: readonly string[], ballots: readonly Ballot[], unit: bigint): { parcels: Parcel[]; valid: number } {
  const index = new Map(optionIds.map((id, at) => [id, at]));
  const byRanking = new Map<string, Parcel>();
  let valid = 0;
  for (const ballot of ballots) {
    const ranking = [...new Set(ballot.flatMap((id) => (index.has(id) ? [index.get(id)!] : [])))];
    if (ranking.length === 0) continue;
    valid += 1;
    const key = ranking.join(",");
    const parcel = byRanking.get(key);
    if (parcel) parcel.count += 1n;
    else byRanking.set(key, { ranking, count: 1n, value: unit, at: 0 });
  }
  return { parcels: [...byRanking.values()], valid };
}

/** What both rule sets share: who stands where, the votes of every round so far, and the tie-breaks. */
class Count {
  readonly state: StvState[];
  votes: bigint[];
  readonly history: bigint[][] = [];
  readonly elected: number[] = [];
  readonly rounds: StvRound[] = [];
  private readonly lotRank: number[];

  constructor(
    readonly optionIds: readonly string[],
    readonly seats: number,
    readonly places: number,
    lot: readonly string[],
  ) {
    this.state = optionIds.map(() => "hopeful");
    this.votes = optionIds.map(() => 0n);
    const rank = new Map(lot.map((id, at) => [id, at]));
    this.lotRank = optionIds.map((id) => rank.get(id)!);
  }

  hopeful(): number[] {
    return this.optionIds.flatMap((_, at) => (this.state[at] === "hopeful" ? [at] : []));
  }

  seatsLeft(): number {
    return this.seats - this.elected.length;
  }

  /** Every seat filled, or no more hopeful options than seats left (who are then all elected). */
  complete(): boolean {
    return this.seatsLeft() <= 0 || this.hopeful().length <= this.seatsLeft();
  }

  /**
   * One of `tied`: the one with the most (or fewest) votes at the most recent earlier round
   * where they differ, narrowing the field round by round, then the first (or last) in the lot.
   */
  breakTie(tied: number[], want: "most" | "fewest", purpose: StvTieBreak["purpose"], round: StvRound): number {
    let field = tied;
    for (let at = this.history.length - 1; at >= 0 && field.length > 1; at--) {
      const values = field.map((option) => this.history[at]![option]!);
      const extreme = values.reduce((best, value) => (want === "most" ? (value > best ? value : best) : value < best ? value : best));
      field = field.filter((_, place) => values[place] === extreme);
    }
    const decidedBy = field.length === 1 ? "earlier_round" : "lot";
    const byLot = [...field].sort((a, b) => this.lotRank[a]! - this.lotRank[b]!);
    const chosen = want === "most" ? byLot[0]! : byLot[byLot.length - 1]!;
    round.tieBreaks.push({ purpose, optionIds: tied.map((option) => this.optionIds[option]!), chosen: this.optionIds[chosen]!, decidedBy });
    return chosen;
  }

  /** Most votes first; equal votes in the order the tie-break gives. */
  byVotes(options: number[], round: StvRound): number[] {
    const ordered: number[] = [];
    let left = [...options];
    while (left.length > 0) {
      const top = left.reduce((best, option) => (this.votes[option]! > best ? this.votes[option]! : best), this.votes[left[0]!]!);
      const tied = left.filter((option) => this.votes[option] === top);
      const next = tied.length === 1 ? tied[0]! : this.breakTie(tied, "most", "order", round);
      ordered.push(next);
      left = left.filter((option) => option !== next);
    }
    return ordered;
  }

  elect(options: number[], round: StvRound): number[] {
    const ordered = this.byVotes(options, round);
    for (const option of ordered) {
      this.state[option] = "elected";
      this.elected.push(option);
      round.elected.push(this.optionIds[option]!);
    }
    return ordered;
  }

  exclude(option: number, round: StvRound): void {
    this.state[option] = "excluded";
    round.excluded.push(this.optionIds[option]!);
  }

  /** The hopeful options all elected once they are no more than the seats left. */
  electRemaining(round: StvRound): void {
    if (this.seatsLeft() > 0) this.elect(this.hopeful(), round);
  }

  finishRound(round: StvRound, quota: bigint, total: bigint, keep?: bigint[]): void {
    const previous = this.history[this.history.length - 1];
    const held = this.votes.reduce((sum, value) => sum + value, 0n);
    round.quota = decimal(quota, this.places);
    round.exhausted = decimal(total - held, this.places);
    round.tallies = this.optionIds.map((optionId, at) => ({
      optionId,
      votes: decimal(this.votes[at]!, this.places),
      change: decimal(this.votes[at]! - (previous?.[at] ?? 0n), this.places),
      state: this.state[at]!,
      keepValue: keep && this.state[at] === "elected" ? decimal(keep[at]!, this.places) : null,
    }));
    this.history.push([...this.votes]);
    this.rounds.push(round);
  }
}

/** A round being counted; `finishRound` fills in its numbers. */
function startRound(transfer: StvTransfer): StvRound {
  return { transfer, quota: "", tallies: [], elected: [], excluded: [], exhausted: "", tieBreaks: [] };
}

/** The next choice on the parcel still hopeful, or the end of its ranking (exhausted). */
function moveOn(parcel: Parcel, state: readonly StvState[]): void {
  do parcel.at += 1;
  while (parcel.at < parcel.ranking.length && state[parcel.ranking[parcel.at]!] !== "hopeful");
}

function countScottish(count: Count, parcels: Parcel[], valid: number): void {
  const unit = 10n ** BigInt(count.places);
  const total = BigInt(valid) * unit;
  // Rule 46: the quota, ignoring any decimal places, plus one.
  const quota = (BigInt(valid) / BigInt(count.seats + 1) + 1n) * unit;
  for (const parcel of parcels) count.votes[parcel.ranking[0]!]! += parcel.count * unit;
  const pending: number[] = [];
  let round = startRound({ kind: "first_count" });

  for (;;) {
    // Rule 47: reaching the quota elects; a surplus waits to be passed on (rule 48).
    const reached = count.hopeful().filter((option) => count.votes[option]! >= quota);
    for (const option of count.elect(reached, round)) if (count.votes[option]! > quota) pending.push(option);

    let next: StvTransfer | null = null;
    if (!count.complete()) {
      if (pending.length > 0) {
        // Rule 49: the largest surplus first.
        const top = pending.reduce((best, option) => (count.votes[option]! > best ? count.votes[option]! : best), 0n);
        const tied = pending.filter((option) => count.votes[option] === top);
        const option = tied.length === 1 ? tied[0]! : count.breakTie(tied, "most", "surplus", round);
        pending.splice(pending.indexOf(option), 1);
        const surplus = count.votes[option]! - quota;
        next = { kind: "surplus", optionId: count.optionIds[option]!, transferValue: decimal((surplus * unit) / count.votes[option]!, count.places) };
      } else {
        // Rules 50 and 51: exclude the option with the fewest votes.
        const hopeful = count.hopeful();
        const low = hopeful.reduce((best, option) => (count.votes[option]! < best ? count.votes[option]! : best), count.votes[hopeful[0]!]!);
        const tied = hopeful.filter((option) => count.votes[option] === low);
        const option = tied.length === 1 ? tied[0]! : count.breakTie(tied, "fewest", "exclusion", round);
        count.exclude(option, round);
        next = { kind: "exclusion", optionId: count.optionIds[option]! };
      }
    }
    // Rule 52: once the options left fill the seats left, they are elected and nothing more moves.
    if (count.complete()) {
      count.electRemaining(round);
      next = null;
    }
    count.finishRound(round, quota, total);
    if (!next) return;

    const from = count.optionIds.indexOf(next.optionId);
    const held = parcels.filter((parcel) => parcel.at < parcel.ranking.length && parcel.ranking[parcel.at] === from);
    if (next.kind === "surplus") {
      const votes = count.votes[from]!;
      const surplus = votes - quota;
      for (const parcel of held) {
        // Rule 48(3): surplus × the ballot's value / the option's votes, to five places, remainder ignored.
        parcel.value = (surplus * parcel.value) / votes;
        moveOn(parcel, count.state);
        if (parcel.at < parcel.ranking.length) count.votes[parcel.ranking[parcel.at]!]! += parcel.value * parcel.count;
      }
      count.votes[from] = quota;
    } else {
      for (const parcel of held) {
        moveOn(parcel, count.state);
        if (parcel.at < parcel.ranking.length) count.votes[parcel.ranking[parcel.at]!]! += parcel.value * parcel.count;
      }
      count.votes[from] = 0n;
    }
    round = startRound(next);
  }
}

function countMeek(count: Count, parcels: Parcel[], valid: number): void {
  const unit = 10n ** BigInt(count.places);
  const total = BigInt(valid) * unit;
  // Recounting stops once the surpluses add up to no more than a millionth of a vote.
  const omega = unit / 1_000_000n;
  const keep = count.optionIds.map(() => unit);

  /** Each ballot gives each option it reaches that option's keep value of what is left of it. */
  const distribute = () => {
    count.votes = count.optionIds.map(() => 0n);
    for (const parcel of parcels) {
      let weight = unit;
      for (const option of parcel.ranking) {
        const share = keep[option]!;
        if (share === 0n) continue;
        count.votes[option]! += ((weight * share) / unit) * parcel.count;
        weight = (weight * (unit - share)) / unit;
        if (weight === 0n) break;
      }
    }
    const counted = count.votes.reduce((sum, value) => sum + value, 0n);
    return counted / BigInt(count.seats + 1) + 1n;
  };

  do {
    const round = startRound(count.rounds.length === 0 ? { kind: "first_count" } : { kind: "recount" });
    let quota = 0n;
    let surplus = 0n;
    let lastSurplus: bigint | null = null;
    let electedNow = false;
    for (let iteration = 0; iteration < MEEK_ITERATIONS; iteration++) {
      quota = distribute();
      const reached = count.hopeful().filter((option) => count.votes[option]! >= quota);
      if (reached.length > 0) {
        count.elect(reached, round);
        electedNow = true;
        break;
      }
      const elected = count.optionIds.flatMap((_, option) => (count.state[option] === "elected" ? [option] : []));
      surplus = elected.reduce((sum, option) => sum + count.votes[option]! - quota, 0n);
      if (surplus <= omega || (lastSurplus !== null && surplus >= lastSurplus)) break;
      lastSurplus = surplus;
      for (const option of elected) {
        if (count.votes[option] === 0n) continue;
        const next = ceilDiv(ceilDiv(keep[option]! * quota, unit) * unit, count.votes[option]!);
        keep[option] = next > unit ? unit : next;
      }
    }
    if (!electedNow && !count.complete()) {
      // Options within the surplus of the lowest are as good as level with it.
      const hopeful = count.hopeful();
      const low = hopeful.reduce((best, option) => (count.votes[option]! < best ? count.votes[option]! : best), count.votes[hopeful[0]!]!);
      const margin = surplus > 0n ? surplus : 0n;
      const tied = hopeful.filter((option) => count.votes[option]! <= low + margin);
      const option = tied.length === 1 ? tied[0]! : count.breakTie(tied, "fewest", "exclusion", round);
      count.exclude(option, round);
      keep[option] = 0n;
    }
    if (count.complete()) count.electRemaining(round);
    count.finishRound(round, quota, total, keep);
  } while (!count.complete());
}

/**
 * Counts an STV election. `seats` should be at least 1 and below the number of options (the
 * server checks that); with no valid ballot there is nothing to count and nobody is elected.
 */
export function countStv(
  optionIds: readonly string[],
  ballots: readonly Ballot[],
  { seats, method, seed }: { seats: number; method: StvMethod; seed: string },
): StvResult {
  const places = STV_PRECISION[method];
  const lot = drawLot(optionIds, seed);
  const { parcels, valid } = parcelsOf(optionIds, ballots, 10n ** BigInt(places));
  const count = new Count(optionIds, seats, places, lot);
  if (valid > 0 && seats > 0) {
    if (method === "scottish_stv") countScottish(count, parcels, valid);
    else countMeek(count, parcels, valid);
  }
  return {
    method,
    seats,
    validBallots: valid,
    precision: places,
    elected: count.elected.map((option) => optionIds[option]!),
    rounds: count.rounds,
    lot,
  };
}
