import { buildIfStale } from "./build-if-stale.ts";

/**
 * `npm start`, first half: build when needed. package.json then `exec`s plain `node` on the server
 * bundle (SERVER_BUNDLE), so neither tsx (whose source maps cost the server about 150 MB) nor this
 * process stays in memory, and npm's signals reach the server itself.
 */
buildIfStale();
