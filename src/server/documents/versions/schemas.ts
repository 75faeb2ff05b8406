import { z } from "zod";
import { withinSaneYears, zText } from "@/server/validation";

/** Infinite queries send null for the first page. */
export const zVersionListInput = z.object({ id: z.string().min(1), cursor: z.string().min(1).max(100).nullish() });

export const zNameVersionInput = z.object({
  id: z.string().min(1),
  name: zText().trim().min(1, "Give the version a name").max(120, "Keep the name under 120 characters"),
});

/** "current" compares with the document as it reads now. */
export const zDiffInput = z.object({
  id: z.string().min(1),
  fromVersionId: z.string().min(1),
  toVersionId: z.string().min(1),
});
export type DiffInput = z.infer<typeof zDiffInput>;

export const zVersionActionInput = z.object({ id: z.string().min(1), versionId: z.string().min(1) });

export const zProposeAdoptionInput = z.object({
  id: z.string().min(1),
  versionId: z.string().min(1),
  closingAt: withinSaneYears(z.coerce.date("Choose when the proposal closes")),
});
export type ProposeAdoptionInput = z.infer<typeof zProposeAdoptionInput>;

export const zVersionKind = z.enum(["auto", "named", "restore"]);
const zPerson = z.object({ id: z.string(), name: z.string() });

export const zVersion = z.object({
  id: z.string(),
  kind: zVersionKind,
  name: z.string().nullable(),
  /** What the history shows for the version: its name, or what kind of version it is. */
  label: z.string(),
  createdAt: z.date(),
  createdBy: zPerson.nullable(),
  /**
   * Everyone who edited the document since the version before this one, with what they did then;
   * `contribution` is null for versions recorded before contributions were counted.
   */
  authors: z.array(
    zPerson.extend({
      contribution: z
        .object({ wordsAdded: z.number().int(), wordsRemoved: z.number().int(), suggestionsAccepted: z.number().int() })
        .nullable(),
    }),
  ),
  /** When a proposal adopted this version; null if none has. */
  adoptedAt: z.date().nullable(),
  /** This is the group's current adopted vision of the document. */
  isAdopted: z.boolean(),
  proposal: z.object({ pollId: z.string(), title: z.string(), closed: z.boolean() }).nullable(),
});
export type VersionDto = z.infer<typeof zVersion>;

export const zVersionList = z.object({
  items: z.array(zVersion),
  nextCursor: z.string().nullable(),
  canEdit: z.boolean(),
  canPropose: z.boolean(),
});

export const zVersionRef = z.object({ id: z.string() });

const zBlockKind = z.enum(["heading", "paragraph", "bullet", "ordered", "code", "row", "rule"]);
const zPartChange = z.enum(["same", "inserted", "deleted"]);

export const zDiffBlock = z.object({
  kind: zBlockKind,
  level: z.number().int(),
  quote: z.boolean(),
  change: z.enum(["same", "inserted", "deleted", "changed"]),
  previous: z.object({ kind: zBlockKind, level: z.number().int() }).nullable(),
  parts: z.array(z.object({ text: z.string(), change: zPartChange })),
});

const zSide = z.object({ versionId: z.string().nullable(), label: z.string(), createdAt: z.date().nullable() });

export const zDiffResult = z.object({
  from: zSide,
  to: zSide,
  blocks: z.array(zDiffBlock),
  insertedWords: z.number().int(),
  deletedWords: z.number().int(),
});

export const zProposalRef = z.object({ pollId: z.string() });
