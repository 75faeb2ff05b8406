import { describe, expect, it } from "vitest";
import { createInput, formFromTemplate, KIND_TEMPLATES, templateDefaults, type PollTemplate } from "@/components/polls/poll-form-state";
import { toLocalInputValue } from "@/components/polls/time-zone";

const now = new Date(2026, 10, 26, 9, 30);
const consensus: PollTemplate = {
  key: "consensus",
  name: "Consensus proposal",
  kind: "proposal",
  description: "",
  builtIn: true,
  defaults: { options: ["Agree", "Abstain", "Disagree", "Block"], allowBlock: true },
};
const kind = (name: string) => KIND_TEMPLATES.find((template) => template.kind === name)!;

describe("the new-decision form", () => {
  it("starts from the template's options and settings, closing in a week", () => {
    const form = formFromTemplate(consensus, now);
    expect(form.options).toEqual(["Agree", "Abstain", "Disagree", "Block"]);
    expect(form.templateKey).toBe("consensus");
    expect(form.closingAt).toBe(toLocalInputValue(new Date(2026, 11, 3, 10, 0)));
    expect(form.allowBlock).toBe(true);
  });

  it("offers blank options for bare poll types, and none for question rounds", () => {
    expect(formFromTemplate(kind("ranked_choice"), now).options).toEqual(["", ""]);
    expect(formFromTemplate(kind("count"), now).options).toEqual(["Count me in", "Not this time"]);
    const question = formFromTemplate(kind("question"), now);
    expect(question.options).toEqual([]);
    expect(question.reasonRequired).toBe(true);
    expect(question.templateKey).toBeNull();
  });

  it("sends only the settings the kind uses, and drops blank options", () => {
    const form = { ...formFromTemplate(kind("dot_vote"), now), title: "Where to?", options: ["Sea", " ", "Hills"], dotsPerPerson: "5" };
    const result = createInput(form, "g1", undefined);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input).toMatchObject({ groupId: "g1", kind: "dot_vote", options: ["Sea", "Hills"], dotsPerPerson: 5, votersAddOptions: false });
    expect(result.input).not.toHaveProperty("minChoices");
    expect(result.input).not.toHaveProperty("voterIds");
    expect(result.input.template).toBeUndefined();
  });

  it("sends meeting slots as instants and chosen voters when asked", () => {
    const form = { ...formFromTemplate(kind("meeting"), now), options: ["2030-01-15T10:00"], chooseVoters: true, voters: [{ id: "u1", name: "Ada" }] };
    const result = createInput(form, "g1", "t1");
    expect(result.ok && result.input.options).toEqual([new Date(2030, 0, 15, 10, 0).toISOString()]);
    expect(result.ok && result.input.voterIds).toEqual(["u1"]);
    expect(result.ok && result.input.threadId).toBe("t1");
  });

  it("asks for a closing time and complete meeting slots", () => {
    expect(createInput({ ...formFromTemplate(consensus, now), closingAt: "" }, "g1", undefined)).toEqual({
      ok: false,
      field: "closingAt",
      message: "Choose when the poll closes.",
    });
    const meeting = { ...formFromTemplate(kind("meeting"), now), options: ["2030-01-15"] };
    expect(createInput(meeting, "g1", undefined)).toMatchObject({ ok: false, field: "options" });
  });

  it("saves wording and settings as a template, never meeting dates", () => {
    expect(templateDefaults({ ...formFromTemplate(consensus, now), anonymous: true })).toEqual({
      options: ["Agree", "Abstain", "Disagree", "Block"],
      allowBlock: true,
      reasonRequired: false,
      anonymous: true,
      hideResults: "off",
    });
    expect(templateDefaults({ ...formFromTemplate(kind("meeting"), now), options: ["2030-01-15T10:00"] })).not.toHaveProperty("options");
  });

  it("counts ranked polls by Schulze unless the template or the author chooses another method, and sends it only for them", () => {
    const ranked = formFromTemplate(kind("ranked_choice"), now);
    expect(ranked.countingMethod).toBe("schulze");
    const preset: PollTemplate = { ...kind("ranked_choice"), key: "t1", builtIn: false, defaults: { countingMethod: "borda" } };
    expect(formFromTemplate(preset, now).countingMethod).toBe("borda");
    const chosen = { ...ranked, title: "Venue", options: ["A", "B"], countingMethod: "instant_runoff" as const };
    expect(createInput(chosen, "g1", undefined)).toMatchObject({ ok: true, input: { countingMethod: "instant_runoff" } });
    expect(templateDefaults(chosen)).toMatchObject({ countingMethod: "instant_runoff" });
    const proposal = formFromTemplate(consensus, now);
    expect(createInput(proposal, "g1", undefined)).not.toHaveProperty("input.countingMethod");
    expect(templateDefaults(proposal)).not.toHaveProperty("countingMethod");
  });

  it("starts an election with 2 seats, 3 blank options and Scottish STV, and sends seats only for elections", () => {
    const election = formFromTemplate(kind("stv"), now);
    expect(election).toMatchObject({ seats: "2", countingMethod: "scottish_stv", options: ["", "", ""] });
    const preset: PollTemplate = { ...kind("stv"), key: "t2", builtIn: false, defaults: { seats: 3, countingMethod: "meek_stv" } };
    expect(formFromTemplate(preset, now)).toMatchObject({ seats: "3", countingMethod: "meek_stv" });
    const filled = { ...election, title: "Board", options: ["A", "B", "C"], seats: "2" };
    expect(createInput(filled, "g1", undefined)).toMatchObject({ ok: true, input: { kind: "stv", seats: 2, countingMethod: "scottish_stv" } });
    // Left empty, the server says what is missing.
    expect(createInput({ ...filled, seats: "" }, "g1", undefined)).toMatchObject({ ok: true, input: { seats: undefined } });
    expect(templateDefaults(filled)).toMatchObject({ seats: 2, countingMethod: "scottish_stv" });
    const ranked = formFromTemplate(kind("ranked_choice"), now);
    expect(createInput({ ...ranked, options: ["A", "B"] }, "g1", undefined)).not.toHaveProperty("input.seats");
    expect(templateDefaults(ranked)).not.toHaveProperty("seats");
  });
});

