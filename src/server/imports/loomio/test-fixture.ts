import { writeFileSync } from "node:fs";
import { loomioLine } from "@/server/imports/loomio/loomio-format";

/**
 * Loomio exports for the importer's tests, built record by record in Loomio's format. `lines()`
 * writes them in reverse order of building: children before their parents, tables interleaved.
 */
export type Row = Record<string, unknown>;

const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
/** A Loomio time `minutes` after the fixture's start. */
export const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

export class LoomioFixture {
  readonly records: { table: string; record: Row }[] = [];
  private next = 10_000;

  add(table: string, record: Row): Row {
    this.records.push({ table, record });
    return record;
  }

  id(): number {
    return (this.next += 1);
  }

  of(table: string): Row[] {
    return this.records.filter((one) => one.table === table).map((one) => one.record);
  }

  lines(): string[] {
    return this.records.map(({ table, record }) => loomioLine(table, record)).reverse();
  }

  write(file: string, extraLines: string[] = []): string {
    writeFileSync(file, [...this.lines(), ...extraLines].join("\n") + "\n");
    return file;
  }

  /** A poll with its options and votes. Choices are option names with Loomio's stance_choices scores. */
  poll(args: {
    id: number;
    kind: string;
    groupId: number;
    discussionId: number | null;
    options: string[];
    votes: { voter: number | null; choices: Record<string, number>; reason?: string; latest?: boolean; cast?: number | null; noneOfTheAbove?: boolean }[];
    settings?: Row;
    closed?: boolean;
  }): { poll: Row; options: Map<string, number>; stances: Row[] } {
    const poll = this.add("polls", {
      id: args.id,
      group_id: args.groupId,
      discussion_id: args.discussionId,
      author_id: 1,
      title: `A ${args.kind} poll`,
      details: `<p>Details of the <em>${args.kind}</em> poll</p>`,
      details_format: "html",
      poll_type: args.kind,
      closing_at: at(5_000),
      closed_at: args.closed === false ? null : at(4_000),
      anonymous: false,
      hide_results: 0,
      specified_voters_only: false,
      stance_reason_required: 1,
      voter_can_add_options: false,
      show_none_of_the_above: false,
      shuffle_options: false,
      stance_counts: [99, 99],
      created_at: at(100),
      ...args.settings,
    });
    const options = new Map<string, number>();
    args.options.forEach((name, priority) => {
      const id = this.id();
      options.set(name, id);
      this.add("poll_options", { id, poll_id: args.id, name, priority, voter_count: 42 });
    });
    const stances = args.votes.map((vote, index) => {
      const id = this.id();
      const cast = vote.cast === undefined ? 200 + index : vote.cast;
      const stance = this.add("stances", {
        id,
        poll_id: args.id,
        participant_id: vote.voter,
        reason: vote.reason ?? null,
        reason_format: "md",
        latest: vote.latest ?? true,
        cast_at: cast === null ? null : at(cast),
        option_scores: Object.fromEntries(Object.entries(vote.choices).map(([name, score]) => [String(options.get(name)), score])),
        none_of_the_above: vote.noneOfTheAbove ?? false,
        created_at: at(150 + index),
      });
      for (const [name, score] of Object.entries(vote.choices)) {
        this.add("stance_choices", { id: this.id(), stance_id: id, poll_option_id: options.get(name), score, created_at: at(200 + index) });
      }
      return stance;
    });
    return { poll, options, stances };
  }
}

export const SECRETS = [
  "SECRET-api-key-1f9a",
  "SECRET-auth-token-77c",
  "SECRET-remember-token-31",
  "SECRET-unlock-token-0e",
  "SECRET-secret-token-a5",
  "SECRET-unsubscribe-token-9d",
  "SECRET-email-api-key-4b",
  "$2a$12$SECRETbcrypthashvaluewhichmustneverbestored",
  "SECRET-reset-password-token-c2",
  "203.0.113.77",
  "198.51.100.23",
];

function secrets(n: number): Row {
  return {
    api_key: `${SECRETS[0]}-${n}`,
    authentication_token: `${SECRETS[1]}-${n}`,
    remember_token: `${SECRETS[2]}-${n}`,
    unlock_token: `${SECRETS[3]}-${n}`,
    secret_token: `${SECRETS[4]}-${n}`,
    unsubscribe_token: `${SECRETS[5]}-${n}`,
    email_api_key: `${SECRETS[6]}-${n}`,
    encrypted_password: SECRETS[7],
    reset_password_token: `${SECRETS[8]}-${n}`,
    current_sign_in_ip: SECRETS[9],
    last_sign_in_ip: SECRETS[10],
  };
}

