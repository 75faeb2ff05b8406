/** The production bundle of src/server/serve.ts, beside server.ts's own (scripts/build-if-stale.ts writes both). */
export const SERVE_BUNDLE = "hearth-serve.mjs";
