import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { THEME_COLOUR } from "@/app/manifest";
import { TRPCReactProvider } from "@/lib/trpc/client";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Hearth", template: "%s · Hearth" },
  description: "Private discussions, decisions and drafting for the Compassionate Community steering group.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: THEME_COLOUR };

/**
 * Every page is rendered per request, so each gets the nonce of its Content-Security-Policy
 * (src/proxy.ts); a page built ahead of time would carry scripts the policy refuses.
 */
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-GB">
      <body className="min-h-screen">
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
