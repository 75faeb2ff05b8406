"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { SelectField } from "@/components/ui/select-field";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type Settings = RouterOutputs["notificationSettings"]["get"];
type PushLevel = Settings["pushAccount"];
const ACCOUNT = "account";

/** Each push level as the sentence people choose. */
const PUSH_SENTENCES: Record<PushLevel, string> = {
  all: "Push to this device: everything",
  important: "Push to this device: only what’s addressed to me and decisions",
  none: "Push to this device: nothing",
};
const PUSH_OPTIONS = (["all", "important", "none"] as const).map((value) => ({ value, label: PUSH_SENTENCES[value] }));
const INHERIT = "inherit";

/** The settings as they will be once the push `choice` is saved for `scope`. */
function chosen(settings: Settings, scope: string, choice: PushLevel | typeof INHERIT): Settings {
  if (scope === ACCOUNT) {
    const pushAccount = choice === INHERIT ? settings.pushAccount : choice;
    return { ...settings, pushAccount, groups: settings.groups.map((group) => (group.pushInherited ? { ...group, pushLevel: pushAccount } : group)) };
  }
  return {
    ...settings,
    groups: settings.groups.map((group) =>
      group.groupId !== scope
        ? group
        : choice === INHERIT
          ? { ...group, pushLevel: settings.pushAccount, pushInherited: true }
          : { ...group, pushLevel: choice, pushInherited: false },
    ),
  };
}

const isPushChoice = (value: string): value is PushLevel | typeof INHERIT => value === INHERIT || value in PUSH_SENTENCES;

type DeviceState = "checking" | "unsupported" | "blocked" | "off" | "on";

