import { describe, expect, it } from "vitest";
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";
import { colorFor } from "@/lib/documents/colors";
import { labelAwarenessUpdate } from "@/server/realtime/awareness-labels";

const seat = { userId: "user-ben", name: "Ben" };

/** An awareness update as an editor sends it, with the given local state. */
function updateWith(state: Record<string, unknown> | null): { update: Uint8Array; clientId: number } {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState(state);
  const update = encodeAwarenessUpdate(awareness, [awareness.clientID]);
  awareness.destroy();
  return { update, clientId: awareness.clientID };
}

/** What another editor sees after applying the labelled update. */
function seenBy(update: Uint8Array, clientId: number): unknown {
  const other = new Awareness(new Y.Doc());
  applyAwarenessUpdate(other, update, "server");
  const state = other.getStates().get(clientId);
  other.destroy();
  return state;
}

describe("labelAwarenessUpdate", () => {
  it("names the cursor after the seat, keeps a valid colour and the rest of the state", () => {
    const { update, clientId } = updateWith({ user: { name: "Ada", color: "#1d4ed8" }, cursor: { anchor: 1 } });
    const labelled = labelAwarenessUpdate(update, seat);
    expect(labelled?.clients).toEqual([clientId]);
    expect(seenBy(labelled!.update, clientId)).toEqual({ user: { name: "Ben", color: "#1d4ed8" }, cursor: { anchor: 1 } });
  });

  it("replaces a colour that is not #rrggbb, and labels a state that has no user", () => {
    const styled = updateWith({ user: { name: "Ben", color: "red;background:url(https://evil.example/)" } });
    expect(seenBy(labelAwarenessUpdate(styled.update, seat)!.update, styled.clientId)).toEqual({ user: { name: "Ben", color: colorFor(seat.userId) } });
    const bare = updateWith({});
    expect(seenBy(labelAwarenessUpdate(bare.update, seat)!.update, bare.clientId)).toEqual({ user: { name: "Ben", color: colorFor(seat.userId) } });
  });

  it("passes a cleared cursor through and refuses what is not an awareness update", () => {
    const cleared = updateWith(null);
    expect(labelAwarenessUpdate(cleared.update, seat)?.clients).toEqual([cleared.clientId]);
    expect(labelAwarenessUpdate(new Uint8Array([1, 200, 255, 3]), seat)).toBeNull();
    expect(labelAwarenessUpdate(new Uint8Array([...updateWith({}).update, 7]), seat)).toBeNull();
    const notAnObject = new Uint8Array([1, 5, 1, 2, ...new TextEncoder().encode("[]")]);
    expect(labelAwarenessUpdate(notAnObject, seat)).toBeNull();
  });
});
