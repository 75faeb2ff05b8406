import { z } from "zod";

/** An uploaded file as the UI shows it; `url` downloads it (authorised on every request). */
export const zFileSummary = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number().int(),
  contentType: z.string(),
  url: z.string(),
});
export type FileSummary = z.infer<typeof zFileSummary>;

/** Files attached when something is created: ids from `POST /api/uploads` by the caller. */
export const zAttachmentIds = z
  .array(z.string().min(1).max(64))
  .max(10, "Attach at most 10 files")
  .transform((ids) => [...new Set(ids)]);
