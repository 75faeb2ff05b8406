import { zEmail } from "@/server/users/schemas";
import { MAX_BIO_LENGTH } from "@/server/users/schemas";
import { Draft, newId, type Run } from "@/server/imports/loomio/draft";
import { date, fitted, markdown, text } from "@/server/imports/loomio/fields";
import { recordOf, type StagedRow } from "@/server/imports/loomio/staging";

/** An address that can never receive mail (the .invalid top-level domain), unique to the export and the person. */
export function placeholderEmail(origin: string, loomioId: string): string {
  const source = origin.replace(/^loomio:/, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").slice(0, 40) || "export";
  return `loomio-${source}-user-${loomioId}@invalid.invalid`;
}

type Person = { row: StagedRow; email: string; name: string; bio: string; createdAt: Date | null };

/**
 * People, a page at a time (one transaction each). Only whitelisted columns are read, so no
 * token, key or hash in the file reaches Hearth. Accounts imported before are matched by the
 * import map, others by email; the rest are created without a password, to be claimed later
 * through a link an admin sends.
 */
export async function importUsers(run: Run): Promise<void> {
  for (const page of run.staging.pages("users")) {
    const draft = new Draft(run);
    const earlier = page.filter((row) => row.target);
    const stillThere = new Set(
      (await run.db.user.findMany({ where: { id: { in: earlier.map((row) => row.target!) } }, select: { id: true } })).map(({ id }) => id),
    );
    const fresh: Person[] = [];
    for (const row of page) {
      if (row.target && stillThere.has(row.target)) {
        draft.match("users");
        draft.done(row);
      } else if (row.target) {
        draft.skip(row, "the account an earlier import made for this person has since been deleted in Hearth");
      } else {
        fresh.push(person(row, run.origin, draft));
      }
    }
    const existing = await run.db.user.findMany({ where: { email: { in: fresh.map(({ email }) => email) } }, select: { id: true, email: true } });
    const byEmail = new Map(existing.map((user) => [user.email, user.id]));
    const creating: { id: string; name: string; email: string; passwordHash: string; bio: string; createdAt?: Date }[] = [];
    for (const one of fresh) {
      const matchedId = draft.run.staging.userByEmail(one.email) ?? byEmail.get(one.email);
      if (matchedId) {
        draft.match("users");
        draft.map(one.row, matchedId);
        continue;
      }
      const id = newId();
      byEmail.set(one.email, id);
      creating.push({ id, name: one.name, email: one.email, passwordHash: "", bio: one.bio, ...(one.createdAt && { createdAt: one.createdAt }) });
      draft.addEmail(one.email, id);
      draft.create("users");
      draft.map(one.row, id);
    }
    draft.writeMany(creating, (batch) => (db) => db.user.createMany({ data: batch }));
    await draft.commit(null);
  }
}

function person(row: StagedRow, origin: string, draft: Draft): Person {
  const record = recordOf(row);
  const given = zEmail.safeParse(text(record.email));
  const email = given.success ? given.data : placeholderEmail(origin, row.id);
  if (!given.success) {
    draft.warn(
      `Line ${row.line}: user ${row.id} has ${text(record.email) ? "an email address Hearth cannot use" : "no email address"}, so their account (${email}) can never sign in or receive mail.`,
    );
  }
  const name = fitted(text(record.name).trim() || text(record.username).trim() || `Loomio user ${row.id}`, 100, `Line ${row.line}: the name of user ${row.id}`, (message) => draft.warn(message));
  let bio = markdown(record.short_bio, record.short_bio_format);
  if (bio.length > MAX_BIO_LENGTH) {
    draft.warn(`Line ${row.line}: the profile text of user ${row.id} is longer than Hearth's ${MAX_BIO_LENGTH} characters, so it was left out.`);
    bio = "";
  }
  return { row, email, name, bio, createdAt: date(record.created_at) };
}
