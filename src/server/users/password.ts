import bcrypt from "bcryptjs";

const COST = 11;
/** Compared against when no account matches, so a wrong email costs as long as a wrong password. */
const DUMMY_HASH = bcrypt.hashSync("hearth-timing-equaliser", COST);

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  const matches = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return hash !== null && matches;
}
