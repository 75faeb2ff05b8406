import type { DbClient } from "@/server/groups/ancestry";
import type { AUDIT_ACTIONS, AuditAction, AuditValues } from "@/server/audit/actions";

/** One entry to write: what was done in which group, by whom (null: Hearth itself), to what. */
export type AuditEntryInput = {
  [A in AuditAction]: {
    groupId: string;
    actorId: string | null;
    action: A;
    /** `label` is the subject's name now (a title, a person's name, an address), kept for when it is gone. */
    subject: { type: (typeof AUDIT_ACTIONS)[A]["subjects"][number]; id: string | null; label: string };
    /** Only the fields that changed, as plain values; never secrets. */
    before?: AuditValues;
    after?: AuditValues;
  };
}[AuditAction];

const stored = (values: AuditValues | undefined) => (values && Object.keys(values).length > 0 ? JSON.stringify(values) : "");

/**
 * Writes audit entries with `client`: the transaction of the change they record, so an entry
 * exists exactly when its change does. It returns Prisma's promise unawaited, so it also fits in
 * a batch (`db.$transaction([…, recordAudit(db, entry)])`). Entries are only ever added: nothing
 * in Hearth changes or deletes them (audit/append-only.test.ts checks the code for it).
 */
export function recordAudit(client: DbClient, entries: AuditEntryInput | readonly AuditEntryInput[]) {
  const list: readonly AuditEntryInput[] = Array.isArray(entries) ? entries : [entries as AuditEntryInput];
  return client.auditEntry.createMany({
    data: list.map((entry) => ({
      groupId: entry.groupId,
      actorId: entry.actorId,
      action: entry.action,
      subjectType: entry.subject.type,
      subjectId: entry.subject.id,
      subjectLabel: entry.subject.label,
      before: stored(entry.before),
      after: stored(entry.after),
    })),
  });
}
