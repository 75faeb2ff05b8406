import { describe, expect, it } from "vitest";
import { snippetParts } from "@/components/search/snippet";

describe("snippetParts", () => {
  it("splits the matched words from the text around them", () => {
    expect(snippetParts("We met at the «Café» on «Tuesday».")).toEqual([
      { text: "We met at the ", match: false },
      { text: "Café", match: true },
      { text: " on ", match: false },
      { text: "Tuesday", match: true },
      { text: ".", match: false },
    ]);
  });

  it("keeps markup as the text it is", () => {
    expect(snippetParts("<b>«bold»</b> & <script>")).toEqual([
      { text: "<b>", match: false },
      { text: "bold", match: true },
      { text: "</b> & <script>", match: false },
    ]);
  });

  it("keeps an unclosed or lone guillemet as a character", () => {
    expect(snippetParts("a «b")).toEqual([{ text: "a «b", match: false }]);
    expect(snippetParts("a » b «c» d")).toEqual([
      { text: "a » b ", match: false },
      { text: "c", match: true },
      { text: " d", match: false },
    ]);
  });

  it("drops empty parts", () => {
    expect(snippetParts("«»x")).toEqual([{ text: "x", match: false }]);
    expect(snippetParts("")).toEqual([]);
    expect(snippetParts("«all»")).toEqual([{ text: "all", match: true }]);
  });
});
