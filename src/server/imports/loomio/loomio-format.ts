/**
 * The columns of the Loomio tables Hearth reads, as Loomio's export writes them (every column,
 * most of them null). Used to write export files for tests and the benchmark in Loomio's own
 * shape; the importer itself reads only the columns it needs and ignores the rest.
 */
export const LOOMIO_COLUMNS: Record<string, readonly string[]> = {
  groups: [
    "id", "name", "full_name", "handle", "key", "parent_id", "description", "description_format", "creator_id", "archived_at",
    "is_visible_to_public", "members_can_add_members", "members_can_start_discussions", "members_can_raise_motions",
    "memberships_count", "discussions_count", "created_at", "updated_at",
  ],
  users: [
    "id", "email", "name", "username", "short_bio", "short_bio_format", "time_zone", "avatar_initials", "deactivated_at", "created_at",
    "updated_at", "api_key", "authentication_token", "remember_token", "unlock_token", "secret_token", "unsubscribe_token",
    "email_api_key", "encrypted_password", "reset_password_token", "current_sign_in_ip", "last_sign_in_ip", "email_verified",
  ],
  memberships: ["id", "group_id", "user_id", "inviter_id", "admin", "delegate", "title", "accepted_at", "revoked_at", "volume", "created_at", "updated_at"],
  membership_requests: ["id", "group_id", "name", "email", "introduction", "requestor_id", "responder_id", "response", "responded_at", "created_at"],
  discussions: [
    "id", "group_id", "author_id", "title", "description", "description_format", "private", "closed_at", "closer_id", "pinned_at",
    "discarded_at", "tags", "key", "items_count", "last_activity_at", "created_at", "updated_at",
  ],
  discussion_readers: ["id", "user_id", "discussion_id", "last_read_at", "guest", "inviter_id", "revoked_at", "volume", "created_at"],
  comments: [
    "id", "discussion_id", "user_id", "parent_id", "parent_type", "body", "body_format", "edited_at", "discarded_at", "versions_count",
    "created_at", "updated_at",
  ],
  reactions: ["id", "reactable_type", "reactable_id", "user_id", "reaction", "created_at", "updated_at"],
  polls: [
    "id", "group_id", "discussion_id", "author_id", "title", "details", "details_format", "poll_type", "closing_at", "closed_at",
    "discarded_at", "anonymous", "hide_results", "specified_voters_only", "stance_reason_required", "min_score", "max_score",
    "minimum_stance_choices", "maximum_stance_choices", "dots_per_person", "agree_target", "voter_can_add_options",
    "show_none_of_the_above", "shuffle_options", "custom_fields", "process_name", "tags", "stance_counts", "voters_count",
    "created_at", "updated_at",
  ],
  poll_options: ["id", "poll_id", "name", "priority", "icon", "meaning", "prompt", "voter_count", "total_score"],
  stances: [
    "id", "poll_id", "participant_id", "reason", "reason_format", "latest", "cast_at", "option_scores", "none_of_the_above", "guest",
    "revoked_at", "created_at", "updated_at",
  ],
  stance_choices: ["id", "stance_id", "poll_option_id", "score", "created_at"],
  outcomes: ["id", "poll_id", "author_id", "statement", "statement_format", "poll_option_id", "review_on", "latest", "created_at"],
  poll_templates: [
    "id", "group_id", "author_id", "poll_type", "process_name", "process_subtitle", "title", "details", "anonymous", "hide_results",
    "stance_reason_required", "poll_options", "discarded_at", "created_at",
  ],
  attachments: ["id", "record_type", "record_id", "filename", "content_type", "byte_size", "url", "created_at"],
  events: ["id", "kind", "eventable_type", "eventable_id", "user_id", "discussion_id", "sequence_id", "parent_id", "created_at"],
  notifications: ["id", "user_id", "event_id", "viewed", "created_at"],
  discussion_templates: ["id", "group_id", "title", "description", "created_at"],
};

/** One line of a Loomio export: every column of the table, null unless given. */
export function loomioLine(table: string, record: Record<string, unknown>): string {
  const full = Object.fromEntries((LOOMIO_COLUMNS[table] ?? []).map((column) => [column, null]));
  return JSON.stringify({ table, record: { ...full, ...record } });
}
