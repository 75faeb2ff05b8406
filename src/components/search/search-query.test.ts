import { describe, expect, it } from "vitest";
import { readSearchState, searchHref, statusOf, withStatus } from "@/components/search/search-query";

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
