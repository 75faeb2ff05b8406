type Person = { id: string; name: string };

function joinNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

function viewingText(viewers: Person[], viewerId: string): string | null {
  if (viewers.length === 0) return null;
  if (viewers.length === 1 && viewers[0]?.id === viewerId) return "Only you are viewing this thread right now.";
  const names = viewers.map(({ id, name }) => (id === viewerId ? "you" : name));
  return `${viewers.length} people are viewing: ${joinNames(names)}.`;
}

function typingText(typing: Person[]): string | null {
  if (typing.length === 0) return null;
  if (typing.length > 3) return "Several people are typing…";
  return `${joinNames(typing.map(({ name }) => name))} ${typing.length === 1 ? "is" : "are"} typing…`;
}

/** Who else has the thread open, and who is writing, from the thread's live room. */
export function PresenceLine({ viewers, typing, viewerId }: { viewers: Person[]; typing: Person[]; viewerId: string }) {
  const viewing = viewingText(viewers, viewerId);
  const writing = typingText(typing);
  return (
    <div data-testid="presence" className="flex min-h-6 flex-wrap gap-x-4 text-sm text-muted">
      {viewing && <p>{viewing}</p>}
      {writing && <p className="font-medium text-ink">{writing}</p>}
    </div>
  );
}
