import type { Db } from "@/server/db";
import { visibleTitles } from "@/server/exports/personal/context";
import { pagedById, pages, pagesById } from "@/server/exports/streams";
import { meetingPlanSelect } from "@/server/meetings/write";
import { resourceTextSelect } from "@/server/resources/dto";

/** The group something belongs to: its name and handle, which anyone signed in may see. */
const group = { select: { handle: true, name: true } } as const;

/** A reference to a thread, poll or document: its title only while the person may still see it. */
const ref = (id: string, titles: Map<string, string>) => ({ id, title: titles.get(id) ?? null });

/** Each row of `rows` with the titles the person may still see of what its page refers to (one lookup a page). */
async function* withTitles<T>(
  db: Db,
  userId: string,
  rows: AsyncIterable<T[]>,
  refs: (page: T[]) => Parameters<typeof visibleTitles>[2],
): AsyncGenerator<[T, Awaited<ReturnType<typeof visibleTitles>>]> {
  for await (const page of rows) {
    const titles = await visibleTitles(db, userId, refs(page));
    for (const row of page) yield [row, titles];
  }
}

/** Threads the person started: the title and text are theirs. */
export async function* threadsWritten(db: Db, userId: string) {
  const rows = pagedById({ authorId: userId }, (page) =>
    db.thread.findMany({
      ...page,
      select: { id: true, group, title: true, body: true, tags: { select: { tag: true } }, createdAt: true, editedAt: true },
    }),
  );
  for await (const { tags, ...thread } of rows) yield { ...thread, tags: tags.map(({ tag }) => tag) };
}

/** Comments the person wrote, deleted ones included (their text is still stored), with the thread they are in. */
export async function* commentsWritten(db: Db, userId: string) {
  const rows = pagesById({ authorId: userId }, (page) =>
    db.comment.findMany({
      ...page,
      select: { id: true, threadId: true, thread: { select: { group } }, parentId: true, body: true, createdAt: true, editedAt: true, deletedAt: true },
    }),
  );
  for await (const [{ threadId, thread, parentId, ...comment }, titles] of withTitles(db, userId, rows, (page) => ({ threads: page.map(({ threadId }) => threadId) }))) {
    yield { ...comment, thread: ref(threadId, titles.thread), group: thread.group, replyTo: parentId };
  }
}

/** Polls the person started, and the outcomes they wrote. */
export async function* pollsStarted(db: Db, userId: string) {
  const rows = pagedById({ authorId: userId }, (page) =>
    db.poll.findMany({
      ...page,
      select: {
        id: true,
        group,
        kind: true,
        title: true,
        details: true,
        anonymous: true,
        createdAt: true,
        closingAt: true,
        closedAt: true,
        options: { select: { name: true }, orderBy: { position: "asc" } },
      },
    }),
  );
  for await (const { options, ...poll } of rows) yield { ...poll, options: options.map(({ name }) => name) };
}

export async function* outcomesWritten(db: Db, userId: string) {
  const rows = pagesById({ outcomeAuthorId: userId, outcomeStatement: { not: null } }, (page) =>
    db.poll.findMany({
      ...page,
      select: { id: true, group, outcomeStatement: true, outcomeReviewOn: true, outcomeAt: true },
    }),
  );
  for await (const [poll, titles] of withTitles(db, userId, rows, (page) => ({ polls: page.map(({ id }) => id) }))) {
    yield { poll: ref(poll.id, titles.poll), group: poll.group, statement: poll.outcomeStatement, reviewOn: poll.outcomeReviewOn, writtenAt: poll.outcomeAt };
  }
}

/**
 * The person's ballots, earlier (changed) ones included, with what they chose and why. Only
 * ballots that carry their name: an anonymous ballot is linked to nobody, so it cannot be found.
 */
