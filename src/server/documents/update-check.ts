import * as Y from "yjs";

/** The largest Yjs update one message may carry: a long paste fits, a flood does not. */
export const MAX_UPDATE_BYTES = 256 * 1024;

export type CheckedUpdate = { ok: true; update: Uint8Array; empty: boolean } | { ok: false; reason: string };

/**
 * Accepts only bytes that decode as a Yjs update, no larger than MAX_UPDATE_BYTES. Decoding
 * happens on a scratch Y.Doc, so a malformed message throws here and never reaches a live document.
 */
export function checkUpdate(data: unknown, maxBytes = MAX_UPDATE_BYTES): CheckedUpdate {
  if (!(data instanceof Uint8Array)) return { ok: false, reason: "An update must be binary." };
  if (data.byteLength > maxBytes) return { ok: false, reason: "That change is too large to send at once." };
  const scratch = new Y.Doc();
  try {
    const decoded = Y.decodeUpdate(data);
    Y.applyUpdate(scratch, data);
    return { ok: true, update: data, empty: decoded.structs.length === 0 && decoded.ds.clients.size === 0 };
  } catch {
    return { ok: false, reason: "That change could not be read." };
  } finally {
    scratch.destroy();
  }
}
