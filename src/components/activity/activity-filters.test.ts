import { describe, expect, it } from "vitest";
import { ACTIVITY_FILTERS, typesFor } from "@/components/activity/activity-filters";
import { ACTIVITY_TYPES } from "@/server/activity/schemas";

describe("activity filter chips", () => {
  it("ask for everything while none is pressed, and for the types of the pressed chips otherwise", () => {
    expect(typesFor(new Set())).toBeUndefined();
    expect(typesFor(new Set(["decisions"]))).toEqual(["decision_opened", "decision_closed", "outcome"]);
    expect(typesFor(new Set(["meetings", "threads"]))).toEqual(["thread", "meeting"]);
  });

  it("cover every type of activity exactly once", () => {
    expect(ACTIVITY_FILTERS.flatMap((filter) => filter.types).sort()).toEqual([...ACTIVITY_TYPES].sort());
  });
});
