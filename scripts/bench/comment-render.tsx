/**
 * `NODE_ENV=production npx tsx scripts/bench/comment-render.tsx [--runs 200] [--reactions]`: the thread page's comment
 * list rendered to HTML in process, as the server renders it for each page view (#17): the 50
 * comments of bench:http's long thread (40 top-level, 10 replies, the same texts), cooked as the
 * API cooks them, inside the page's query and tRPC providers. `--reactions` gives every third
 * comment a reaction from two people. Prints the median, the 10th and the 90th percentile of
 * `--runs` renders after 20 to warm up. No database and no server: only React and the components.
 */
import { parseArgs } from "node:util";
import { QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { renderToString } from "react-dom/server";
import superjson from "superjson";
import { CommentList } from "@/app/threads/[id]/_components/comment-list";
import type { CommentPage } from "@/components/threads/comment-cache";
import { TRPCProvider, type RouterOutputs } from "@/lib/trpc/client";
import { makeQueryClient } from "@/lib/trpc/query-client";
import type { AppRouter } from "@/server/api/root";
import { cookMarkdown } from "@/server/markdown/cook";
import { commentBody } from "./thread-text.ts";

// React's development build, which NODE_ENV selects when React is first loaded, is several times slower.
if (process.env.NODE_ENV !== "production") throw new Error("Run with NODE_ENV=production, as the server renders.");
const { values: options } = parseArgs({ options: { runs: { type: "string", default: "200" }, reactions: { type: "boolean", default: false } } });
const RUNS = Number(options.runs);
if (!(Number.isInteger(RUNS) && RUNS > 0)) throw new Error("--runs takes a whole number, e.g. --runs 200");

const COMMENTS = 50;
const REPLY_EVERY = 5;
const viewer = { id: "viewer", name: "Vera Viewer", avatarUrl: null };
const people = ["Ada Novak", "Ben Haddad", "Chidi Okafor", "Dana Rossi"].map((name, index) => ({ id: `person-${index}`, name, avatarUrl: null }));

type Comment = CommentPage["items"][number];
function comment(index: number, parentId: string | null): Comment {
  const body = `Comment ${index}. ${commentBody(index)}`;
  const reactions =
    options.reactions && index % 3 === 0 ? [{ emoji: "👍", count: 2, people: [people[0]!, people[1]!].map(({ id, name }) => ({ id, name })) }] : [];
  return {
    id: `comment-${index}`,
    threadId: "thread",
    seq: index,
    parentId,
    author: people[index % people.length]!,
    body,
    bodyHtml: cookMarkdown(body),
    deleted: false,
    createdAt: new Date(Date.UTC(2026, 11, 1, 9, index)),
    editedAt: null,
    reactions,
    replies: [],
  };
}

const items: Comment[] = [];
for (let index = 1; index <= COMMENTS; index++) {
  const parent = items.at(-1);
  if (index % REPLY_EVERY === 0 && parent) parent.replies.push({ ...comment(index, parent.id), replies: undefined } as unknown as Comment["replies"][number]);
  else items.push(comment(index, null));
}
const page: CommentPage = { items, beforeCursor: null, afterCursor: null };
// Only the fields the comment list reads; the rest of the thread is the header's.
const thread = {
  id: "thread",
  commentCount: COMMENTS,
  viewer: { id: viewer.id, canComment: true, canModerate: false },
} as unknown as RouterOutputs["thread"]["byId"];

const trpcClient = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: "http://localhost/api/trpc", transformer: superjson })] });

/** One render as the server makes it: a fresh query client per request. */
function render(): string {
  const queryClient = makeQueryClient();
  return renderToString(
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <CommentList thread={thread} initialComments={page} firstUnreadId={null} sentId={null} onSent={() => undefined} />
      </TRPCProvider>
    </QueryClientProvider>,
  );
}

const html = render();
for (let index = 0; index < 20; index++) render();
const times: number[] = [];
for (let index = 0; index < RUNS; index++) {
  const started = performance.now();
  render();
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const at = (share: number) => times[Math.min(times.length - 1, Math.floor(share * times.length))]!.toFixed(2);
console.log(
  JSON.stringify({ comments: COMMENTS, reactions: options.reactions, runs: RUNS, bytes: html.length, p10ms: Number(at(0.1)), medianMs: Number(at(0.5)), p90ms: Number(at(0.9)) }),
);