describe("the new-decision form's voting rules", () => {
  const group = { quorum: { percent: 50 }, threshold: { rule: "no_blocks" as const }, requireReasonFor: ["Block", "Concerned"] };

  it("starts from the group's defaults, keeping what fits the kind and its options", () => {
    const proposal = formFromTemplate(consensus, now, group);
    expect(proposal).toMatchObject({ quorumMode: "percent", quorumValue: "50", thresholdRule: "no_blocks", reasonFor: ["block"], opensAt: "" });
    const check = formFromTemplate(kind("check"), now, group);
    expect(check).toMatchObject({ quorumMode: "percent", thresholdRule: "", reasonFor: ["concerned"] });
    expect(formFromTemplate(kind("score"), now, { threshold: { rule: "two_thirds" } }).thresholdRule).toBe("");
    expect(formFromTemplate(consensus, now, { requireReasonFor: ["all"] }).reasonRequired).toBe(true);
  });

  it("prefers the template's rules to the group's", () => {
    const own = { ...consensus, defaults: { ...consensus.defaults, quorum: { count: 3 }, threshold: { rule: "two_thirds" as const, of: "eligible" as const } } };
    expect(formFromTemplate(own, now, group)).toMatchObject({ quorumMode: "count", quorumValue: "3", thresholdRule: "two_thirds", thresholdBase: "eligible", reasonFor: [] });
  });

  it("sends the rules and the opening time, and saves the rules with a template", () => {
    const form = {
      ...formFromTemplate(consensus, now),
      quorumMode: "count" as const,
      quorumValue: "2",
      thresholdRule: "custom" as const,
      thresholdPercent: "60",
      reasonFor: ["disagree", "gone"],
      opensAt: "2030-01-15T09:00",
    };
    const result = createInput(form, "g1", undefined);
    expect(result.ok && result.input).toMatchObject({
      quorum: { count: 2 },
      threshold: { rule: "custom", percent: 60, of: "votes_cast" },
      requireReasonFor: ["disagree"],
      opensAt: new Date(2030, 0, 15, 9, 0),
    });
    expect(templateDefaults(form)).toMatchObject({ quorum: { count: 2 }, threshold: { rule: "custom", percent: 60 }, requireReasonFor: ["disagree"] });
    const plain = createInput(formFromTemplate(consensus, now), "g1", undefined);
    expect(plain.ok && plain.input).not.toHaveProperty("quorum");
    expect(plain.ok && plain.input).not.toHaveProperty("opensAt");
  });
});
