import { cn } from "@/components/ui/cn";

const LABELS = { admin: "Admin", member: "Member", guest: "Guest" } as const;

/** A person's role in a group, as a small pill. */
export function RoleBadge({ role, className }: { role: keyof typeof LABELS; className?: string }) {
  return (
    <span
      className={cn(
        "inline-block rounded-full px-3 py-0.5 text-sm font-semibold",
        role === "admin" ? "bg-ember-700 text-white" : role === "member" ? "bg-ember-100 text-ember-800" : "border border-line text-muted",
        className,
      )}
    >
      {LABELS[role]}
    </span>
  );
}

export const ROLE_LABELS = LABELS;
