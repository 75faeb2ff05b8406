import { z } from "zod";
import { MAX_RENDERED_MARKDOWN_LENGTH, markdownProblem } from "@/lib/markdown-limits";
import { cleanText } from "@/lib/text";

/**
 * Text people type, cleaned before any other check: NUL and other control characters dropped,
 * lone surrogate halves replaced (see cleanText). Chain `.trim()`, `.min()`, `.max()` after it.
 */
export const zText = () => z.string().overwrite(cleanText);

/**
 * The markdown limits (src/lib/markdown-limits.ts) as a refinement, for every field shown with
 * MarkdownText: `zText().trim().max(N, "…").superRefine(refineMarkdown)`. Text over the length
 * limit is left to `.max()` to refuse.
 */
export function refineMarkdown(value: string, context: z.RefinementCtx): void {
  if (value.length > MAX_RENDERED_MARKDOWN_LENGTH) return;
  const problem = markdownProblem(value);
  if (problem) context.addIssue({ code: "custom", message: problem });
}

export const EARLIEST_DATE = new Date(Date.UTC(1900, 0, 1));
/** The last moment of 2200. */
export const LATEST_DATE = new Date(Date.UTC(2201, 0, 1) - 1);
export const DATE_RANGE_MESSAGE = "Choose a date between 1900 and 2200.";

/**
 * Keeps dates within years people mean: a typo like year 20255 or 0202 would otherwise be
 * stored, sorted first or last for ever, and break calendar files and reminders.
 */
export function withinSaneYears<T extends z.ZodDate | z.ZodCoercedDate>(schema: T): T {
  // min and max answer the same kind of schema, which TypeScript loses for a union receiver.
  return schema.min(EARLIEST_DATE, DATE_RANGE_MESSAGE).max(LATEST_DATE, DATE_RANGE_MESSAGE) as T;
}
