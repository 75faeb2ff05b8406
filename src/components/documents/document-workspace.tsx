"use client";

import type { Editor } from "@tiptap/react";
import { BadgeCheck } from "lucide-react";
import { useCallback, useState } from "react";
import { AuthorshipToggle, AuthorshipView } from "@/components/documents/authorship/authorship-view";
import { CommentsPanel } from "@/components/documents/comments/comments-panel";
import { CollaborativeEditor } from "@/components/documents/collaborative-editor";
import { DocumentActions } from "@/components/documents/document-actions";
import { EditorToolbar } from "@/components/documents/editor-toolbar";
import { PresenceList } from "@/components/documents/presence-list";
import { DocumentModeControls, useDocumentSettingsLive } from "@/components/documents/suggestions/document-mode-controls";
import { SuggestionsPanel } from "@/components/documents/suggestions/suggestions-panel";
import { SyncStatus } from "@/components/documents/sync-status";
import { useCollaboration } from "@/components/documents/use-collaboration";
import { Breadcrumb } from "@/components/shell/breadcrumb";
import { LocalTime } from "@/components/ui/local-time";
import { colorFor } from "@/lib/documents/colors";
import type { RouterOutputs } from "@/lib/trpc/client";

type DocumentDetail = RouterOutputs["document"]["byId"];

/**
 * A document open for co-editing: title and version tools on top, the shared editor with its
 * toolbar, and beside it who is here, the suggestions and the inline comments. Guests get the
 * same live text, read-only, or may suggest changes when the document lets them. In suggesting
 * mode (and always for guests) what people type becomes suggestions.
 */
export function DocumentWorkspace({ document, me }: { document: DocumentDetail; me: { id: string; name: string } }) {
  const { collaboration, sync, editors, keptOnDevice } = useCollaboration(document.id, {
    userId: me.id,
    keepLocally: document.canEdit,
    maySuggest: document.canSuggest,
  });
  const [editor, setEditor] = useState<Editor | null>(null);
  const [showAuthors, setShowAuthors] = useState(false);
  const [user] = useState(() => ({ name: me.name, color: colorFor(me.id) }));
  // The live seat has the last word: a role change while the page is open makes the editor read-only at once.
  const canEdit = sync.status === "connecting" ? document.canEdit : sync.canEdit;
  const suggestOnly = !canEdit && document.canSuggest && sync.status !== "refused";
  const suggesting = suggestOnly || (canEdit && document.mode === "suggesting");
  const [unsuggestable, setUnsuggestable] = useState(false);
  const onUnsuggestable = useCallback(() => setUnsuggestable(true), []);
  useDocumentSettingsLive(document.id);

  return (
    <div className="flex flex-col gap-6">
      <Breadcrumb trail={[{ href: `/groups/${document.group.handle}/documents`, label: document.group.name }]} />
      <header className="flex flex-col gap-3">
        <div className="flex items-start justify-between gap-4 sm:flex-wrap">
          <h1 className="min-w-0 break-words text-3xl font-bold">{document.title}</h1>
          <DocumentActions document={document} />
        </div>
        {document.adoptedVersion && (
          <p className="inline-flex flex-wrap items-center gap-2 text-live">
            <BadgeCheck aria-hidden="true" className="size-5" />
            <span>
              Adopted vision: <strong>{document.adoptedVersion.name}</strong>, adopted <LocalTime date={document.adoptedVersion.adoptedAt} />
            </span>
          </p>
        )}
        {sync.notice ? (
          <p role="status" className="rounded-lg border border-line bg-ember-50 px-4 py-2">
            {sync.notice}
          </p>
        ) : suggestOnly ? (
          <p className="rounded-lg border border-line bg-ember-50 px-4 py-2">
            You can suggest changes to this document: what you type appears as a suggestion for the group&apos;s members to accept or
            reject.
          </p>
        ) : (
          !document.canEdit && (
            <p className="rounded-lg border border-line bg-ember-50 px-4 py-2">
              You can read this document and follow changes as they happen; only the group&apos;s members can change it.
            </p>
          )
        )}
        {canEdit && <DocumentModeControls documentId={document.id} mode={document.mode} guestsMaySuggest={document.guestsMaySuggest} />}
        {suggesting && (
          <p role="status" className="font-semibold text-live">
            Suggesting: insertions are underlined and deletions struck through until someone accepts or rejects them.
          </p>
        )}
        {unsuggestable && suggesting && (
          <p role="alert" className="rounded-lg border border-line bg-ember-50 px-4 py-2">
            Changing the kind of a block (heading, list, quote) cannot be suggested yet; that change was not made. Suggest the
            wording instead, or ask an editor.
          </p>
        )}
        <div className="flex flex-wrap items-center justify-between gap-3">
          <SyncStatus sync={sync} canEdit={canEdit} keptOnDevice={keptOnDevice} />
          <AuthorshipToggle shown={showAuthors} onChange={setShowAuthors} />
        </div>
      </header>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-labelledby="document-text" className="flex min-w-0 flex-col">
          <h2 id="document-text" className="sr-only">
            Text of {document.title}
          </h2>
          {showAuthors && <AuthorshipView documentId={document.id} />}
          {/* Kept mounted while authorship shows, so the live document and its cursor stay as they were. */}
          <div className={showAuthors ? "hidden" : "flex min-w-0 flex-col"}>
            {editor && (canEdit || suggestOnly) && <EditorToolbar editor={editor} />}
            {collaboration ? (
              <CollaborativeEditor
                shared={collaboration}
                user={user}
                editable={canEdit || suggestOnly}
                suggesting={suggesting}
                onUnsuggestable={onUnsuggestable}
                labelledBy="document-text"
                onEditor={setEditor}
              />
            ) : (
              <p className="rounded-xl border border-line bg-card px-5 py-4 text-muted">Opening the document…</p>
            )}
          </div>
        </section>
        <aside aria-label="People, suggestions and comments" className="flex min-w-0 flex-col gap-6">
          <PresenceList editors={editors} meId={me.id} />
          <SuggestionsPanel documentId={document.id} editor={editor} />
          <CommentsPanel documentId={document.id} editor={editor} canComment={canEdit} />
        </aside>
      </div>
    </div>
  );
}
