"use client";

import { BellRing, Building2, ChevronDown, CircleUser, Import, ListTodo, LogOut, Mail, Menu } from "lucide-react";
import { signOut } from "next-auth/react";
import Link from "next/link";
import { forgetThisDevice } from "@/components/pwa/forget-device";
import { forgetLocalCopies } from "@/lib/documents/local-copy";
import { useTRPCClient } from "@/lib/trpc/client";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

/**
 * Signing out also removes this person's document copies, offline pages and push subscription
 * from the device, for shared computers.
 */
async function signOutHere(userId: string, unsubscribePush: (endpoint: string) => Promise<unknown>): Promise<void> {
  await Promise.all([forgetLocalCopies(userId), forgetThisDevice(userId, unsubscribePush)]);
  await signOut({ callbackUrl: "/signin" });
}

export function UserMenu({
  userId,
  name,
  email,
  isAdmin,
  canViewOrganisations,
}: {
  userId: string;
  name: string;
  email: string;
  isAdmin: boolean;
  canViewOrganisations: boolean;
}) {
  const trpcClient = useTRPCClient();
  const unsubscribePush = (endpoint: string) => trpcClient.push.unsubscribe.mutate({ endpoint });
  return (
    <DropdownMenu>
      {/* On a phone the trigger is a menu icon so the header stays one row; it is still named after the person. */}
      <DropdownMenuTrigger className="inline-flex min-h-11 min-w-11 shrink-0 items-center justify-center gap-2 rounded-lg px-2 py-2 font-semibold hover:bg-ember-50 sm:px-3">
        <Menu aria-hidden="true" className="size-6 sm:hidden" />
        <span className="sr-only sm:not-sr-only sm:max-w-40 sm:truncate">{name}</span>
        <ChevronDown aria-hidden="true" className="hidden size-4 sm:block" />
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
          <Link href="/tasks">
            <ListTodo aria-hidden="true" className="size-4" />
            My tasks
          </Link>
        </DropdownMenuItem>
        {canViewOrganisations && (
          <DropdownMenuItem asChild>
            <Link href="/organisations">
              <Building2 aria-hidden="true" className="size-4" />
              Organisations
            </Link>
          </DropdownMenuItem>
        )}
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
        <DropdownMenuItem onSelect={() => void signOutHere(userId, unsubscribePush)}>
          <LogOut aria-hidden="true" className="size-4" />
          Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
