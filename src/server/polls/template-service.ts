import type { z } from "zod";
import { RANKED_METHODS } from "@/lib/tallies/ranked";
import { STV_METHODS } from "@/lib/tallies/stv";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { requireInGroup } from "@/server/groups/standing";
import type { zSaveTemplateInput, zTemplate } from "@/server/polls/schemas";
import { BUILT_IN_TEMPLATES, DEFAULT_OPTIONS, type TemplateDefaults } from "@/server/polls/templates";
import { votingRuleColumns } from "@/server/polls/voting-rules";

type Template = z.infer<typeof zTemplate>;

/** Hearth's decision processes, followed by the group's own. */
export async function listTemplates(db: Db, userId: string, groupId: string): Promise<Template[]> {
  await requireInGroup(db, userId, groupId, "group.view");
  const own = await db.pollTemplate.findMany({ where: { groupId }, select: { id: true, name: true, kind: true, settings: true }, orderBy: { name: "asc" } });
  return [
    ...BUILT_IN_TEMPLATES.map((template) => ({ ...template, builtIn: true })),
    ...own.map((template) => {
      const { description, ...defaults } = JSON.parse(template.settings) as TemplateDefaults & { description?: string };
      return { key: template.id, name: template.name, kind: template.kind, description: description ?? "", builtIn: false, defaults };
    }),
  ];
}

export async function saveTemplate(db: Db, userId: string, input: z.infer<typeof zSaveTemplateInput>): Promise<{ key: string }> {
  await requireInGroup(db, userId, input.groupId, "group.update");
  const { countingMethod, seats } = input.defaults;
  const methods: readonly string[] = input.kind === "ranked_choice" ? RANKED_METHODS : input.kind === "stv" ? STV_METHODS : [];
  if (countingMethod && !methods.includes(countingMethod)) {
    throw new AppError(
      "BAD_REQUEST",
      methods.length
        ? `This kind of poll is counted by ${methods.join(", ")}.`
        : "Only ranked-choice and election templates have a counting method: leave it out for this kind of poll.",
    );
  }
  if (seats !== undefined && input.kind !== "stv") throw new AppError("BAD_REQUEST", "Only election templates have seats: leave them out for this kind of poll.");
  votingRuleColumns(input.kind, input.defaults.options ?? DEFAULT_OPTIONS[input.kind] ?? [], input.defaults);
  const existing = await db.pollTemplate.findUnique({ where: { groupId_name: { groupId: input.groupId, name: input.name } }, select: { id: true } });
  if (existing) throw new AppError("CONFLICT", `This group already has a template called “${input.name}”.`);
  const template = await db.pollTemplate.create({
    data: { groupId: input.groupId, name: input.name, kind: input.kind, settings: JSON.stringify({ ...input.defaults, description: input.description }) },
    select: { id: true },
  });
  return { key: template.id };
}
