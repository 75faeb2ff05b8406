import type { MetadataRoute } from "next";

/** The colour of the header band (ember-700 in globals.css), also the browser's toolbar colour (app/layout.tsx). */
export const THEME_COLOUR = "#9a3412";

/**
 * Makes Hearth installable: browsers offer "Install" or "Add to Home Screen" once the manifest,
 * the icons and the service worker (/sw.js, registered by components/pwa/register-service-worker.tsx) are there.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "Hearth",
    short_name: "Hearth",
    description: "Private discussions, decisions and drafting for the Compassionate Community steering group.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#faf7f2",
    theme_color: THEME_COLOUR,
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
