import Link from "next/link";
import type { ReactNode } from "react";
import { ServiceWorkerRegistration } from "@/components/pwa/service-worker-registration";
import { HeaderSearch, type SearchScope } from "@/components/search/header-search";
import { LiveIndicator } from "@/components/shell/live-indicator";
import { NotificationBell } from "@/components/shell/notification-bell";
import { UserMenu } from "@/components/shell/user-menu";
import { MyTasksLink } from "@/components/tasks/my-tasks-link";
import { RealtimeProvider } from "@/lib/realtime/socket-provider";

/**
 * The frame of every signed-in page: header with home link, live status, search, notifications and
 * account menu. `searchScope`: the group the page belongs to, which the search can be narrowed to.
 */
export function AppShell({
  me,
  searchScope,
  children,
}: {
  me: { id: string; name: string; email: string; isAdmin: boolean; canViewOrganisations: boolean };
  searchScope?: SearchScope;
  children: ReactNode;
}) {
  return (
    <RealtimeProvider>
      <ServiceWorkerRegistration userId={me.id} />
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-card focus:p-2">
        Skip to content
      </a>
      <header className="border-b border-line bg-card">
        {/* One row even at 360 px: the live pill gives way (its text truncates) before anything wraps. */}
        <div className="relative mx-auto flex max-w-5xl items-center justify-between gap-2 px-4 py-1 sm:py-2">
          <Link href="/" className="shrink-0 text-xl font-bold text-ember-700">
            Hearth
          </Link>
          <div className="flex min-w-0 items-center justify-end gap-2">
            <LiveIndicator />
            <HeaderSearch scope={searchScope} />
            <MyTasksLink />
            <NotificationBell />
            <UserMenu userId={me.id} name={me.name} email={me.email} isAdmin={me.isAdmin} canViewOrganisations={me.canViewOrganisations} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-5xl px-4 py-8">
        {children}
      </main>
    </RealtimeProvider>
  );
}
