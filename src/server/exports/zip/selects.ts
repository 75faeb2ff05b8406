/** A person as the CSV files name them: id (to match members.csv) and name. */
export const person = { select: { id: true, name: true } } as const;

/** The group of a row, by handle: a download of a group holds its subgroups too. */
export const groupHandle = { select: { handle: true } } as const;
