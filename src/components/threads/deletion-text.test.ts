import { describe, expect, it } from "vitest";
import { lossList, lossSentence } from "@/components/threads/deletion-text";

const comments = (count: number) => ({ count, one: "comment", many: "comments" });
const polls = (count: number) => ({ count, one: "poll", many: "polls" });
const attachments = (count: number) => ({ count, one: "attachment", many: "attachments" });

describe("deletion text", () => {
  it("names what is lost, in plain English, leaving out what there is none of", () => {
    expect(lossSentence([comments(12), polls(2), attachments(3)])).toBe(
      "Its 12 comments, 2 polls and 3 attachments will be deleted for everyone. This can't be undone.",
    );
    expect(lossList([comments(1), polls(0), attachments(1)])).toBe("1 comment and 1 attachment");
    expect(lossList([comments(0), polls(1), attachments(0)])).toBe("1 poll");
    expect(lossSentence([comments(0)])).toBe("It will be deleted for everyone. This can't be undone.");
  });
});
