import type { EmailLevel } from "@/server/notifications/schemas";

/**
 * Each email level as the sentence people choose, with an example of what it sends. Shared by
 * the settings page and the emails themselves ("you get this because…"), so they always agree.
 */
export const LEVEL_SENTENCES: Record<EmailLevel, { label: string; example: string }> = {
  all: {
    label: "Email me about everything",
    example: "e.g. “Ali Reyes started “Budget” in Steering”, as well as mentions, replies and decisions",
  },
  important: {
    label: "Email me only about mentions, replies and decisions",
    example: "e.g. “Priya Shah mentioned you in Charter” and “Outcome: Adopt the charter”",
  },
  digest: {
    label: "Send me a daily digest instead",
    example: "e.g. one email each morning: “Steering: 3 new — Sam started “Budget”, Priya shared the outcome of “Venue”…”",
  },
  none: { label: "Email me nothing", example: "Only invitations and password resets, which are always sent" },
};
