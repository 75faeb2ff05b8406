import { actorName, auditSentence, fieldLabel, type AuditValue, type AuditValues } from "@/server/audit/actions";
import type { AuditEntryDto } from "@/server/audit/schemas";

/** The columns every reader of the log selects. */
export const auditRowSelect = {
  id: true,
  action: true,
  subjectType: true,
  subjectId: true,
  subjectLabel: true,
  before: true,
  after: true,
  createdAt: true,
  actor: { select: { id: true, name: true } },
} as const;

export type AuditRow = {
  id: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  subjectLabel: string;
  before: string;
  after: string;
  createdAt: Date;
  actor: { id: string; name: string } | null;
};

const isValue = (value: unknown): value is AuditValue =>
  value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean";

/** The stored JSON object of plain values; anything else (an empty column, a damaged row) reads as no values. */
export function parseValues(stored: string): AuditValues {
  if (!stored) return {};
  try {
    const parsed: unknown = JSON.parse(stored);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, AuditValue] => isValue(entry[1])));
  } catch {
    return {};
  }
}

const TIME_FIELDS = new Set(["closingAt", "expiresAt"]);
const UTC_TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** A stored value as a person reads it: yes/no, "none" for nothing, times in UTC. */
export function displayValue(field: string, value: AuditValue | undefined): string {
  if (value === undefined) return "";
  if (value === null || value === "") return "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (TIME_FIELDS.has(field) && typeof value === "string" && !Number.isNaN(Date.parse(value))) {
    return `${UTC_TIME.format(new Date(value))} UTC`;
  }
  return String(value);
}

export function toAuditDto(row: AuditRow, url: string | null): AuditEntryDto {
  const before = parseValues(row.before);
  const after = parseValues(row.after);
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return {
    id: row.id,
    action: row.action,
    actor: row.actor,
    actorName: actorName(row.action, row.actor),
    sentence: auditSentence(row.action, row.actor, { subjectType: row.subjectType, label: row.subjectLabel, before, after }),
    subject: { type: row.subjectType, id: row.subjectId, label: row.subjectLabel, url },
    before,
    after,
    changes: fields.map((field) => ({
      field,
      label: fieldLabel(field),
      before: displayValue(field, before[field]),
      after: displayValue(field, after[field]),
    })),
    createdAt: row.createdAt,
  };
}
