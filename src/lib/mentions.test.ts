import { describe, expect, it } from "vitest";
import { mentionedUserIds, mentionToken } from "@/lib/mentions";

describe("mentions", () => {
  it("round-trips a person through a token", () => {
    const token = mentionToken({ id: "cmabc1234567", name: "Priya [Shah]" });
    expect(token).toBe("[@Priya Shah](mention:cmabc1234567)");
    expect(mentionedUserIds(`Thanks ${token}!`)).toEqual(["cmabc1234567"]);
  });

  it("finds each person once, in order, and ignores ordinary links", () => {
    const text =
      "[@Tom](mention:cmtom00000001) and [@Grace](mention:cmgrace000001), also [@Tom](mention:cmtom00000001) " +
      "and [a link](https://example.org) and [@x](mention:bad id)";
    expect(mentionedUserIds(text)).toEqual(["cmtom00000001", "cmgrace000001"]);
  });
});
