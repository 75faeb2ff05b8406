import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client.ts";
import type { Db } from "@/server/db";

/**
 * The data bench:search searches: a few groups with members and a guest, threads, comments,
 * polls with reasons, resources and meetings, written through Prisma in large batches so that
 * the search index's triggers fill it as they do for real writes. The text is drawn from one
 * fixed word list with Zipf frequencies (a few words in most entries, most words in few), from
 * a seeded generator, so every run searches the same data.
 */
export type SearchSeedSize = { threads: number; comments: number; resources: number; polls: number; meetings: number };

export const FULL_SIZE: SearchSeedSize = { threads: 1_000, comments: 100_000, resources: 200, polls: 100, meetings: 30 };

/** Words the benchmark's queries look for, and how the seed places them. */
export const SEED_WORDS = {
  /** Among the most frequent topic words: in thousands of entries, and in many thread titles. */
  common: "transport",
  /** Written into exactly RARE_COUNT comments (a few of them in the guest's threads). */
  rare: "quince",
  /** Written as this phrase into about one comment in 200; each word also occurs on its own. */
  phrase: "bus timetable",
  /** Appears nowhere. */
  nowhere: "zyxwvut",
  /** The surname of a few members who write comments. */
  author: "Okafor",
} as const;
export const RARE_COUNT = 12;

export type SeededSearch = {
  memberId: string;
  guestId: string;
  groupHandles: string[];
  /** A thread of the member's group, for the baseline's indexed lookup. */
  threadId: string;
};

/** mulberry32: small, fast, and the same sequence for the same seed. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const STOP_WORDS = "the and to of a we in for is that it on with be this at as have our can will not are from or so if but about all".split(" ");
const TOPIC_WORDS = (
  "transport meeting budget garden housing volunteers council rota event library park school funding parking cycle plan survey " +
  "newsletter bus timetable repair cafe market festival children rent energy solar insulation allotment compost recycling " +
  "footpath bridge flood river tree planting bench lighting safety speed crossing station train route fares accessible " +
  "wheelchair ramp hall booking kitchen food bank donations grant application treasurer minutes agenda proposal vote " +
  "outcome deadline spring summer autumn winter weekend evening morning neighbours residents landlord tenants repairs " +
  "heating damp windows roof survey petition councillor consultation planning application noise traffic pollution air " +
  "quality trees hedges wildlife pond bees orchard apples pears plums harvest jam bakery bread soup lunch dinner tea"
).split(" ");
const SYLLABLES = "ka lo mi ne ru sa ti vo be da fe gi ho ju la me no pe ri so tu wa ye zo".split(" ");

/** About 20,000 words: stop words, then topic words, then made-up words for the long tail. */
function vocabulary(random: () => number): string[] {
  const words = new Set([...STOP_WORDS, ...TOPIC_WORDS]);
  while (words.size < 20_000) {
    const length = 2 + Math.floor(random() * 3);
    words.add(Array.from({ length }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join(""));
  }
  // The rare word and the absent one stay where the seed puts them.
  words.delete(SEED_WORDS.rare);
  words.delete(SEED_WORDS.nowhere);
  return [...words];
}

/** Draws words with probability proportional to 1 / rank. */
function zipf(words: string[], random: () => number) {
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 0; rank < words.length; rank += 1) cumulative.push((total += 1 / (rank + 1)));
  return () => {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return words[low]!;
  };
}

const FIRST_NAMES = "Ada Ben Chidi Dana Elif Farah Gus Hana Ivo Jun Kemi Lars Mei Nico Ola Pia Quinn Ravi Sana Tom".split(" ");
const SURNAMES = "Smith Novak Garcia Kowalski Nguyen Haddad Jensen Rossi Müller Dubois Ali Okafor".split(" ");
const BATCH = 5_000;
const ROWS_PER_INSERT = 1_000;
const DAY = 86_400_000;
const START = Date.UTC(2023, 11, 1);
const END = Date.UTC(2026, 10, 30);

