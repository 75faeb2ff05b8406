"use client";

import { BellRing, Building2, ChevronDown, CircleUser, Import, LogOut, Mail } from "lucide-react";
import { signOut } from "next-auth/react";
import Link from "next/link";
import { forgetLocalCopies } from "@/lib/documents/local-copy";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

/** Signing out also removes this person's document copies from the device, for shared computers. */
async function signOutHere(userId: string): Promise<void> {
  await forgetLocalCopies(userId);
  await signOut({ callbackUrl: "/signin" });
}

export function UserMenu({ userId, name, email, isAdmin }: { userId: string; name: string; email: string; isAdmin: boolean }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger className="inline-flex min-h-11 items-center gap-2 rounded-lg px-3 py-2 font-semibold hover:bg-ember-50">
        <span className="max-w-40 truncate">{name}</span>
        <ChevronDown aria-hidden="true" className="size-4" />
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        <DropdownMenuLabel>Signed in as {email}</DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/account">
            <CircleUser aria-hidden="true" className="size-4" />
            Your account
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <Link href="/settings/notifications">
            <BellRing aria-hidden="true" className="size-4" />
            Email settings
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <Link href="/organisations">
            <Building2 aria-hidden="true" className="size-4" />
            Organisations
          </Link>
        </DropdownMenuItem>
        {isAdmin && (
          <DropdownMenuItem asChild>
            <Link href="/outbox">
              <Mail aria-hidden="true" className="size-4" />
              Email outbox
            </Link>
          </DropdownMenuItem>
        )}
        {isAdmin && (
          <DropdownMenuItem asChild>
            <Link href="/admin/import">
              <Import aria-hidden="true" className="size-4" />
              Import a group
            </Link>
          </DropdownMenuItem>
        )}
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => void signOutHere(userId)}>
          <LogOut aria-hidden="true" className="size-4" />
          Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
