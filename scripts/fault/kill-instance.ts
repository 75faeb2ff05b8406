import { parseArgs } from "node:util";
import bcrypt from "bcryptjs";
import { io as connect, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/server/events";
import { buildIfStale } from "../build-if-stale.ts";
import { holdCheckoutLock } from "../run-lock.ts";
import { callProcedure, signInCookie, startCluster, type ProcedureAnswer } from "../bench/harness.ts";

/**
 * `npm run fault:kill-instance [-- --clients 50 --seconds 20 --kill-after 8]`: two Hearth
 * instances sharing PostgreSQL, Redis and a data directory; people comment (each comment with a
 * clientKey) and vote through both; one instance is killed with SIGKILL part-way. Its people do
 * what a browser behind the proxy does: their sockets reconnect to the other instance, and a
 * request that got no answer is sent again there. At the end the database must hold every
 * acknowledged comment and vote exactly once, no comment twice, and every socket must be live on
 * the surviving instance. Exits 1 with a report of what is wrong otherwise.
 */
const { values: options } = parseArgs({
  options: {
    clients: { type: "string", default: "50" },
    seconds: { type: "string", default: "20" },
    "kill-after": { type: "string", default: "8" },
  },
});
const CLIENTS = Number(options.clients);
const RUN_MS = Number(options.seconds) * 1000;
const KILL_AFTER_MS = Number(options["kill-after"]) * 1000;
const THREADS = 5;
const POLLS = 10;
const PASSWORD = "fault test password";
const ADMIN = { email: "fault-admin@example.org", password: PASSWORD };
/** A request unanswered for this long counts as lost, as a browser's would. */
const REQUEST_TIMEOUT_MS = 5_000;
const SIGN_IN_CONCURRENCY = 8;

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

async function seed(databaseUrl: string) {
  const { createDb } = await import("@/server/db");
  const db = createDb(databaseUrl);
  // The cheapest bcrypt cost: sign-in speed is not what this measures.
  const passwordHash = bcrypt.hashSync(PASSWORD, 4);
  const group = await db.group.create({ data: { name: "Fault test group", handle: "fault" }, select: { id: true } });
  const people = await db.user.createManyAndReturn({
    data: Array.from({ length: CLIENTS + 1 }, (_, index) => ({
      name: index === 0 ? "Organiser" : `Person ${index}`,
      email: index === 0 ? "organiser@example.org" : `person${index}@example.org`,
      passwordHash,
    })),
    select: { id: true, email: true },
  });
  await db.membership.createMany({ data: people.map(({ id }, index) => ({ userId: id, groupId: group.id, role: index === 0 ? ("admin" as const) : ("member" as const) })) });
  const threadIds: string[] = [];
  for (let index = 0; index < THREADS; index++) {
    const thread = await db.thread.create({ data: { groupId: group.id, authorId: people[0]!.id, title: `Thread ${index + 1}`, body: "Fault test" }, select: { id: true } });
    threadIds.push(thread.id);
  }
  await db.$disconnect();
  return { groupId: group.id, organiser: people[0]!, people: people.slice(1), threadIds };
}

async function createPolls(url: string, cookie: string, groupId: string, databaseUrl: string) {
  const closingAt = new Date(Date.now() + 24 * 3600_000);
  const ids: string[] = [];
  for (let index = 0; index < POLLS; index++) {
    const answer = await callProcedure<{ id: string }>(url, cookie, "poll.create", {
      groupId,
      kind: "poll",
      title: `Question ${index + 1}`,
      options: ["Yes", "No", "Later"],
      closingAt,
      allowChangeVote: false,
    });
    if (!answer.ok) throw new Error(`poll.create failed: ${answer.message}`);
    ids.push(answer.data.id);
  }
  const { createDb } = await import("@/server/db");
  const db = createDb(databaseUrl);
  const options = await db.pollOption.findMany({ where: { pollId: { in: ids } }, select: { id: true, pollId: true } });
  await db.$disconnect();
  return ids.map((pollId) => ({ pollId, optionIds: options.filter((option) => option.pollId === pollId).map(({ id }) => id) }));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type AckedComment = { clientKey: string; id: string; body: string; authorId: string; retried: boolean };
type AckedVote = { pollId: string; userId: string; receipt: string | null; retried: boolean };

/**
 * One person: a socket on their instance, moved to the other one when it drops, and requests
 * sent again to the other instance when they get no answer, with the same input (and so the same
 * clientKey), as the reverse proxy and the browser do together.
 */
class Participant {
  socket: ClientSocket | null = null;
  current: number;
  reconnections = 0;
  unanswered = 0;
  readonly refusals: string[] = [];
  readonly liveComments = new Set<string>();
  private stopping = false;

  constructor(
    readonly person: { id: string; email: string },
    readonly cookie: string,
    readonly threadId: string,
    readonly urls: string[],
    home: number,
  ) {
    this.current = home;
  }

  async connect(): Promise<void> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const url = this.urls[this.current]!;
      const socket: ClientSocket = connect(url, { transports: ["websocket"], reconnection: false, extraHeaders: { cookie: this.cookie } });
      const connected = await new Promise<boolean>((resolve) => {
        socket.once("connect", () => resolve(true));
        socket.once("connect_error", () => resolve(false));
      });
      const joined = connected && (await socket.timeout(5_000).emitWithAck("thread.join", this.threadId).then((answer) => answer.ok, () => false));
      if (joined) {
        this.socket = socket;
        socket.on("comment.created", ({ body }) => this.liveComments.add(body));
        socket.once("disconnect", (reason) => {
          if (this.stopping || reason === "io client disconnect") return;
          this.reconnections += 1;
          this.socket = null;
          this.current = 1 - this.current;
          void this.connect();
        });
        return;
      }
      socket.close();
      this.current = 1 - this.current;
      await sleep(200);
    }
    throw new Error(`${this.person.email} could not connect to either instance`);
  }

  /** The answer to `input`, from whichever instance gives one; the same input again after no answer. */
  async send<T>(procedure: string, input: unknown): Promise<{ answer: ProcedureAnswer<T>; retried: boolean }> {
    for (let attempt = 0; attempt < 6; attempt++) {
      try {
        return { answer: await callProcedure<T>(this.urls[this.current]!, this.cookie, procedure, input, REQUEST_TIMEOUT_MS), retried: attempt > 0 };
      } catch {
        this.unanswered += 1;
        this.current = 1 - this.current;
        await sleep(100);
      }
    }
    throw new Error(`${procedure} by ${this.person.email} got no answer from either instance`);
  }

  close(): void {
    this.stopping = true;
    this.socket?.disconnect();
  }
}

