import { ListTodo } from "lucide-react";
import Link from "next/link";

/** The header's way to My tasks (/tasks), beside the notification bell; on a phone it is in the menu instead, so the header keeps one row. */
export function MyTasksLink() {
  return (
    <Link
      href="/tasks"
      aria-label="My tasks"
      title="My tasks"
      className="hidden size-11 shrink-0 items-center justify-center rounded-lg text-ink hover:bg-ember-50 sm:inline-flex"
    >
      <ListTodo aria-hidden="true" className="size-5" />
    </Link>
  );
}
