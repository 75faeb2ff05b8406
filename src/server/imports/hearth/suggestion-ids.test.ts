import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { heading, paragraph, stateOf } from "@/server/documents/versions/test-content";
import { contentOf } from "@/server/documents/versions/state";
import { renamedSuggestionId, withRenamedSuggestions } from "@/server/imports/hearth/suggestion-ids";
import { suggestionsIn } from "@/server/suggestions/text";
import { editorOn, posOf } from "@/server/suggestions/test-suggesting";
import { suggestionsInState } from "@/server/suggestions/yjs";
import { SUGGESTION_ID } from "@/lib/documents/suggestion-marks";

describe("renaming suggestions in a document's text", () => {
  it("renames the marks of insertions, deletions and changes of format, and changes nothing else", () => {
    const start = stateOf([heading(2, "Vision"), paragraph("We care for the valley.")]);
    const pen = editorOn(start);
    const typed = pen.suggest((tr, pm) => tr.insertText("green ", posOf(pm, "valley")));
    // Bold suggested: the text struck out and put in again, bold, under one id.
    const level = pen.suggest((tr, pm) => tr.addMark(posOf(pm, "We"), posOf(pm, "We") + 2, pm.type.schema.marks.bold!.create()));
    const cut = pen.suggest((tr, pm) => tr.delete(posOf(pm, "care"), posOf(pm, "care") + "care".length));
    const state = Y.mergeUpdates([start, typed, level, cut]);
    const before = suggestionsIn(pen.content());
    expect(before.size).toBe(3);
    expect([...before.values()]).toContainEqual({ inserted: "We", deleted: "We", changesFormat: false });

    const [kept, ...renamed] = [...before.keys()];
    const to = new Map(renamed.map((id) => [id, renamedSuggestionId("hearth:group", id)]));
    const after = suggestionsInState(withRenamedSuggestions(state, to));
    expect([...after]).toEqual([...before].map(([id, text]) => [to.get(id) ?? id, text]));
    expect(after.has(kept!)).toBe(true);

    let json = JSON.stringify(contentOf(state));
    for (const [from, id] of to) json = json.replaceAll(from, id);
    expect(JSON.stringify(contentOf(withRenamedSuggestions(state, to)))).toBe(json);
  });

  it("makes the same new id from the same file and id, shaped as suggestion ids are", () => {
    const id = renamedSuggestionId("hearth:g1", "sabc123abc123abc123");
    expect(id).toBe(renamedSuggestionId("hearth:g1", "sabc123abc123abc123"));
    expect(id).not.toBe(renamedSuggestionId("hearth:g2", "sabc123abc123abc123"));
    expect(id).toMatch(SUGGESTION_ID);
  });
});
