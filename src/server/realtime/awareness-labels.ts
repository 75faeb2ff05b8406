import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { colorFor } from "@/lib/documents/colors";

/** Tiptap's caret puts the colour into a style attribute, so only `#rrggbb` may pass. */
const COLOUR = /^#[0-9a-f]{6}$/i;

type Seat = { userId: string; name: string };

export type LabelledAwareness = { clients: number[]; update: Uint8Array };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The state as others should see it: the caret's name is always the seat's, whatever the sender wrote. */
function labelled(state: Record<string, unknown>, seat: Seat): Record<string, unknown> {
  const user = isRecord(state.user) ? state.user : {};
  const color = typeof user.color === "string" && COLOUR.test(user.color) ? user.color : colorFor(seat.userId);
  return { ...state, user: { ...user, name: seat.name, color } };
}

/**
 * Reads a y-protocols awareness update sent from a document seat and writes it again with every
 * cursor labelled from the seat (name, and a safe colour), so nobody's caret can carry someone
 * else's name. Returns the client ids it speaks for, to be bound to the sender, and the update to
 * apply and relay; null when it cannot be read or a state is not an object.
 */
export function labelAwarenessUpdate(update: Uint8Array, seat: Seat): LabelledAwareness | null {
  try {
    const decoder = decoding.createDecoder(update);
    const encoder = encoding.createEncoder();
    const count = decoding.readVarUint(decoder);
    encoding.writeVarUint(encoder, count);
    const clients: number[] = [];
    for (let i = 0; i < count; i++) {
      const client = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state: unknown = JSON.parse(decoding.readVarString(decoder));
      if (state !== null && !isRecord(state)) return null;
      clients.push(client);
      encoding.writeVarUint(encoder, client);
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarString(encoder, JSON.stringify(state === null ? null : labelled(state, seat)));
    }
    if (decoding.hasContent(decoder)) return null;
    return { clients, update: encoding.toUint8Array(encoder) };
  } catch {
    return null;
  }
}
