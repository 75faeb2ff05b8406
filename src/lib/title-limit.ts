/** The longest title anything in Hearth may have; the server's schemas refuse longer ones with titleTooLong. */
export const TITLE_MAX = 200;

/** "Keep the title to 200 characters or fewer": the same words on the form as from the server. */
export function titleTooLong(max = TITLE_MAX, noun = "title"): string {
  return `Keep the ${noun} to ${max.toLocaleString("en-GB")} characters or fewer`;
}

/** How close to the limit a title gets before screen readers hear how many characters are left. */
export const TITLE_NEAR_LIMIT = 20;

/**
 * What a screen reader hears about a title's length: nothing until it nears the limit (a count
 * read out on every key would drown the typing), then what is left or how far over it is.
 */
export function titleLengthAnnouncement(length: number, max = TITLE_MAX): string {
  const left = max - length;
  if (left > TITLE_NEAR_LIMIT) return "";
  const characters = (count: number) => `${count.toLocaleString("en-GB")} ${count === 1 ? "character" : "characters"}`;
  return left >= 0 ? `${characters(left)} left` : `${characters(-left)} over the limit`;
}
