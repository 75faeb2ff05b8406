"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { KIND_TEMPLATES, type PollTemplate } from "@/components/polls/poll-form-state";
import { KIND_LABELS } from "@/components/polls/poll-text";
import { Alert } from "@/components/ui/alert";
import { focusFirstField } from "@/components/ui/dialog";
import { errorMessage } from "@/lib/trpc/error-message";
import { useTRPC } from "@/lib/trpc/client";

function TemplateCards({ title, templates, onPick }: { title: string; templates: PollTemplate[]; onPick: (template: PollTemplate) => void }) {
  if (templates.length === 0) return null;
  return (
    <section className="flex flex-col gap-2">
      <h3 className="font-bold">{title}</h3>
      <ul className="grid gap-2">
        {templates.map((template) => (
          <li key={template.key}>
            <button
              type="button"
              // Picking a process is this step's field: the dialog opens on the first one.
              data-dialog-field
              onClick={() => onPick(template)}
              className="flex w-full flex-col items-start gap-1 rounded-lg border border-line bg-card px-4 py-3 text-left hover:border-ember-700 hover:bg-ember-50"
            >
              <span className="font-semibold text-ember-800">{template.name}</span>
              {template.description && <span className="text-sm text-muted">{template.description}</span>}
              {template.key.startsWith("kind:") ? null : <span className="text-xs text-muted">{KIND_LABELS[template.kind]}</span>}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Step one of a new decision: Hearth's processes, the group's own templates, then the remaining poll types. */
export function TemplatePicker({ groupId, onPick }: { groupId: string; onPick: (template: PollTemplate) => void }) {
  const trpc = useTRPC();
  const { data: templates, error } = useQuery(trpc.poll.templates.queryOptions({ groupId }));
  const builtIn = templates?.filter((template) => template.builtIn) ?? [];
  // Bare poll types are offered only where no named process already starts from them.
  const otherKinds = KIND_TEMPLATES.filter((kind) => !builtIn.some((template) => template.kind === kind.kind));
  const container = useRef<HTMLDivElement>(null);
  const loaded = templates !== undefined;
  // The dialog opens on its first field; when the processes arrive after it opened, the first process takes focus then.
  useEffect(() => {
    if (loaded) focusFirstField(container.current);
  }, [loaded]);
  return (
    <div ref={container} className="flex flex-col gap-5">
      {error && <Alert>{errorMessage(error)}</Alert>}
      {!templates && !error && <p className="text-muted">Loading the decision processes…</p>}
      <TemplateCards title="Decision processes" templates={builtIn} onPick={onPick} />
      <TemplateCards title="This group's templates" templates={templates?.filter((template) => !template.builtIn) ?? []} onPick={onPick} />
      {templates && <TemplateCards title="Other kinds of poll" templates={otherKinds} onPick={onPick} />}
    </div>
  );
}
