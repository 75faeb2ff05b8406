import bcrypt from "bcryptjs";

const COST = 11;
/** Compared against when no account matches, so a wrong email costs as long as a wrong password. */
const DUMMY_HASH = bcrypt.hashSync("hearth-timing-equaliser", COST);

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

/**
 * An empty hash is an imported account nobody has claimed yet: it is compared like a missing
 * account, so the answer's timing does not tell that the address has an account without a password.
 */
export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  const usable = hash ? hash : null;
  const matches = await bcrypt.compare(password, usable ?? DUMMY_HASH);
  return usable !== null && matches;
}
