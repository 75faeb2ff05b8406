"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { LevelChoice, labelOf, type Choice } from "@/app/settings/notifications/_components/level-choice";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type Settings = RouterOutputs["notificationSettings"]["get"];
const ACCOUNT = "account";

/** The settings as they will be once `choice` is saved for `scope`. */
function chosen(settings: Settings, scope: string, choice: Choice): Settings {
  if (scope === ACCOUNT) {
    const account = choice === "inherit" ? settings.account : choice;
    return { ...settings, account, groups: settings.groups.map((group) => (group.inherited ? { ...group, level: account } : group)) };
  }
  return {
    ...settings,
    groups: settings.groups.map((group) =>
      group.groupId !== scope
        ? group
        : choice === "inherit"
          ? { ...group, level: settings.account, inherited: true }
          : { ...group, level: choice, inherited: false },
    ),
  };
}

/** The account default and one choice per group; each saves on change and says so. */
export function EmailSettings({ initial }: { initial: Settings }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: settings } = useQuery(trpc.notificationSettings.get.queryOptions(undefined, { initialData: initial }));
  const [saving, setSaving] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [failed, setFailed] = useState<{ scope: string; message: string } | null>(null);
  const queryKey = trpc.notificationSettings.get.queryKey();
  const handlers = (scope: string, previous: Settings) => ({
    onSuccess: (next: Settings) => {
      queryClient.setQueryData(queryKey, next);
      setSaved(scope);
    },
    onError: (error: unknown) => {
      queryClient.setQueryData(queryKey, previous);
      setFailed({ scope, message: errorMessage(error) });
    },
    onSettled: () => setSaving(null),
  });
  const update = useMutation(trpc.notificationSettings.update.mutationOptions());
  const reset = useMutation(trpc.notificationSettings.reset.mutationOptions());

  const choose = (scope: string, choice: Choice) => {
    setSaving(scope);
    setSaved(null);
    setFailed(null);
    // Show the choice at once (a radio must not snap back while saving); undone if saving fails.
    queryClient.setQueryData(queryKey, chosen(settings, scope, choice));
    if (choice === "inherit") reset.mutate({ groupId: scope }, handlers(scope, settings));
    else update.mutate(scope === ACCOUNT ? { level: choice } : { groupId: scope, level: choice }, handlers(scope, settings));
  };
  const statusOf = (scope: string) => (saving === scope ? "saving" : saved === scope ? "saved" : "idle");
  const errorOf = (scope: string) => (failed?.scope === scope ? failed.message : null);

  return (
    <div className="flex max-w-2xl flex-col gap-10">
      <section aria-labelledby="account-heading" className="flex flex-col gap-3">
        <h2 id="account-heading" className="text-2xl font-bold">
          For your account
        </h2>
        <p className="text-muted">Every group uses this unless you choose something else for it below.</p>
        <LevelChoice
          legend="All my groups"
          value={settings.account}
          onChange={(choice) => choose(ACCOUNT, choice)}
          status={statusOf(ACCOUNT)}
          error={errorOf(ACCOUNT)}
        />
      </section>
      <section aria-labelledby="groups-heading" className="flex flex-col gap-3">
        <h2 id="groups-heading" className="text-2xl font-bold">
          For each group
        </h2>
        {settings.groups.length === 0 && <p className="text-muted">You are not in any group yet.</p>}
        {settings.groups.map((group) => (
          <LevelChoice
            key={group.groupId}
            legend={group.groupName}
            value={group.inherited ? "inherit" : group.level}
            inheritedLabel={labelOf(settings.account)}
            onChange={(choice) => choose(group.groupId, choice)}
            status={statusOf(group.groupId)}
            error={errorOf(group.groupId)}
          />
        ))}
      </section>
    </div>
  );
}
