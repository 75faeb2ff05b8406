import { randomBytes, randomUUID } from "node:crypto";
import type { Db } from "@/server/db";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
type People = { alex: string; priya: string; tom: string; grace: string; sam: string };

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

type DemoComment = { by: keyof People; body: string; replyTo?: number; daysAgo: number };

async function thread(
  tx: Tx,
  groupId: string,
  people: People,
  spec: { by: keyof People; title: string; body: string; tags: string[]; daysAgo: number; pinned?: boolean; comments: DemoComment[] },
) {
  const created = await tx.thread.create({
    data: {
      groupId,
      authorId: people[spec.by],
      title: spec.title,
      body: spec.body,
      createdAt: daysAgo(spec.daysAgo),
      pinnedAt: spec.pinned ? daysAgo(spec.daysAgo) : null,
      lastCommentSeq: spec.comments.length,
      commentCount: spec.comments.length,
      lastActivityAt: daysAgo(Math.min(spec.daysAgo, ...spec.comments.map((comment) => comment.daysAgo))),
      tags: { create: spec.tags.map((tag) => ({ tag })) },
    },
    select: { id: true },
  });
  const ids: string[] = [];
  for (const [index, comment] of spec.comments.entries()) {
    const row = await tx.comment.create({
      data: {
        threadId: created.id,
        authorId: people[comment.by],
        seq: index + 1,
        body: comment.body,
        parentId: comment.replyTo === undefined ? null : ids[comment.replyTo]!,
        createdAt: daysAgo(comment.daysAgo),
      },
      select: { id: true },
    });
    ids.push(row.id);
  }
  return { threadId: created.id, commentIds: ids };
}

/** Threads, reactions and decisions for the demo steering group, so a first look shows a living group. */
export async function seedDemoContent(tx: Tx, groupId: string, people: People): Promise<void> {
  await thread(tx, groupId, people, {
    by: "alex",
    title: "Welcome to Hearth: how we will use it",
    body: "This replaces our Loomio group. Discussions happen in **threads**, decisions in **proposals**, and the vision document will live here too.\n\nPlease add a short bio on your account page so newcomers know who we are.",
    tags: ["Welcome"],
    daysAgo: 12,
    pinned: true,
    comments: [
      { by: "priya", body: "Thanks Alex. Much easier than the email chains!", daysAgo: 11 },
      { by: "grace", body: "Agreed. Is there a way to get a daily summary instead of every email?", daysAgo: 11 },
      { by: "alex", body: "Not yet, but it is on the list.", replyTo: 1, daysAgo: 10 },
    ],
  });
  const caring = await thread(tx, groupId, people, {
    by: "tom",
    title: "What helped when you were caring for someone?",
    body: "We want the charter to start from lived experience. Sam has kindly agreed to join this thread as a guest.\n\n- What made a difference?\n- What did you wish someone had told you?",
    tags: ["CompassionateCommunity", "LivedExperience"],
    daysAgo: 6,
    comments: [
      { by: "sam", body: "Honestly: neighbours who just turned up with soup and did not expect a conversation.", daysAgo: 5 },
      { by: "priya", body: "That matches what we hear in the bereavement cafés.", replyTo: 0, daysAgo: 5 },
      { by: "grace", body: "The walking football lads say the same: practical help first, talking later.", daysAgo: 2 },
    ],
  });
  await tx.threadGuest.create({ data: { threadId: caring.threadId, userId: people.sam } });
  await tx.reaction.createMany({
    data: [
      { subject: "comment", subjectId: caring.commentIds[0]!, userId: people.tom, emoji: "❤️" },
      { subject: "comment", subjectId: caring.commentIds[0]!, userId: people.alex, emoji: "❤️" },
      { subject: "thread", subjectId: caring.threadId, userId: people.grace, emoji: "👍" },
    ],
  });

  const charter = await thread(tx, groupId, people, {
    by: "alex",
    title: "Adopting the Compassionate City Charter",
    body: "The draft charter has been circulated. Please read it and vote on the proposal below by Friday.",
    tags: ["Charter"],
    daysAgo: 3,
    comments: [{ by: "tom", body: "Curo is keen to sign once the board has seen it.", daysAgo: 1 }],
  });
  const proposal = await tx.poll.create({
    data: {
      groupId,
      threadId: charter.threadId,
      authorId: people.alex,
      kind: "proposal",
      template: "consensus",
      title: "Adopt the Compassionate City Charter as our shared commitment",
      details: "Agreeing means your organisation will work towards the charter's twelve actions.",
      closingAt: new Date(Date.now() + 4 * DAY),
      quorumPercent: 50,
      thresholdRule: "two_thirds",
      reasonRequiredFor: "disagree,block",
      options: { create: ["Agree", "Abstain", "Disagree", "Block"].map((name, position) => ({ name, position })) },
    },
    select: { id: true, options: { select: { id: true, name: true } } },
  });
  const agree = proposal.options.find((option) => option.name === "Agree")!.id;
  for (const [voter, reason] of [
    [people.priya, "The council's public health team supports this."],
    [people.grace, "Yes, and let's launch it at a match day."],
  ] as const) {
    await tx.ballot.create({
      data: { id: randomUUID(), pollId: proposal.id, voterId: voter, reason, receipt: randomBytes(5).toString("hex").toUpperCase(), castAt: daysAgo(1), choices: { create: { optionId: agree } } },
    });
    await tx.pollParticipation.create({ data: { pollId: proposal.id, userId: voter, votedAt: daysAgo(1) } });
  }

  await tx.poll.create({
    data: {
      groupId,
      authorId: people.priya,
      kind: "meeting",
      title: "November steering group meeting",
      closingAt: daysAgo(8),
      closedAt: daysAgo(8),
      outcomeStatement: "We meet on Tuesday at 2pm at the Guildhall; Alex will send the agenda.",
      outcomeAuthorId: people.priya,
      outcomeAt: daysAgo(8),
      options: { create: [{ name: "Tuesday 2pm", position: 0, startsAt: daysAgo(2) }] },
    },
  });
}