/** Loomio user ids in the rich export, by role in the story. */
export const PEOPLE = { ada: 1, ben: 2, cleo: 3, dan: 4, gus: 5, nomail: 6, rita: 7, sam: 8, eve: 9, fay: 10 } as const;

/**
 * One group with a subgroup and everything Loomio exports: people (one matched by email to
 * `cleoEmail`, one deactivated, one without an email, secrets in every row), memberships of every
 * state, requests, discussions (one deleted), comments in every shape, reactions on every kind of
 * record, readers and a guest, a poll of every kind (anonymous, hidden results, standalone, vote
 * history, undecided voters, a deleted poll), outcomes, attachments and templates.
 */
export function richExport(options: { groupKey: string; cleoEmail: string; handle: string }): LoomioFixture {
  const fx = new LoomioFixture();
  const { ada, ben, cleo, dan, gus, nomail, rita, sam, eve, fay } = PEOPLE;
  const user = (id: number, row: Row) => fx.add("users", { id, created_at: at(-1_000), time_zone: "Europe/London", ...secrets(id), ...row });
  user(ada, { name: "Ada Lovelace", username: "ada", email: "ada@loomio.example", short_bio: "<p>Counting <b>engines</b></p>", short_bio_format: "html" });
  user(ben, { name: "Ben Okri", email: "ben@loomio.example" });
  user(cleo, { name: "Cleo in Loomio", email: options.cleoEmail.toUpperCase() });
  user(dan, { name: "Dan Gone", email: "dan@loomio.example", deactivated_at: at(-10) });
  user(gus, { name: "Gus Guest", email: "gus@loomio.example" });
  user(nomail, { name: null, username: "quiet_one", email: null });
  user(rita, { name: "Rita Asks", email: "rita@loomio.example" });
  user(sam, { name: "Sam Sub", email: "sam@loomio.example" });
  user(eve, { name: "Eve Voter", email: "eve@loomio.example" });
  user(fay, { name: "Fay Voter", email: "fay@loomio.example" });

  fx.add("groups", {
    id: 100, name: "Climate Circle", full_name: "Climate Circle", handle: options.handle, key: options.groupKey, parent_id: null,
    description: "<p>We <strong>act</strong> together.</p><script>alert('x')</script>", description_format: "html",
    members_can_add_members: true, members_can_raise_motions: false, memberships_count: 999, created_at: at(-900),
  });
  fx.add("groups", {
    id: 101, name: "Working Group", full_name: "Climate Circle - Working Group", handle: null, key: `${options.groupKey}-wg`, parent_id: 100,
    description: "The **working** group", description_format: "md", created_at: at(-800),
  });
  const member = (id: number, group: number, userId: number, row: Row = {}) =>
    fx.add("memberships", { id, group_id: group, user_id: userId, admin: false, accepted_at: at(-700), created_at: at(-710), ...row });
  member(1001, 100, ada, { admin: true });
  member(1002, 100, ben);
  member(1003, 100, cleo, { inviter_id: ada });
  member(1004, 100, dan);
  member(1005, 100, eve);
  member(1006, 100, fay);
  member(1007, 101, sam);
  member(1008, 100, nomail, { revoked_at: at(-5) });
  member(1009, 100, rita, { accepted_at: null });
  member(1010, 101, ben, { admin: true });
  fx.add("membership_requests", { id: 1100, group_id: 100, requestor_id: rita, name: "Rita", email: "rita@loomio.example", introduction: "Let me in, please", created_at: at(-20) });
  fx.add("membership_requests", { id: 1101, group_id: 100, requestor_id: null, name: "Stranger", email: "stranger@example.org", introduction: "Hello", created_at: at(-19) });
  fx.add("poll_templates", { id: 900, group_id: 100, poll_type: "proposal", process_name: "Quick consent", process_subtitle: "Say yes unless", poll_options: [{ name: "consent" }, { name: "objection" }], hide_results: 2, stance_reason_required: 2 });
  fx.add("poll_templates", { id: 901, group_id: 100, poll_type: "sortition", process_name: "Lottery" });

  fx.add("discussions", {
    id: 200, group_id: 100, author_id: ada, title: "Budget 2025", description: "<h2>Plan</h2><p>Read <a href=\"https://example.org\">this</a></p>",
    description_format: "html", tags: ["Climate action", "#budget"], pinned_at: at(10), last_activity_at: at(3_000), items_count: 77, created_at: at(0),
  });
  fx.add("discussions", { id: 201, group_id: 100, author_id: ben, title: "Deleted", description: "gone", description_format: "md", discarded_at: at(50), created_at: at(1) });
  fx.add("discussions", { id: 202, group_id: 101, author_id: sam, title: "Subgroup talk", description: "Hello *sub*", description_format: "md", closed_at: at(2_000), created_at: at(2) });

  const comment = (id: number, discussion: number, userId: number, minutes: number, row: Row = {}) =>
    fx.add("comments", { id, discussion_id: discussion, user_id: userId, parent_id: discussion, parent_type: "Discussion", body: `Comment ${id}`, body_format: "md", created_at: at(minutes), ...row });
  comment(300, 200, ben, 20, { body: "<p>First <em>thoughts</em></p>", body_format: "html" });
  comment(301, 200, cleo, 21, { parent_id: 300, parent_type: "Comment" });
  comment(302, 200, ada, 22, { parent_id: 301, parent_type: "Comment" });
  comment(303, 200, ben, 23, { discarded_at: at(30), body: "regrettable words" });
  comment(304, 200, cleo, 24, { parent_id: 303, parent_type: "Comment" });
  comment(305, 200, ben, 25, { discarded_at: at(31), body: "also regrettable" });
  comment(307, 200, dan, 27);
  comment(308, 200, nomail, 28);
  comment(309, 200, eve, 29, { edited_at: at(35) });
  comment(310, 202, sam, 40);
  comment(320, 201, ben, 41);

  const proposal = fx.poll({
    id: 500, kind: "proposal", groupId: 100, discussionId: 200, options: ["agree", "abstain", "disagree", "block"],
    votes: [
      { voter: ada, choices: { agree: 1 }, reason: "Good plan" },
      { voter: ben, choices: { disagree: 1 }, latest: false, cast: 210 },
      { voter: ben, choices: { agree: 1 }, cast: 260, reason: "Changed my mind" },
      { voter: cleo, choices: { block: 1 }, reason: "Too fast" },
      { voter: eve, choices: { abstain: 1 } },
      { voter: fay, choices: {}, cast: null },
    ],
  });
  comment(306, 200, ada, 300, { parent_id: proposal.stances[0]!.id, parent_type: "Stance" });
  fx.add("outcomes", { id: 700, poll_id: 500, author_id: ada, statement: "<p>We go ahead</p>", statement_format: "html", poll_option_id: proposal.options.get("agree"), review_on: "2025-09-01", latest: true, created_at: at(4_100) });
  fx.add("outcomes", { id: 701, poll_id: 500, author_id: ada, statement: "Draft outcome", statement_format: "md", latest: false, created_at: at(4_050) });

  fx.poll({
    id: 510, kind: "poll", groupId: 100, discussionId: null, options: ["Red", "Green", "Blue"],
    settings: { minimum_stance_choices: 1, maximum_stance_choices: 2, show_none_of_the_above: true, shuffle_options: true },
    votes: [
      { voter: ada, choices: { Red: 1, Green: 1 } },
      { voter: ben, choices: { Green: 1 } },
      { voter: cleo, choices: {}, noneOfTheAbove: true },
      { voter: eve, choices: { Blue: 1, Green: 1 } },
    ],
  });
  fx.poll({ id: 520, kind: "count", groupId: 100, discussionId: 200, options: ["yes", "no"], settings: { agree_target: 3 }, votes: [{ voter: ada, choices: { yes: 1 } }, { voter: ben, choices: { yes: 1 } }, { voter: eve, choices: { no: 1 } }] });
  fx.poll({ id: 530, kind: "check", groupId: 100, discussionId: 200, options: ["looks_good", "not_sure", "concerned"], votes: [{ voter: ada, choices: { looks_good: 1 } }, { voter: fay, choices: { concerned: 1 } }] });
  fx.poll({ id: 540, kind: "question", groupId: 100, discussionId: 200, options: [], settings: { stance_reason_required: 2 }, votes: [{ voter: ada, choices: {}, reason: "Trains" }, { voter: ben, choices: {}, reason: "Bikes" }] });
  fx.poll({
    id: 550, kind: "score", groupId: 100, discussionId: 200, options: ["Plan A", "Plan B"], settings: { min_score: 0, max_score: 5, hide_results: 1 },
    votes: [{ voter: ada, choices: { "Plan A": 5, "Plan B": 0 } }, { voter: ben, choices: { "Plan A": 2, "Plan B": 4 } }, { voter: cleo, choices: { "Plan B": 3 } }],
  });
  fx.poll({
    id: 560, kind: "dot_vote", groupId: 100, discussionId: 200, options: ["Trees", "Solar", "Bikes"], settings: { dots_per_person: 10 },
    votes: [{ voter: ada, choices: { Trees: 6, Solar: 4 } }, { voter: ben, choices: { Bikes: 10 } }, { voter: eve, choices: { Trees: 3, Solar: 3, Bikes: 4 } }],
  });
  // Ranked choice: score = options − rank index (4 options: first choice 4).
  fx.poll({
    id: 570, kind: "ranked_choice", groupId: 100, discussionId: 200, options: ["W", "X", "Y", "Z"], settings: { minimum_stance_choices: 1 },
    votes: [
      { voter: ada, choices: { X: 4, W: 3, Z: 2, Y: 1 } },
      { voter: ben, choices: { Y: 4, X: 3 } },
      { voter: cleo, choices: { W: 4, Y: 3, X: 2, Z: 1 } },
      { voter: eve, choices: { X: 4 } },
    ],
  });
  fx.poll({
    id: 580, kind: "meeting", groupId: 101, discussionId: 202, options: ["2025-03-01T10:00:00.000Z", "2025-03-02T14:30:00Z", "2025-03-03T09:00:00Z"],
    settings: { custom_fields: { meeting_duration: 60, time_zone: "Europe/London", can_respond_maybe: true } },
    votes: [
      { voter: sam, choices: { "2025-03-01T10:00:00.000Z": 2, "2025-03-02T14:30:00Z": 1, "2025-03-03T09:00:00Z": 0 } },
      { voter: ben, choices: { "2025-03-01T10:00:00.000Z": 0, "2025-03-02T14:30:00Z": 2, "2025-03-03T09:00:00Z": 2 } },
    ],
  });
  fx.poll({
    id: 590, kind: "proposal", groupId: 100, discussionId: 200, options: ["agree", "disagree"], settings: { anonymous: true, hide_results: 2 },
    votes: [
      { voter: null, choices: { agree: 1 }, reason: "Secretly yes" },
      { voter: null, choices: { agree: 1 } },
      { voter: null, choices: { disagree: 1 } },
      { voter: null, choices: { disagree: 1 }, latest: false, cast: 205 },
    ],
  });
  fx.add("outcomes", { id: 702, poll_id: 590, author_id: ben, statement: "Agreed, quietly", statement_format: "md", latest: true, created_at: at(4_200) });
  fx.poll({ id: 595, kind: "poll", groupId: 100, discussionId: 200, options: ["One", "Two"], settings: { discarded_at: at(60) }, votes: [{ voter: ada, choices: { One: 1 } }] });

  const reaction = (id: number, type: string, reactable: number, userId: number, name: string) =>
    fx.add("reactions", { id, reactable_type: type, reactable_id: reactable, user_id: userId, reaction: name, created_at: at(500) });
  reaction(400, "Discussion", 200, ben, "+1");
  reaction(401, "Comment", 300, ada, ":heart:");
  reaction(402, "Comment", 301, ben, "🎉");
  reaction(403, "Poll", 500, ada, "+1");
  reaction(404, "Stance", Number(proposal.stances[0]!.id), ben, "heart");
  reaction(405, "Outcome", 700, cleo, "+1");
  reaction(406, "Comment", 303, ada, "+1");
  reaction(407, "Discussion", 200, cleo, "unicorn");
  reaction(408, "Discussion", 201, ada, "+1");
  reaction(409, "Discussion", 200, ben, ":thumbsup:");

  fx.add("discussion_readers", { id: 450, user_id: gus, discussion_id: 200, guest: true, inviter_id: ada, last_read_at: at(25), created_at: at(5) });
  fx.add("discussion_readers", { id: 451, user_id: ben, discussion_id: 200, guest: false, last_read_at: at(21.5), created_at: at(5) });
  fx.add("discussion_readers", { id: 452, user_id: cleo, discussion_id: 200, guest: false, last_read_at: null, created_at: at(5) });

  const attachment = (id: number, type: string, record: number, filename: string) =>
    fx.add("attachments", { id, record_type: type, record_id: record, filename, content_type: "application/pdf", byte_size: 1234, url: `https://www.loomio.com/rails/active_storage/${id}/${filename}`, created_at: at(600) });
  attachment(800, "Discussion", 200, "minutes.pdf");
  attachment(801, "Comment", 300, "photo.jpg");
  attachment(802, "Poll", 500, "budget.xlsx");
  attachment(803, "Poll", 510, "standalone.pdf");
  attachment(804, "Group", 100, "logo.png");

  fx.add("events", { id: 5000, kind: "new_discussion", eventable_type: "Discussion", eventable_id: 200, user_id: ada, discussion_id: 200, sequence_id: 1, created_at: at(0) });
  fx.add("notifications", { id: 5001, user_id: ben, event_id: 5000, viewed: true, created_at: at(0) });
  fx.add("discussion_templates", { id: 5002, group_id: 100, title: "Template", created_at: at(0) });
  return fx;
}
