import type { ReactNode } from "react";
import { ServiceWorkerRegistration } from "@/components/pwa/service-worker-registration";

/** The frame of pages people reach signed out (sign-in, invitations, password reset): one narrow column. */
export function PublicShell({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <ServiceWorkerRegistration userId={null} />
      <p className="text-2xl font-bold text-ember-700">Hearth</p>
      <h1 className="mb-6 mt-2 text-3xl font-bold">{title}</h1>
      {children}
    </main>
  );
}
