import { ListTodo } from "lucide-react";
import Link from "next/link";

/** The header's way to My tasks (/tasks), beside the notification bell. */
export function MyTasksLink() {
  return (
    <Link
      href="/tasks"
      aria-label="My tasks"
      title="My tasks"
      className="inline-flex size-11 shrink-0 items-center justify-center rounded-lg text-ink hover:bg-ember-50"
    >
      <ListTodo aria-hidden="true" className="size-5" />
    </Link>
  );
}
