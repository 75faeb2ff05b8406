import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { loomioLine } from "@/server/imports/loomio/loomio-format";

/**
 * Writes a large Loomio export for `npm run bench:import`, streaming: one group with three
 * subgroups, and per 100,000 comments 2,000 discussions, 1,000 people, 500 polls of every kind
 * with 20 votes each, 20,000 reactions, readers, attachments, and an event per comment, mostly in
 * the table order of Loomio's export (so reactions and events come before what they are about).
 */
export async function writeLoomioExport(file: string, comments: number): Promise<{ lines: number; bytes: number }> {
  const scale = comments / 100_000;
  const users = Math.max(20, Math.round(1_000 * scale));
  const discussions = Math.max(4, Math.round(2_000 * scale));
  const polls = Math.max(9, Math.round(500 * scale));
  const votesPerPoll = 20;
  const kinds = ["proposal", "poll", "count", "check", "question", "score", "dot_vote", "ranked_choice", "meeting"];
  let seed = 42;
  const random = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  const time = (minutes: number) => new Date(Date.UTC(2022, 0, 1) + minutes * 60_000).toISOString();
  const groupOf = (discussion: number) => 1 + (discussion % 4);
  const commentsOf = (discussion: number) => Math.floor(comments / discussions) + (discussion < comments % discussions ? 1 : 0);

  const out = createWriteStream(file);
  let lines = 0;
  const write = async (table: string, record: Record<string, unknown>) => {
    lines += 1;
    if (!out.write(loomioLine(table, record) + "\n")) await once(out, "drain");
  };

  for (let group = 1; group <= 4; group += 1) {
    await write("groups", {
      id: group, name: group === 1 ? "Benchmark Circle" : `Circle working group ${group}`, handle: group === 1 ? "bench-circle" : null,
      key: `benchKEY${group}`, parent_id: group === 1 ? null : 1, description: "<p>A group for the <b>benchmark</b></p>", description_format: "html", created_at: time(0),
    });
  }
  for (let user = 1; user <= users; user += 1) {
    await write("users", { id: user, name: `Person ${user}`, email: `person${user}@bench.example`, api_key: `secret-${user}`, created_at: time(user) });
  }
  let commentId = 0;
  for (let discussion = 1; discussion <= discussions; discussion += 1) {
    for (let index = 0; index < commentsOf(discussion); index += 1) {
      commentId += 1;
      await write("events", { id: commentId, kind: "new_comment", eventable_type: "Comment", eventable_id: commentId, discussion_id: discussion, sequence_id: index + 1, created_at: time(10_000 + commentId) });
    }
  }
  for (let reaction = 1; reaction <= Math.round(20_000 * scale); reaction += 1) {
    const onComment = reaction % 5 !== 0;
    await write("reactions", {
      id: reaction, reactable_type: onComment ? "Comment" : "Discussion", reactable_id: onComment ? 1 + random(comments) : 1 + random(discussions),
      user_id: 1 + random(users), reaction: ["+1", "heart", "tada", "smile", "pray", "eyes"][reaction % 6], created_at: time(500_000 + reaction),
    });
  }
  let membership = 0;
  for (let group = 1; group <= 4; group += 1) {
    for (let user = 1; user <= users; user += group === 1 ? 1 : 4) {
      membership += 1;
      await write("memberships", { id: membership, group_id: group, user_id: user, admin: user <= 3, accepted_at: time(user), created_at: time(user) });
    }
  }
  for (let discussion = 1; discussion <= discussions; discussion += 1) {
    await write("discussions", {
      id: discussion, group_id: groupOf(discussion), author_id: 1 + random(users), title: `Discussion ${discussion}`,
      description: discussion % 2 ? `<p>What do we think about <em>item ${discussion}</em>?</p>` : `What do we think about **item ${discussion}**?`,
      description_format: discussion % 2 ? "html" : "md", tags: discussion % 3 ? [] : ["budget"], last_activity_at: time(900_000), created_at: time(9_000 + discussion),
    });
  }
  let option = 0;
  let stance = 0;
  let choice = 0;
  const optionIds: number[][] = [];
  for (let poll = 1; poll <= polls; poll += 1) {
    const kind = kinds[poll % kinds.length]!;
    const discussion = poll % 5 === 0 ? null : 1 + ((poll * 4) % discussions);
    await write("polls", {
      id: poll, group_id: discussion ? groupOf(discussion) : 1, discussion_id: discussion, author_id: 1 + random(users), title: `Poll ${poll}`,
      details: "Please vote", details_format: "md", poll_type: kind, closing_at: time(800_000), closed_at: time(800_000), anonymous: poll % 7 === 0,
      hide_results: 0, min_score: 0, max_score: 5, minimum_stance_choices: 1, maximum_stance_choices: 2, dots_per_person: 10, created_at: time(20_000 + poll),
    });
    const ids: number[] = [];
    for (let index = 0; kind !== "question" && index < 4; index += 1) {
      option += 1;
      ids.push(option);
      await write("poll_options", { id: option, poll_id: poll, name: kind === "meeting" ? time(1_000_000 + index * 60) : `Option ${index + 1}`, priority: index });
    }
    optionIds[poll] = ids;
  }
  for (let poll = 1; poll <= polls; poll += 2) {
    await write("outcomes", { id: poll, poll_id: poll, author_id: 1, statement: `<p>Outcome of poll ${poll}</p>`, statement_format: "html", latest: true, created_at: time(850_000) });
  }
  for (let poll = 1; poll <= polls; poll += 1) {
    const kind = kinds[poll % kinds.length]!;
    const ids = optionIds[poll]!;
    for (let vote = 0; vote < votesPerPoll; vote += 1) {
      stance += 1;
      await write("stances", {
        id: stance, poll_id: poll, participant_id: poll % 7 === 0 ? null : 1 + ((poll + vote * 37) % users), reason: vote % 3 ? null : "Because",
        reason_format: "md", latest: true, cast_at: time(700_000 + stance), created_at: time(700_000 + stance),
      });
      const scores: [number, number][] =
        kind === "question" ? [] :
        kind === "score" || kind === "meeting" ? ids.map((id) => [id, random(kind === "meeting" ? 3 : 6)]) :
        kind === "dot_vote" ? [[ids[0]!, 6], [ids[1 + random(3)]!, 4]] :
        kind === "ranked_choice" ? ids.map((id, index) => [id, ids.length - ((index + vote) % ids.length)]) :
        [[ids[random(ids.length)]!, 1]];
      for (const [optionId, score] of scores) {
        choice += 1;
        await write("stance_choices", { id: choice, stance_id: stance, poll_option_id: optionId, score });
      }
    }
  }
  let reader = 0;
  for (let discussion = 1; discussion <= discussions; discussion += 1) {
    for (let index = 0; index < 10; index += 1) {
      reader += 1;
      await write("discussion_readers", { id: reader, discussion_id: discussion, user_id: 1 + ((discussion + index * 53) % users), last_read_at: index % 2 ? time(900_000) : null, guest: false });
    }
  }
  commentId = 0;
  for (let discussion = 1; discussion <= discussions; discussion += 1) {
    const first = commentId + 1;
    for (let index = 0; index < commentsOf(discussion); index += 1) {
      commentId += 1;
      const reply = index > 0 && index % 4 === 0;
      const html = commentId % 2 === 0;
      const words = `comment ${commentId}: a few sentences of the kind people write in a long discussion, with a link to https://example.org/${commentId} and some thoughts.`;
      await write("comments", {
        id: commentId, discussion_id: discussion, user_id: 1 + random(users), parent_id: reply ? first + random(index) : discussion,
        parent_type: reply ? "Comment" : "Discussion", body: html ? `<p>This is <strong>${words}</strong></p>` : `This is **${words}**`,
        body_format: html ? "html" : "md", discarded_at: commentId % 97 === 0 ? time(950_000) : null, created_at: time(10_000 + commentId),
      });
    }
  }
  for (let attachment = 1; attachment <= Math.round(1_000 * scale); attachment += 1) {
    await write("attachments", { id: attachment, record_type: "Comment", record_id: 1 + random(comments), filename: `file-${attachment}.pdf`, content_type: "application/pdf", url: `https://www.loomio.com/files/${attachment}` });
  }
  out.end();
  await once(out, "finish");
  return { lines, bytes: out.bytesWritten };
}