/** Whether this browser can take push at all, and whether it already has it turned on. */
async function deviceState(): Promise<DeviceState> {
  if (typeof window === "undefined" || !("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) return "unsupported";
  if (Notification.permission === "denied") return "blocked";
  const registration = await navigator.serviceWorker.getRegistration("/");
  const subscription = await registration?.pushManager.getSubscription();
  return subscription && Notification.permission === "granted" ? "on" : "off";
}

/**
 * Push in this browser (turned on here, as it asks the browser's permission) and what is pushed:
 * the same sentence-like choice per account and group as email, without the digest, and whether
 * to push at night.
 */
export function PushSettings({ initial, vapidPublicKey }: { initial: Settings; vapidPublicKey: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const queryKey = trpc.notificationSettings.get.queryKey();
  const { data: settings } = useQuery(trpc.notificationSettings.get.queryOptions(undefined, { initialData: initial }));
  const [device, setDevice] = useState<DeviceState>("checking");
  const [deviceError, setDeviceError] = useState<string | null>(null);
  const [saving, setSaving] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [failed, setFailed] = useState<{ scope: string; message: string } | null>(null);
  const update = useMutation(trpc.notificationSettings.update.mutationOptions());
  const subscribe = useMutation(trpc.push.subscribe.mutationOptions());
  const unsubscribe = useMutation(trpc.push.unsubscribe.mutationOptions());

  useEffect(() => {
    void deviceState().then(setDevice);
  }, []);

  const turnOn = async () => {
    setDeviceError(null);
    try {
      const permission = await Notification.requestPermission();
      if (permission !== "granted") {
        setDevice(permission === "denied" ? "blocked" : "off");
        return;
      }
      await navigator.serviceWorker.register("/sw.js", { scope: "/" });
      const registration = await navigator.serviceWorker.ready;
      const subscription =
        (await registration.pushManager.getSubscription()) ??
        (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: vapidPublicKey }));
      const { endpoint, keys } = subscription.toJSON();
      if (!endpoint || !keys?.p256dh || !keys.auth) throw new Error("This browser gave no push address.");
      await subscribe.mutateAsync({ endpoint, keys: { p256dh: keys.p256dh, auth: keys.auth }, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
      setDevice("on");
    } catch (error) {
      setDeviceError(errorMessage(error));
    }
  };

  const turnOff = async () => {
    setDeviceError(null);
    try {
      const registration = await navigator.serviceWorker.getRegistration("/");
      const subscription = await registration?.pushManager.getSubscription();
      if (subscription) {
        await unsubscribe.mutateAsync({ endpoint: subscription.endpoint });
        await subscription.unsubscribe();
      }
      setDevice("off");
    } catch (error) {
      setDeviceError(errorMessage(error));
    }
  };

  const save = (scope: string, input: Parameters<typeof update.mutate>[0], next: Settings) => {
    const previous = settings;
    setSaving(scope);
    setSaved(null);
    setFailed(null);
    queryClient.setQueryData(queryKey, next);
    update.mutate(input, {
      onSuccess: (result) => {
        queryClient.setQueryData(queryKey, result);
        setSaved(scope);
      },
      onError: (error) => {
        queryClient.setQueryData(queryKey, previous);
        setFailed({ scope, message: errorMessage(error) });
      },
      onSettled: () => setSaving(null),
    });
  };
  const choose = (scope: string, value: string) => {
    if (!isPushChoice(value)) return;
    const pushLevel = value === INHERIT ? null : value;
    save(scope, scope === ACCOUNT ? { pushLevel } : { groupId: scope, pushLevel }, chosen(settings, scope, value));
  };
  const statusOf = (scope: string) => (saving === scope ? "saving" : saved === scope ? "saved" : "idle");
  const errorOf = (scope: string) => (failed?.scope === scope ? failed.message : null);
  const busy = subscribe.isPending || unsubscribe.isPending;

  return (
    <div className="flex max-w-2xl flex-col gap-10">
      <section aria-labelledby="push-device-heading" className="flex flex-col gap-3 rounded-xl border border-line bg-card p-5">
        <h3 id="push-device-heading" className="text-xl font-bold">
          This browser
        </h3>
        <p role="status" data-testid="push-device-state">
          {device === "checking" && "Checking this browser…"}
          {device === "unsupported" &&
            "This browser cannot show push notifications. On an iPhone or iPad, add Hearth to your Home Screen first (Share, then Add to Home Screen) and open it from there."}
          {device === "blocked" && "Notifications from Hearth are blocked in this browser. Allow them in the browser’s site settings, then come back here."}
          {device === "off" && "Push is off in this browser."}
          {device === "on" && "Push is on in this browser."}
        </p>
        {device === "off" && (
          <Button className="self-start" disabled={busy} onClick={() => void turnOn()}>
            {busy ? "Turning on…" : "Turn on push in this browser"}
          </Button>
        )}
        {device === "on" && (
          <Button variant="secondary" className="self-start" disabled={busy} onClick={() => void turnOff()}>
            {busy ? "Turning off…" : "Turn off push in this browser"}
          </Button>
        )}
        {deviceError && <Alert>{deviceError}</Alert>}
        <CheckboxField
          label="Also at night"
          hint="Without this, nothing is pushed between 21:00 and 08:00 where you are; it waits under Notifications."
          checked={settings.pushAtNight}
          disabled={saving === "night"}
          onChange={(event) => save("night", { pushAtNight: event.target.checked }, { ...settings, pushAtNight: event.target.checked })}
        />
        <p role="status" className="min-h-6 text-sm font-semibold text-ember-800">
          {saving === "night" ? "Saving…" : saved === "night" ? "Saved" : ""}
        </p>
        {errorOf("night") && <Alert>{errorOf("night")}</Alert>}
      </section>
      <section aria-labelledby="push-levels-heading" className="flex flex-col gap-4 rounded-xl border border-line bg-card p-5">
        <h3 id="push-levels-heading" className="text-xl font-bold">
          What is pushed
        </h3>
        <p className="text-sm text-muted">
          To every browser where you turned push on. “Addressed to me and decisions” means mentions, replies, tasks, polls closing,
          outcomes and meetings that change; following a thread pushes its every comment, muting it pushes nothing.
        </p>
        <SelectField
          label="For all my groups"
          options={PUSH_OPTIONS}
          value={settings.pushAccount}
          onChange={(event) => choose(ACCOUNT, event.target.value)}
        />
        <p role="status" className="min-h-6 text-sm font-semibold text-ember-800">
          {statusOf(ACCOUNT) === "saving" ? "Saving…" : statusOf(ACCOUNT) === "saved" ? "Saved" : ""}
        </p>
        {errorOf(ACCOUNT) && <Alert>{errorOf(ACCOUNT)}</Alert>}
        {settings.groups.map((group) => (
          <div key={group.groupId} className="flex flex-col gap-1">
            <SelectField
              label={`For ${group.groupName}`}
              options={[{ value: INHERIT, label: `Same as my account setting (${PUSH_SENTENCES[settings.pushAccount].replace("Push to this device: ", "")})` }, ...PUSH_OPTIONS]}
              value={group.pushInherited ? INHERIT : group.pushLevel}
              onChange={(event) => choose(group.groupId, event.target.value)}
            />
            <p role="status" className="min-h-6 text-sm font-semibold text-ember-800">
              {statusOf(group.groupId) === "saving" ? "Saving…" : statusOf(group.groupId) === "saved" ? "Saved" : ""}
            </p>
            {errorOf(group.groupId) && <Alert>{errorOf(group.groupId)}</Alert>}
          </div>
        ))}
      </section>
    </div>
  );
}
