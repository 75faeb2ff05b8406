import { describe, expect, it } from "vitest";
import {
  effectiveTypes,
  orderOf,
  readSearchState,
  searchHref,
  statusOf,
  typesOf,
  withOrder,
  withStatus,
  withTypeToggled,
} from "@/components/search/search-query";

describe("readSearchState and searchHref", () => {
  it("round-trip a search through the address", () => {
    const href = searchHref({ q: "  café in:steering  ", groupId: "g1", types: ["comment", "thread"] });
    expect(href).toBe("/search?q=caf%C3%A9+in%3Asteering&groupId=g1&types=thread%2Ccomment");
    const params = Object.fromEntries(new URL(href, "http://hearth.test").searchParams);
    expect(readSearchState(params)).toEqual({ q: "café in:steering", groupId: "g1", types: ["thread", "comment"] });
  });

  it("leave out what is empty", () => {
    expect(searchHref({ q: "   " })).toBe("/search");
    expect(searchHref({ q: "rota", groupId: null, types: [] })).toBe("/search?q=rota");
    expect(readSearchState({})).toEqual({ q: "", groupId: null, types: [] });
  });

  it("drop unknown types and take the first of repeated parameters", () => {
    expect(readSearchState({ q: ["a", "b"], groupId: "", types: "POLL,nonsense,,member" })).toEqual({
      q: "a",
      groupId: null,
      types: ["poll", "member"],
    });
  });
});

describe("statusOf and withStatus", () => {
  it("read the status the query asks for, the last one winning", () => {
    expect(statusOf("rota status:open")).toBe("open");
    expect(statusOf("status:open rota STATUS:Closed")).toBe("closed");
    expect(statusOf("rota status:maybe")).toBeNull();
    expect(statusOf('"status:open" rota')).toBeNull();
    expect(statusOf("rota")).toBeNull();
  });

  it("replace or remove the status, leaving the rest of the query as typed", () => {
    expect(withStatus('rota "bike shed" status:open -tea', "closed")).toBe('rota "bike shed" -tea status:closed');
    expect(withStatus("rota status:open status:closed", null)).toBe("rota");
    expect(withStatus("", "open")).toBe("status:open");
    expect(withStatus('say "status:open', "closed")).toBe('say "status:open status:closed');
  });
});

describe("orderOf and withOrder", () => {
  it("read the order the query asks for, the last one Hearth knows winning, newest first by default", () => {
    expect(orderOf("rota")).toBe("newest");
    expect(orderOf("rota ORDER:Best")).toBe("best");
    expect(orderOf('order:"best" rota')).toBe("best");
    expect(orderOf("order:best rota order:newest")).toBe("newest");
    expect(orderOf("order:best order:sideways")).toBe("best");
    expect(orderOf("-order:best")).toBe("newest");
  });

  it("write order:best at the end, and leave the default out", () => {
    expect(withOrder("rota", "best")).toBe("rota order:best");
    expect(withOrder("order:newest rota  status:open", "best")).toBe("rota status:open order:best");
    expect(withOrder('rota order:best "bus stop"', "newest")).toBe('rota "bus stop"');
  });
});

describe("typed kinds and the chips", () => {
  it("read the kinds typed as type:, in the chips' order, ignoring ones Hearth does not know", () => {
    expect(typesOf("rota TYPE:Document type:thread type:gizmo")).toEqual(["thread", "document"]);
    expect(typesOf('"type:thread" rota')).toEqual([]);
  });

  it("show what the server searches: typed kinds, chosen kinds, or those in both", () => {
    expect(effectiveTypes({ q: "rota type:document", types: [] })).toEqual(["document"]);
    expect(effectiveTypes({ q: "rota", types: ["thread"] })).toEqual(["thread"]);
    expect(effectiveTypes({ q: "type:thread type:poll", types: ["poll", "member"] })).toEqual(["poll"]);
  });

  it("move typed kinds into the chips when one is pressed or released, keeping unknown operators as typed", () => {
    expect(withTypeToggled({ q: "rota type:document type:gizmo", types: [] }, "thread")).toEqual({ q: "rota type:gizmo", types: ["thread", "document"] });
    expect(withTypeToggled({ q: "rota type:document", types: [] }, "document")).toEqual({ q: "rota", types: [] });
    expect(withTypeToggled({ q: "rota", types: ["comment"] }, "comment")).toEqual({ q: "rota", types: [] });
  });
});
