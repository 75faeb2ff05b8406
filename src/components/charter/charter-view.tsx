"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { CharterEditForm } from "@/components/charter/charter-edit-form";
import { PendingSignatures } from "@/components/charter/pending-signatures";
import { SignatoryList } from "@/components/charter/signatory-list";
import { useCharterLive } from "@/components/charter/use-charter-live";
import { CookedMarkdown } from "@/components/cooked-markdown";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { CopyField } from "@/components/ui/copy-field";
import { LocalTime } from "@/components/ui/local-time";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC, type RouterOutputs } from "@/lib/trpc/client";

type Charter = RouterOutputs["charter"]["get"];

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-3">
      <h2 id={`${id}-heading`} className="text-xl font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** "Ask to sign for <organisation>", or where that organisation's signature stands. */
function SignForOrganisation({ charter }: { charter: Charter }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ask = useMutation(
    trpc.charter.requestSignature.mutationOptions({
      onSettled: () => void queryClient.invalidateQueries(trpc.charter.get.pathFilter()),
    }),
  );
  const { organisation, signatureStatus, canRequestSignature } = charter.viewer;
  if (!organisation) {
    return (
      <p className="text-muted">
        To ask for your organisation to sign, first choose it on <a href="/account" className="font-semibold text-ember-700 underline">your account page</a>.
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      {signatureStatus === "approved" && <p>{organisation.name} has signed this charter.</p>}
      {signatureStatus === "pending" && <p>{organisation.name} has asked to sign. An admin of the group will approve or decline it.</p>}
      {signatureStatus === "declined" && <p>{organisation.name}&apos;s request to sign was declined. You may ask again.</p>}
      {canRequestSignature && (
        <div>
          <Button disabled={ask.isPending} onClick={() => ask.mutate({ groupId: charter.groupId, organisationId: organisation.id })}>
            Ask to sign for {organisation.name}
          </Button>
        </div>
      )}
      {ask.error && <Alert>{errorMessage(ask.error)}</Alert>}
    </div>
  );
}

/** The public switch and, while it is on, the link to share. */
function PublicPage({ charter, publicUrl }: { charter: Charter; publicUrl: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // What the admin just chose, shown at once (a controlled checkbox would otherwise spring back until the answer).
  const [chosen, setChosen] = useState<boolean | null>(null);
  const toggle = useMutation(
    trpc.charter.update.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.charter.get.queryKey({ groupId: charter.groupId }), data),
      onSettled: () => {
        setChosen(null);
        void queryClient.invalidateQueries(trpc.charter.get.pathFilter());
      },
    }),
  );
  return (
    <div className="flex flex-col gap-3">
      <CheckboxField
        label="Anyone can read the charter and its signatories at its public page"
        hint="Nothing else of the group is shown there. Off by default."
        checked={chosen ?? charter.isPublic}
        disabled={toggle.isPending}
        onChange={(event) => {
          setChosen(event.target.checked);
          toggle.mutate({ groupId: charter.groupId, isPublic: event.target.checked });
        }}
      />
      {charter.isPublic && <CopyField value={publicUrl} label="Public charter link" noun="link" hint="The public page, for anyone, signed in or not." />}
      {toggle.error && <Alert>{errorMessage(toggle.error)}</Alert>}
    </div>
  );
}

/** Versions newest first; "Read" shows an earlier version's text above the list. */
function Versions({ charter, shown, onShow }: { charter: Charter; shown: number | null; onShow: (number: number | null) => void }) {
  if (charter.versions.length === 0) return <p className="text-muted">No version has been saved yet.</p>;
  return (
    <div className="flex flex-col gap-3">
      {charter.shownVersion && (
        <div className="flex flex-col gap-2 rounded-lg border border-line p-4">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="font-semibold">Version {charter.shownVersion.number}</p>
            <Button variant="secondary" onClick={() => onShow(null)}>
              Close version {charter.shownVersion.number}
            </Button>
          </div>
          <CookedMarkdown html={charter.shownVersion.bodyHtml} />
        </div>
      )}
      <ol className="flex flex-col divide-y divide-line rounded-lg border border-line" aria-label="Versions">
        {charter.versions.map((version) => (
          <li key={version.number} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
            <span>
              <span className="font-semibold">Version {version.number}</span>
              {version.number === charter.version && " (current)"} · <LocalTime date={version.createdAt} withTime />
              {version.createdBy && ` · ${version.createdBy.name}`}
            </span>
            {version.number !== charter.version && (
              <Button variant="ghost" aria-pressed={shown === version.number} onClick={() => onShow(shown === version.number ? null : version.number)}>
                Read version {version.number}
              </Button>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** The group's charter: its text (written by admins), versions, signatories, requests to sign and the public page switch; kept live. */
export function CharterView({ initial, publicUrl }: { initial: Charter; publicUrl: string }) {
  const trpc = useTRPC();
  const [shown, setShown] = useState<number | null>(null);
  const { data } = useQuery({
    ...trpc.charter.get.queryOptions({ groupId: initial.groupId, ...(shown !== null && { version: shown }) }),
    initialData: shown === null ? initial : undefined,
    placeholderData: (previous) => previous,
  });
  const charter = data ?? initial;
  const [editing, setEditing] = useState(false);
  useCharterLive(initial.groupId);
  const { viewer } = charter;

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h2 className="text-2xl font-bold">Charter</h2>
        {viewer.canEdit && !editing && <Button onClick={() => setEditing(true)}>{charter.body ? "Edit charter" : "Write the charter"}</Button>}
      </div>
      {editing ? (
        <CharterEditForm groupId={charter.groupId} body={charter.body} onDone={() => setEditing(false)} />
      ) : charter.body ? (
        <article aria-label="Charter text" className="flex flex-col gap-2">
          <CookedMarkdown html={charter.bodyHtml} />
          {charter.updatedAt && (
            <p className="text-sm text-muted">
              Version {charter.version}, saved <LocalTime date={charter.updatedAt} withTime />
            </p>
          )}
        </article>
      ) : (
        <p className="text-muted">{viewer.canEdit ? "The group has no charter yet. Write it here." : "The group has no charter yet."}</p>
      )}

      <Section id="signatories" title="Signatories">
        <SignatoryList signatories={charter.signatories} emptyText="No organisation has signed the charter yet." />
        {charter.body && <SignForOrganisation charter={charter} />}
      </Section>

      {charter.pending && (
        <Section id="requests" title="Requests to sign">
          <PendingSignatures pending={charter.pending} />
        </Section>
      )}

      {viewer.canEdit && (
        <Section id="public" title="Public page">
          <PublicPage charter={charter} publicUrl={publicUrl} />
        </Section>
      )}

      <Section id="versions" title="Versions">
        <Versions charter={charter} shown={shown} onShow={setShown} />
      </Section>
    </div>
  );
}