export async function* votesCast(db: Db, userId: string) {
  const rows = pagesById({ voterId: userId, poll: { anonymous: false } }, (page) =>
    db.ballot.findMany({
      ...page,
      select: {
        id: true,
        pollId: true,
        poll: { select: { group, kind: true } },
        reason: true,
        castAt: true,
        supersededAt: true,
        choices: { select: { optionId: true, score: true, rank: true } },
      },
    }),
  );
  for await (const page of rows) {
    const optionIds = page.flatMap(({ choices }) => choices.map(({ optionId }) => optionId));
    const [titles, options] = await Promise.all([
      visibleTitles(db, userId, { polls: page.map(({ pollId }) => pollId) }),
      db.pollOption.findMany({ where: { id: { in: [...new Set(optionIds)] } }, select: { id: true, name: true } }),
    ]);
    const optionName = new Map(options.map(({ id, name }) => [id, name]));
    for (const ballot of page) {
      yield {
        poll: { ...ref(ballot.pollId, titles.poll), kind: ballot.poll.kind },
        group: ballot.poll.group,
        choices: ballot.choices.map(({ optionId, score, rank }) => ({ option: optionName.get(optionId) ?? null, score, rank })),
        reason: ballot.reason,
        castAt: ballot.castAt,
        current: ballot.supersededAt === null,
        replacedAt: ballot.supersededAt,
      };
    }
  }
}

export async function* reactionsGiven(db: Db, userId: string) {
  const rows = pagedById({ userId }, (page) => db.reaction.findMany({ ...page, select: { id: true, subject: true, subjectId: true, emoji: true, createdAt: true } }));
  for await (const { subject, subjectId, emoji, createdAt } of rows) yield { subject, subjectId, emoji, createdAt };
}

/** Resources the person added, with each version's file described (the files themselves are not in the JSON). */
export async function* resourcesAdded(db: Db, userId: string) {
  yield* pagedById({ authorId: userId }, (page) =>
    db.resource.findMany({
      ...page,
      select: {
        id: true,
        group,
        ...resourceTextSelect,
        createdAt: true,
        publishedAt: true,
        versions: {
          orderBy: { number: "asc" },
          select: { number: true, note: true, createdAt: true, file: { select: { originalName: true, contentType: true, size: true, sha256: true } } },
        },
      },
    }),
  );
}

/** Meetings the person scheduled, with the agenda and minutes. */
export async function* meetingsScheduled(db: Db, userId: string) {
  yield* pagedById({ createdById: userId }, (page) => db.meeting.findMany({ ...page, select: { id: true, group, ...meetingPlanSelect, minutes: true } }));
}

/** Comments on document text; the quoted text is the document's, so it comes only while the person may see the document. */
export async function* documentCommentsWritten(db: Db, userId: string) {
  const rows = pagesById({ authorId: userId }, (page) =>
    db.docComment.findMany({
      ...page,
      select: { id: true, documentId: true, document: { select: { group } }, parentId: true, body: true, quote: true, createdAt: true, resolvedAt: true },
    }),
  );
  for await (const [{ documentId, document, parentId, quote, ...comment }, titles] of withTitles(db, userId, rows, (page) => ({ documents: page.map(({ documentId }) => documentId) }))) {
    const visible = titles.document.has(documentId);
    yield { ...comment, document: ref(documentId, titles.document), group: document.group, replyTo: parentId, quote: visible ? quote : null };
  }
}

/** The document versions the person is named as an author of: when, in which document, and how much they wrote (the text is the group's). */
export async function* documentVersionsAuthored(db: Db, userId: string) {
  const rows = pages((last: { versionId: string } | undefined, take) =>
    db.documentVersionAuthor.findMany({
      where: { userId, ...(last && { versionId: { gt: last.versionId } }) },
      orderBy: { versionId: "asc" },
      take,
      select: {
        versionId: true,
        wordsAdded: true,
        wordsRemoved: true,
        suggestionsAccepted: true,
        version: { select: { kind: true, name: true, createdAt: true, documentId: true, document: { select: { group } } } },
      },
    }),
  );
  for await (const [{ versionId, version, ...counts }, titles] of withTitles(db, userId, rows, (page) => ({ documents: page.map(({ version }) => version.documentId) }))) {
    yield {
      version: { id: versionId, kind: version.kind, name: version.name, savedAt: version.createdAt },
      // What they wrote since the version before (null for versions saved before Hearth counted it).
      ...counts,
      document: ref(version.documentId, titles.document),
      group: version.document.group,
    };
  }
}