await holdCheckoutLock("e2e");
buildIfStale();
const cluster = await startCluster(2, { HEARTH_ADMIN_EMAIL: ADMIN.email, HEARTH_ADMIN_PASSWORD: ADMIN.password });
const failures: string[] = [];
const report: string[] = [];
try {
  const urls = cluster.instances.map(({ url }) => url);
  const seeded = await seed(cluster.databaseUrl);
  const organiserCookie = await signInCookie(urls[0]!, seeded.organiser.email, PASSWORD);
  const polls = await createPolls(urls[0]!, organiserCookie, seeded.groupId, cluster.databaseUrl);
  const cookies: string[] = [];
  for (let index = 0; index < seeded.people.length; index += SIGN_IN_CONCURRENCY) {
    const batch = seeded.people.slice(index, index + SIGN_IN_CONCURRENCY);
    cookies.push(...(await Promise.all(batch.map(({ email }) => signInCookie(urls[index % 2]!, email, PASSWORD)))));
  }
  const people = seeded.people.map((person, index) => new Participant(person, cookies[index]!, seeded.threadIds[index % THREADS]!, urls, index % 2));
  await Promise.all(people.map((person) => person.connect()));

  const comments: AckedComment[] = [];
  const votes: AckedVote[] = [];
  const started = Date.now();
  const victim = cluster.instances[1]!;
  let killedAt = 0;
  const killer = setTimeout(() => {
    process.kill(victim.child.pid!, "SIGKILL");
    killedAt = Date.now() - started;
  }, KILL_AFTER_MS);

  await Promise.all(
    people.map(async (client, index) => {
      let sent = 0;
      const unvoted = [...polls];
      while (Date.now() - started < RUN_MS) {
        await sleep(200 + Math.random() * 400);
        const poll = sent % 2 === 1 ? unvoted.shift() : undefined;
        if (poll) {
          const { answer, retried } = await client.send<{ receipt: string }>("poll.vote", {
            pollId: poll.pollId,
            choices: [{ optionId: poll.optionIds[index % poll.optionIds.length]! }],
          });
          if (answer.ok) votes.push({ pollId: poll.pollId, userId: client.person.id, receipt: answer.data.receipt, retried });
          // An earlier sending reached the database before its instance died: the vote is in.
          else if (retried && answer.code === "CONFLICT") votes.push({ pollId: poll.pollId, userId: client.person.id, receipt: null, retried });
          else client.refusals.push(`poll.vote: ${answer.message}`);
        } else {
          const clientKey = `fault-${index}-${sent}`.padEnd(8, "-");
          const body = `Comment ${sent} from ${client.person.email} [${clientKey}]`;
          const { answer, retried } = await client.send<{ id: string }>("comment.create", { threadId: client.threadId, body, clientKey });
          if (answer.ok) comments.push({ clientKey, id: answer.data.id, body, authorId: client.person.id, retried });
          else client.refusals.push(`comment.create: ${answer.message}`);
        }
        sent += 1;
      }
    }),
  );
  clearTimeout(killer);
  if (!killedAt) failures.push("The run ended before the instance was killed: give --seconds more than --kill-after.");

  // Every socket must be live on the survivor: one more comment per thread, through it, reaches everyone.
  const survivor = urls[0]!;
  const settleDeadline = Date.now() + 15_000;
  while (people.some((person) => !person.socket?.connected) && Date.now() < settleDeadline) await sleep(100);
  const finalBodies = new Map<string, string>();
  for (const threadId of seeded.threadIds) {
    const body = `Last word in ${threadId}, after the failover`;
    const answer = await callProcedure(survivor, organiserCookie, "comment.create", { threadId, body });
    if (!answer.ok) failures.push(`The final comment was refused: ${answer.message}`);
    finalBodies.set(threadId, body);
  }
  const deliveryDeadline = Date.now() + 10_000;
  const missing = () => people.filter((person) => !person.liveComments.has(finalBodies.get(person.threadId)!));
  while (missing().length && Date.now() < deliveryDeadline) await sleep(100);
  const notLive = missing();
  if (notLive.length) {
    failures.push(`${notLive.length} people's sockets did not receive a comment posted after the failover (e.g. ${notLive[0]!.person.email}, on ${notLive[0]!.socket?.connected ? "a connected" : "no"} socket).`);
  }
  for (const person of people) person.close();
  for (const person of people) for (const refusal of person.refusals) failures.push(`${person.person.email} was refused: ${refusal}`);

  const { createDb } = await import("@/server/db");
  const db = createDb(cluster.databaseUrl);
  const stored = await db.comment.findMany({ where: { thread: { groupId: seeded.groupId } }, select: { id: true, authorId: true, clientKey: true, body: true, threadId: true, seq: true } });
  const byKey = new Map(stored.filter(({ clientKey }) => clientKey).map((comment) => [`${comment.authorId}:${comment.clientKey}`, comment]));
  for (const acked of comments) {
    const comment = byKey.get(`${acked.authorId}:${acked.clientKey}`);
    if (!comment) failures.push(`Acknowledged comment ${acked.clientKey} (${acked.id}) is not in the database.`);
    else if (comment.id !== acked.id || comment.body !== acked.body) failures.push(`Comment ${acked.clientKey} was acknowledged as ${acked.id} but stored as ${comment.id}.`);
  }
  const bodies = new Map<string, number>();
  for (const { authorId, body } of stored) bodies.set(`${authorId}:${body}`, (bodies.get(`${authorId}:${body}`) ?? 0) + 1);
  for (const [key, count] of bodies) if (count > 1) failures.push(`A comment is stored ${count} times: ${key}`);
  const threads = await db.thread.findMany({ where: { groupId: seeded.groupId }, select: { id: true, commentCount: true, lastCommentSeq: true } });
  for (const thread of threads) {
    const inThread = stored.filter(({ threadId }) => threadId === thread.id);
    const maxSeq = Math.max(0, ...inThread.map(({ seq }) => seq));
    if (thread.commentCount !== inThread.length || thread.lastCommentSeq !== maxSeq) {
      failures.push(`Thread ${thread.id} counts ${thread.commentCount} comments (last ${thread.lastCommentSeq}) but holds ${inThread.length} (last ${maxSeq}).`);
    }
  }

  const ballots = await db.ballot.findMany({ where: { pollId: { in: polls.map(({ pollId }) => pollId) } }, select: { pollId: true, voterId: true, receipt: true, supersededAt: true } });
  const participations = await db.pollParticipation.findMany({ where: { pollId: { in: polls.map(({ pollId }) => pollId) } }, select: { pollId: true, userId: true } });
  for (const vote of votes) {
    const mine = ballots.filter(({ pollId, voterId }) => pollId === vote.pollId && voterId === vote.userId);
    const took = participations.filter(({ pollId, userId }) => pollId === vote.pollId && userId === vote.userId).length;
    if (mine.length !== 1 || took !== 1) failures.push(`The vote of ${vote.userId} in ${vote.pollId} is stored as ${mine.length} ballots and ${took} participations (expected 1 and 1).`);
    else if (vote.receipt && mine[0]!.receipt !== vote.receipt) failures.push(`The vote of ${vote.userId} in ${vote.pollId} was acknowledged with receipt ${vote.receipt} but stored with ${mine[0]!.receipt}.`);
  }
  const ballotsPerVoter = new Map<string, number>();
  for (const { pollId, voterId } of ballots) ballotsPerVoter.set(`${pollId}:${voterId}`, (ballotsPerVoter.get(`${pollId}:${voterId}`) ?? 0) + 1);
  for (const [key, count] of ballotsPerVoter) if (count > 1) failures.push(`${count} ballots for one voter in one poll: ${key}`);
  await db.$disconnect();

  const ackedKeys = new Set(comments.map(({ authorId, clientKey }) => `${authorId}:${clientKey}`));
  const unacknowledged = stored.filter(({ authorId, clientKey }) => clientKey && !ackedKeys.has(`${authorId}:${clientKey}`)).length;
  report.push(
    `fault:kill-instance on ${new Date().toISOString().slice(0, 10)}: ${CLIENTS} people, half on each of two instances; instance B killed (SIGKILL) at ${(killedAt / 1000).toFixed(1)} s of ${RUN_MS / 1000} s`,
    "",
    "| what | count |",
    "|---|---|",
    `| comments acknowledged | ${comments.length} |`,
    `| … of them after a resend to the other instance | ${comments.filter(({ retried }) => retried).length} |`,
    `| votes acknowledged (or found already in on a resend) | ${votes.length} |`,
    `| … of them after a resend to the other instance | ${votes.filter(({ retried }) => retried).length} |`,
    `| requests that got no answer (then sent to the other instance) | ${people.reduce((sum, person) => sum + person.unanswered, 0)} |`,
    `| sockets that reconnected to the other instance | ${people.reduce((sum, person) => sum + person.reconnections, 0)} |`,
    `| comments stored that were never acknowledged | ${unacknowledged} |`,
    `| comments stored in all (with the ${THREADS} final ones) | ${stored.length} |`,
    `| ballots stored | ${ballots.length} |`,
    `| problems found | ${failures.length} |`,
  );
} catch (error) {
  failures.push(`The run itself failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  await cluster.stop();
}

console.log(report.join("\n"));
if (failures.length) {
  console.log(`\nFAILED: ${failures.length} problem${failures.length === 1 ? "" : "s"}:`);
  for (const failure of failures.slice(0, 50)) console.log(`- ${failure}`);
  if (failures.length > 50) console.log(`- … and ${failures.length - 50} more`);
  process.exit(1);
}
console.log("\nEvery acknowledged comment and vote is stored exactly once, no comment twice, and every socket is live on the surviving instance.");
process.exit(0);
