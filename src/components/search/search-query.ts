/** What search finds, in the order the chips offer them; the values of `type:` and of `types`. */
export const SEARCH_TYPES = ["thread", "comment", "poll", "outcome", "resource", "meeting", "document", "member"] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** A result's label ("Comment") and its chip's ("Comments"). Polls are "decisions" everywhere else in Hearth. */
export const TYPE_LABELS: Record<SearchType, { one: string; chip: string }> = {
  thread: { one: "Thread", chip: "Threads" },
  comment: { one: "Comment", chip: "Comments" },
  poll: { one: "Decision", chip: "Decisions" },
  outcome: { one: "Outcome", chip: "Outcomes" },
  resource: { one: "Resource", chip: "Resources" },
  meeting: { one: "Meeting", chip: "Meetings" },
  document: { one: "Document", chip: "Documents" },
  member: { one: "Member", chip: "Members" },
};

/** A search as the address bar of /search holds it: `?q=…&groupId=…&types=thread,comment`. */
export type SearchState = { q: string; groupId: string | null; types: SearchType[] };

type Params = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Reads the search from the address; unknown types are dropped, and the types come in the chips' order. */
export function readSearchState(params: Params): SearchState {
  const wanted = new Set((first(params.types) ?? "").split(",").map((type) => type.trim().toLowerCase()));
  return {
    q: first(params.q) ?? "",
    groupId: first(params.groupId) || null,
    types: SEARCH_TYPES.filter((type) => wanted.has(type)),
  };
}

/** The address of a search; empty parts are left out, so a bare `/search` is the empty search. */
export function searchHref({ q, groupId = null, types = [] }: { q: string; groupId?: string | null; types?: readonly SearchType[] }): string {
  const params = new URLSearchParams();
  if (q.trim() !== "") params.set("q", q.trim());
  if (groupId) params.set("groupId", groupId);
  if (types.length > 0) params.set("types", SEARCH_TYPES.filter((type) => types.includes(type)).join(","));
  const query = params.toString();
  return query ? `/search?${query}` : "/search";
}

export type SearchStatus = "open" | "closed";

/** The words of a query, a quoted phrase (closed or not) counting as one. */
const tokensOf = (q: string) => q.match(/"[^"]*"?|\S+/g) ?? [];
const STATUS_TOKEN = /^status:/i;

/** The `status:` the query asks for (the last one wins, as on the server), or null. */
export function statusOf(q: string): SearchStatus | null {
  const value = tokensOf(q)
    .filter((token) => STATUS_TOKEN.test(token))
    .at(-1)
    ?.slice("status:".length)
    .toLowerCase();
  return value === "open" || value === "closed" ? value : null;
}

/** The query with its `status:` operators replaced by `status:<status>` at the end, or removed (null). */
export function withStatus(q: string, status: SearchStatus | null): string {
  const rest = tokensOf(q).filter((token) => !STATUS_TOKEN.test(token));
  return [...rest, ...(status ? [`status:${status}`] : [])].join(" ");
}

export type SearchOrder = "newest" | "best";

const ORDER_TOKEN = /^order:/i;
const KNOWN_ORDER = /^order:"?(newest|best)"?$/i;

/** The order the query asks for (the last `order:` Hearth knows wins, as on the server): best or newest first. */
export function orderOf(q: string): SearchOrder {
  const value = tokensOf(q)
    .filter((token) => KNOWN_ORDER.test(token))
    .at(-1)
    ?.replace(KNOWN_ORDER, "$1")
    .toLowerCase();
  return value === "best" ? "best" : "newest";
}

/** The query with its `order:` operators replaced by `order:best` at the end, or removed for newest first (the default). */
export function withOrder(q: string, order: SearchOrder): string {
  const rest = tokensOf(q).filter((token) => !ORDER_TOKEN.test(token));
  return [...rest, ...(order === "best" ? ["order:best"] : [])].join(" ");
}

const TYPE_TOKEN = /^type:/i;

/** The kinds the query's `type:` operators ask for (ones Hearth does not know are left to the server to report). */
export function typesOf(q: string): SearchType[] {
  const typed = new Set(tokensOf(q).flatMap((token) => (TYPE_TOKEN.test(token) ? [token.slice("type:".length).toLowerCase()] : [])));
  return SEARCH_TYPES.filter((type) => typed.has(type));
}

/** The kinds a search looks in, as the server narrows them: those typed and those chosen, both when both are given. */
export function effectiveTypes({ q, types }: Pick<SearchState, "q" | "types">): SearchType[] {
  const typed = typesOf(q);
  if (typed.length === 0) return types;
  return types.length === 0 ? typed : typed.filter((type) => types.includes(type));
}

/**
 * The search after its chip for `type` is pressed or released. Kinds typed as `type:` move into the
 * chips first, so that the box and the chips never disagree about what is shown.
 */
export function withTypeToggled(state: Pick<SearchState, "q" | "types">, type: SearchType): Pick<SearchState, "q" | "types"> {
  const current = effectiveTypes(state);
  const types = current.includes(type) ? current.filter((other) => other !== type) : [...current, type];
  const q = tokensOf(state.q)
    .filter((token) => !TYPE_TOKEN.test(token) || !SEARCH_TYPES.some((known) => `type:${known}` === token.toLowerCase()))
    .join(" ");
  return { q, types: SEARCH_TYPES.filter((known) => types.includes(known)) };
}
