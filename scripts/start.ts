import { buildIfStale } from "./build-if-stale.ts";

/** `npm start`: build when needed, then serve the production bundle from server.ts. */
buildIfStale();
Object.assign(process.env, { NODE_ENV: "production" });
await import("../server.ts");
