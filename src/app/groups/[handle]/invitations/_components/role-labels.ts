import type { RouterOutputs } from "@/lib/trpc/client";

type Role = RouterOutputs["invitation"]["assignableRoles"][number];

export const ROLE_LABELS: Record<Role, string> = { admin: "Admin", member: "Member", guest: "Guest" };

export const ROLE_HINTS: Record<Role, string> = {
  admin: "Admins manage the group, its members and invitations.",
  member: "Members take part in every discussion and decision.",
  guest: "Guests see only what they are invited to.",
};
