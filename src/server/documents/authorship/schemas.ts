import { z } from "zod";

/** Without `versionId`, the document as it reads now. */
export const zAuthorshipInput = z.object({ id: z.string().min(1).max(100), versionId: z.string().min(1).max(100).optional() });
export type AuthorshipInput = z.infer<typeof zAuthorshipInput>;

const zBlockKind = z.enum(["heading", "paragraph", "bullet", "ordered", "code", "row", "rule"]);

export const zAuthorship = z.object({
  versionId: z.string().nullable(),
  /** The agreed text (open suggested insertions left out) top to bottom, in runs by one author. */
  blocks: z.array(
    z.object({
      kind: zBlockKind,
      level: z.number().int(),
      quote: z.boolean(),
      /** `authorId` null: written before authorship was recorded, or by the server for nobody ("Earlier edits"). */
      runs: z.array(z.object({ text: z.string(), authorId: z.string().nullable() })),
    }),
  ),
  /** Everyone with text in it, by name. */
  authors: z.array(z.object({ id: z.string(), name: z.string() })),
  hasEarlierEdits: z.boolean(),
});
export type AuthorshipDto = z.infer<typeof zAuthorship>;