export async function seedSearchData(db: Db, size: SearchSeedSize = FULL_SIZE): Promise<SeededSearch> {
  const random = generator(16);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const between = (from: number, to: number) => from + Math.floor(random() * (to - from));
  const word = zipf(vocabulary(random), random);
  const topic = () => TOPIC_WORDS[Math.floor(random() ** 2 * TOPIC_WORDS.length)]!;
  const words = (count: number, next: () => string) => Array.from({ length: count }, next).join(" ");
  const sentence = (count: number) => {
    const text = words(count, word);
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  };
  const title = () => {
    const text = words(between(3, 8), () => (random() < 0.7 ? topic() : word()));
    return `${text[0]!.toUpperCase()}${text.slice(1)}`;
  };
  /** A comment: one to four sentences, 8 to 80 words in all. */
  const body = () => Array.from({ length: between(1, 5) }, () => sentence(between(8, 21))).join(" ");

  const groups = await Promise.all(
    [
      ["Steering group", "steering"],
      ["Transport working group", "transport-wg"],
      ["Housing circle", "housing"],
    ].map(([name, handle]) => db.group.create({ data: { name: name!, handle: handle! }, select: { id: true, handle: true } })),
  );
  const people = Array.from({ length: 60 }, (_, index) => ({
    id: randomUUID(),
    name: `${FIRST_NAMES[index % FIRST_NAMES.length]} ${SURNAMES[(index * 7) % SURNAMES.length]}`,
    email: `person${index}@bench.example`,
    passwordHash: "",
    createdAt: new Date(START),
  }));
  const member = { id: randomUUID(), name: "Mo Member", email: "member@bench.example", passwordHash: "", createdAt: new Date(START) };
  const guest = { id: randomUUID(), name: "Gil Guest", email: "guest@bench.example", passwordHash: "", createdAt: new Date(START) };
  await db.user.createMany({ data: [...people, member, guest] });
  // Each group has 25 of the 60 people (some in two or three), and an admin.
  const groupMembers = groups.map((_, index) => people.filter((_, person) => (person + index * 20) % 60 < 25).map(({ id }) => id));
  await db.membership.createMany({
    data: [
      ...groupMembers.flatMap((ids, index) => ids.map((userId, position) => ({ userId, groupId: groups[index]!.id, role: position === 0 ? ("admin" as const) : ("member" as const) }))),
      { userId: member.id, groupId: groups[0]!.id, role: "member" },
      { userId: guest.id, groupId: groups[0]!.id, role: "guest" },
    ],
  });

  // Half the threads in the steering group, the rest in the other two.
  const threads = Array.from({ length: size.threads }, (_, index) => {
    const groupIndex = index % 4 < 2 ? 0 : (index % 4) - 1;
    return {
      id: randomUUID(),
      groupId: groups[groupIndex]!.id,
      groupIndex,
      authorId: pick(groupMembers[groupIndex]!),
      title: title(),
      body: body(),
      createdAt: new Date(between(START, END - 30 * DAY)),
      lastCommentSeq: 0,
      commentCount: 0,
    };
  });
  await db.thread.createMany({ data: threads.map(({ groupIndex: _, ...thread }) => thread) });
  const guestThreads = threads.filter((thread) => thread.groupIndex === 0).slice(0, 3);
  await db.threadGuest.createMany({ data: guestThreads.map((thread) => ({ threadId: thread.id, userId: guest.id })) });

  const rare = new Set(Array.from({ length: RARE_COUNT }, (_, index) => Math.floor(((index + 0.5) / RARE_COUNT) * size.comments)));
  for (let start = 0; start < size.comments; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, size.comments - start) }, (_, offset) => {
      const index = start + offset;
      // Some threads are long: the first ones get most comments; the rare word goes into the guest's threads twice.
      const thread = rare.has(index) && index % 5 === 0 ? guestThreads[index % guestThreads.length]! : threads[Math.floor(random() ** 2 * threads.length)]!;
      thread.lastCommentSeq += 1;
      thread.commentCount += 1;
      let text = body();
      if (random() < 0.005) text += ` When does the new ${SEED_WORDS.phrase} start?`;
      if (rare.has(index)) text += ` The ${SEED_WORDS.rare} tree needs pruning.`;
      const authors = groupMembers[thread.groupIndex]!;
      return {
        threadId: thread.id,
        authorId: thread.groupIndex === 0 && random() < 0.1 ? member.id : pick(authors),
        seq: thread.lastCommentSeq,
        body: text,
        createdAt: new Date(Math.min(END, thread.createdAt.getTime() + between(0, 60 * DAY))),
      };
    });
    // Raw multi-row INSERTs: createMany spends about five times as long in Prisma as SQLite spends writing.
    await db.$transaction(async (tx) => {
      for (let row = 0; row < batch.length; row += ROWS_PER_INSERT) {
        const values = batch.slice(row, row + ROWS_PER_INSERT).map(
          (comment) => Prisma.sql`(${randomUUID()}, ${comment.threadId}, ${comment.authorId}, ${comment.seq}, ${comment.body}, ${comment.createdAt})`,
        );
        await tx.$executeRaw`INSERT INTO "Comment" ("id", "threadId", "authorId", "seq", "body", "createdAt") VALUES ${Prisma.join(values)}`;
      }
    });
  }
  await db.$transaction(
    threads.map((thread) => db.thread.update({ where: { id: thread.id }, data: { lastCommentSeq: thread.lastCommentSeq, commentCount: thread.commentCount, lastActivityAt: thread.createdAt } })),
  );

  const polls = Array.from({ length: size.polls }, (_, index) => {
    const thread = threads[index * 7 % threads.length]!;
    const createdAt = new Date(thread.createdAt.getTime() + DAY);
    const closed = createdAt.getTime() < END - 90 * DAY;
    return {
      id: randomUUID(),
      groupId: thread.groupId,
      threadId: index % 2 ? thread.id : null,
      authorId: pick(groupMembers[thread.groupIndex]!),
      kind: "proposal" as const,
      title: title(),
      details: body(),
      closingAt: new Date(createdAt.getTime() + 14 * DAY),
      closedAt: closed ? new Date(createdAt.getTime() + 14 * DAY) : null,
      outcomeStatement: closed && index % 3 === 0 ? sentence(12) : null,
      outcomeAt: closed && index % 3 === 0 ? new Date(createdAt.getTime() + 15 * DAY) : null,
      anonymous: index % 10 === 0,
      createdAt,
      groupIndex: thread.groupIndex,
    };
  });
  await db.poll.createMany({ data: polls.map(({ groupIndex: _, ...poll }) => poll) });
  await db.pollOption.createMany({ data: polls.flatMap((poll) => ["Agree", "Disagree"].map((name, position) => ({ pollId: poll.id, name, position }))) });
  await db.ballot.createMany({
    data: polls.flatMap((poll) =>
      groupMembers[poll.groupIndex]!.slice(0, 5).map((voterId) => ({
        id: randomUUID(),
        pollId: poll.id,
        voterId,
        reason: sentence(between(5, 20)),
        receipt: randomUUID(),
        castAt: new Date(poll.createdAt.getTime() + DAY),
      })),
    ),
  });

  const resources = Array.from({ length: size.resources }, (_, index) => {
    const groupIndex = index % 3;
    return {
      id: randomUUID(),
      groupId: groups[groupIndex]!.id,
      kind: "link" as const,
      url: `https://example.org/resources/${index}`,
      title: title(),
      description: body(),
      authorId: pick(groupMembers[groupIndex]!),
      publishedAt: index % 10 === 0 ? null : new Date(between(START, END)),
      createdAt: new Date(between(START, END)),
    };
  });
  await db.resource.createMany({ data: resources });
  await db.resourceTag.createMany({ data: resources.flatMap((resource) => [...new Set([topic(), topic()])].map((name) => ({ resourceId: resource.id, name }))) });

  await db.meeting.createMany({
    data: Array.from({ length: size.meetings }, (_, index) => {
      const groupIndex = index % 3;
      const startsAt = new Date(between(START, END));
      return {
        groupId: groups[groupIndex]!.id,
        title: title(),
        startsAt,
        agenda: body(),
        minutes: startsAt.getTime() < END - 30 * DAY ? body() : "",
        createdById: pick(groupMembers[groupIndex]!),
        createdAt: new Date(startsAt.getTime() - 14 * DAY),
      };
    }),
  });

  return { memberId: member.id, guestId: guest.id, groupHandles: groups.map((group) => group.handle), threadId: threads[0]!.id };
}
