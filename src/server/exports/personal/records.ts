import type { Db } from "@/server/db";
import { visibleTitles } from "@/server/exports/personal/context";
import { afterId, pages, type IdCursor } from "@/server/exports/streams";

/** The group something belongs to: its name and handle, which anyone signed in may see. */
const group = { select: { handle: true, name: true } } as const;

/** A reference to a thread, poll or document: its title only while the person may still see it. */
const ref = (id: string, titles: Map<string, string>) => ({ id, title: titles.get(id) ?? null });

/** Threads the person started: the title and text are theirs. */
export async function* threadsWritten(db: Db, userId: string) {
  const rows = pages((last: IdCursor, take) =>
    db.thread.findMany({
      where: { authorId: userId, ...afterId(last) },
      orderBy: { id: "asc" },
      take,
      select: { id: true, group, title: true, body: true, tags: { select: { tag: true } }, createdAt: true, editedAt: true },
    }),
  );
  for await (const page of rows) {
    for (const { tags, ...thread } of page) yield { ...thread, tags: tags.map(({ tag }) => tag) };
  }
}

/** Comments the person wrote, deleted ones included (their text is still stored), with the thread they are in. */
export async function* commentsWritten(db: Db, userId: string) {
  const rows = pages((last: IdCursor, take) =>
    db.comment.findMany({
      where: { authorId: userId, ...afterId(last) },
      orderBy: { id: "asc" },
      take,
      select: { id: true, threadId: true, thread: { select: { group } }, parentId: true, body: true, createdAt: true, editedAt: true, deletedAt: true },
    }),
  );
  for await (const page of rows) {
    const titles = await visibleTitles(db, userId, { threads: page.map(({ threadId }) => threadId) });
    for (const { threadId, thread, parentId, ...comment } of page) {
      yield { ...comment, thread: ref(threadId, titles.thread), group: thread.group, replyTo: parentId };
    }
  }
}

/** Polls the person started, and the outcomes they wrote. */
export async function* pollsStarted(db: Db, userId: string) {
  const rows = pages((last: IdCursor, take) =>
    db.poll.findMany({
      where: { authorId: userId, ...afterId(last) },
      orderBy: { id: "asc" },
      take,
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
  for await (const page of rows) for (const { options, ...poll } of page) yield { ...poll, options: options.map(({ name }) => name) };
}

export async function* outcomesWritten(db: Db, userId: string) {
  const rows = pages((last: IdCursor, take) =>
    db.poll.findMany({
      where: { outcomeAuthorId: userId, outcomeStatement: { not: null }, ...afterId(last) },
      orderBy: { id: "asc" },
      take,
      select: { id: true, group, outcomeStatement: true, outcomeReviewOn: true, outcomeAt: true },
    }),
  );
  for await (const page of rows) {
    const titles = await visibleTitles(db, userId, { polls: page.map(({ id }) => id) });
    for (const poll of page) {
      yield { poll: ref(poll.id, titles.poll), group: poll.group, statement: poll.outcomeStatement, reviewOn: poll.outcomeReviewOn, writtenAt: poll.outcomeAt };
    }
  }
}

/**
 * The person's ballots, earlier (changed) ones included, with what they chose and why. Only
 * ballots that carry their name: an anonymous ballot is linked to nobody, so it cannot be found.
 */
export async function* votesCast(db: Db, userId: string) {
  const rows = pages((last: IdCursor, take) =>
    db.ballot.findMany({
      where: { voterId: userId, poll: { anonymous: false }, ...afterId(last) },
      orderBy: { id: "asc" },
      take,
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
  const rows = pages((last: IdCursor, take) =>
    db.reaction.findMany({
      where: { userId, ...afterId(last) },
      orderBy: { id: "asc" },
      take,
      select: { id: true, subject: true, subjectId: true, emoji: true, createdAt: true },
    }),
  );
  for await (const page of rows) for (const { subject, subjectId, emoji, createdAt } of page) yield { subject, subjectId, emoji, createdAt };
}

/** Resources the person added, with each version's file described (the files themselves are not in the JSON). */
export async function* resourcesAdded(db: Db, userId: string) {
  const rows = pages((last: IdCursor, take) =>
    db.resource.findMany({
      where: { authorId: userId, ...afterId(last) },
      orderBy: { id: "asc" },
      take,
      select: {
        id: true,
        group,
        kind: true,
        title: true,
        description: true,
        url: true,
        createdAt: true,
        publishedAt: true,
        versions: {
          orderBy: { number: "asc" },
          select: { number: true, note: true, createdAt: true, file: { select: { originalName: true, contentType: true, size: true, sha256: true } } },
        },
      },
    }),
  );
  for await (const page of rows) yield* page;
}

/** Meetings the person scheduled, with the agenda and minutes. */
export async function* meetingsScheduled(db: Db, userId: string) {
  const rows = pages((last: IdCursor, take) =>
    db.meeting.findMany({
      where: { createdById: userId, ...afterId(last) },
      orderBy: { id: "asc" },
      take,
      select: { id: true, group, title: true, startsAt: true, endsAt: true, location: true, onlineUrl: true, agenda: true, minutes: true },
    }),
  );
  for await (const page of rows) yield* page;
}

/** Comments on document text; the quoted text is the document's, so it comes only while the person may see the document. */
export async function* documentCommentsWritten(db: Db, userId: string) {
  const rows = pages((last: IdCursor, take) =>
    db.docComment.findMany({
      where: { authorId: userId, ...afterId(last) },
      orderBy: { id: "asc" },
      take,
      select: { id: true, documentId: true, document: { select: { group } }, parentId: true, body: true, quote: true, createdAt: true, resolvedAt: true },
    }),
  );
  for await (const page of rows) {
    const titles = await visibleTitles(db, userId, { documents: page.map(({ documentId }) => documentId) });
    for (const { documentId, document, parentId, quote, ...comment } of page) {
      const visible = titles.document.has(documentId);
      yield { ...comment, document: ref(documentId, titles.document), group: document.group, replyTo: parentId, quote: visible ? quote : null };
    }
  }
}

/** The document versions the person is named as an author of: when, and in which document (the text is the group's). */
export async function* documentVersionsAuthored(db: Db, userId: string) {
  const rows = pages((last: { versionId: string } | undefined, take) =>
    db.documentVersionAuthor.findMany({
      where: { userId, ...(last && { versionId: { gt: last.versionId } }) },
      orderBy: { versionId: "asc" },
      take,
      select: { versionId: true, version: { select: { kind: true, name: true, createdAt: true, documentId: true, document: { select: { group } } } } },
    }),
  );
  for await (const page of rows) {
    const titles = await visibleTitles(db, userId, { documents: page.map(({ version }) => version.documentId) });
    for (const { versionId, version } of page) {
      yield {
        version: { id: versionId, kind: version.kind, name: version.name, savedAt: version.createdAt },
        document: ref(version.documentId, titles.document),
        group: version.document.group,
      };
    }
  }
}
