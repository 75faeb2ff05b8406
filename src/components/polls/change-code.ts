/**
 * An anonymous voter's change code: the ballot's receipt and the secret key given with it,
 * as one string to copy ("RECEIPT-KEY"). The server needs both to change the vote.
 */
export function joinChangeCode(receipt: string, changeKey: string): string {
  return `${receipt}-${changeKey}`;
}

/**
 * Reads a change code as typed or pasted: spaces and case do not matter. A bare receipt (what
 * this browser kept before change keys existed) comes back with no key.
 */
export function parseChangeCode(text: string): { receipt: string; changeKey?: string } {
  const [receipt = "", ...rest] = text.replace(/\s+/g, "").toUpperCase().split("-");
  const changeKey = rest.join("");
  return changeKey ? { receipt, changeKey } : { receipt };
}
