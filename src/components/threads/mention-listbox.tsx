import { cn } from "@/components/ui/cn";

/** The suggestions under the editor; the textarea keeps focus and drives it (aria-activedescendant). */
export function MentionListbox({
  id,
  people,
  activeIndex,
  optionId,
  onChoose,
}: {
  id: string;
  people: { id: string; name: string }[];
  activeIndex: number;
  optionId: (index: number) => string;
  onChoose: (person: { id: string; name: string }) => void;
}) {
  return (
    <ul
      id={id}
      role="listbox"
      aria-label="People to mention"
      className="absolute inset-x-0 top-full z-30 mt-1 max-h-64 overflow-y-auto rounded-lg border border-line bg-card p-1 shadow-lg"
    >
      {people.map((person, index) => (
        <li
          key={person.id}
          id={optionId(index)}
          role="option"
          aria-selected={index === activeIndex}
          // Keep focus (and the caret) in the textarea while choosing with the mouse.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onChoose(person)}
          className={cn("cursor-pointer rounded-md px-3 py-2", index === activeIndex && "bg-ember-100 font-semibold")}
        >
          {person.name}
        </li>
      ))}
    </ul>
  );
}
