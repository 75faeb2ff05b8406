"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { rulesFromDefaults, type VotingRuleDefaults } from "@/components/polls/poll-form-state";
import { QuorumThresholdFields, type RulesState } from "@/components/polls/voting-rules-fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useTRPC } from "@/lib/trpc/client";
import { errorMessage, fieldErrors } from "@/lib/trpc/error-message";

const whole = (value: string) => (value.trim() === "" ? undefined : Number(value));

/** The form's fields as group.update's votingRuleDefaults; blank fields are left out. */
function defaultsFrom(rules: RulesState, reasons: string): VotingRuleDefaults {
  const quorumValue = whole(rules.quorumValue);
  const stances = reasons.split(",").map((name) => name.trim()).filter(Boolean);
  return {
    ...(rules.quorumMode !== "none" && quorumValue !== undefined && { quorum: rules.quorumMode === "count" ? { count: quorumValue } : { percent: quorumValue } }),
    ...(rules.thresholdRule !== "" && {
      threshold:
        rules.thresholdRule === "no_blocks"
          ? { rule: "no_blocks" as const }
          : { rule: rules.thresholdRule, of: rules.thresholdBase, ...(rules.thresholdRule === "custom" && { percent: whole(rules.thresholdPercent) }) },
    }),
    ...(stances.length > 0 && { requireReasonFor: stances }),
  };
}

/**
 * The group's default voting rules: new decisions start with them unless their process (a
 * template) has its own. Each poll keeps the rules it was started with.
 */
export function VotingRulesForm({ group }: { group: { id: string; votingRuleDefaults: VotingRuleDefaults } }) {
  const trpc = useTRPC();
  const router = useRouter();
  const update = useMutation(trpc.group.update.mutationOptions());
  const errors = fieldErrors(update.error);
  const initial = group.votingRuleDefaults;
  const [rules, setRules] = useState<RulesState>(() =>
    rulesFromDefaults("proposal", ["Agree", "Abstain", "Disagree", "Block"], { quorum: initial.quorum, threshold: initial.threshold }),
  );
  const [reasons, setReasons] = useState((initial.requireReasonFor ?? []).join(", "));
  const [saved, setSaved] = useState(false);
  const change = (patch: Partial<RulesState>) => {
    setSaved(false);
    setRules((previous) => ({ ...previous, ...patch }));
  };

  return (
    <section aria-labelledby="voting-rules-heading" className="flex max-w-2xl flex-col gap-4">
      <h2 id="voting-rules-heading" className="text-2xl font-bold">
        Voting rules
      </h2>
      <p className="text-muted">
        The rules new decisions in this group start with, unless their process has its own. The person starting a decision can
        change them; each decision keeps the rules it was started with. Thresholds apply to proposals, polls and sense checks.
      </p>
      <form
        className="flex flex-col gap-5"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(false);
          update.mutate(
            { id: group.id, votingRuleDefaults: defaultsFrom(rules, reasons) },
            {
              onSuccess: () => {
                setSaved(true);
                router.refresh();
              },
            },
          );
        }}
      >
        {update.error && <Alert>{errors?.votingRuleDefaults?.[0] ?? errorMessage(update.error)}</Alert>}
        {saved && <Alert tone="info">Voting rules saved.</Alert>}
        <QuorumThresholdFields value={rules} update={change} fields={null} thresholdFor="all" />
        <TextField
          label="Reasons required for"
          hint="Options whose voters must say why, separated by commas, e.g. Disagree, Block; or All for every vote. Polls without such an option ignore it."
          value={reasons}
          onChange={(event) => {
            setSaved(false);
            setReasons(event.target.value);
          }}
          maxLength={500}
        />
        <Button type="submit" disabled={update.isPending} className="self-start">
          {update.isPending ? "Saving…" : "Save voting rules"}
        </Button>
      </form>
    </section>
  );
}
