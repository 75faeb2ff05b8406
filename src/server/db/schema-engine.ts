import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type ErrorRegistry,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";

export type SchemaEngine = bindings.SchemaEngine;

export const noSchemaFilter: bindings.SchemaFilter = { externalTables: [], externalEnums: [] };

type PanicRegistry = { message: string; set_message(message: string): void };

// The bindings report a Rust panic through this global; without it the panic message is lost.
const panicHolder = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry };
panicHolder.PRISMA_WASM_PANIC_REGISTRY ??= {
  message: "",
  set_message(message) {
    this.message = message;
  },
};

let instantiated: Promise<void> | undefined;
let crash: Error | undefined;

/**
 * The package is built for bundlers that import .wasm files, so plain Node (tsx, vitest) has to
 * instantiate it by hand, once: compiling the 5 MB module is most of a first migration's cost,
 * and the bindings keep the one instance in their own module scope.
 */
function loadEngine(): Promise<void> {
  if (crash) return Promise.reject(crash);
  instantiated ??= (async () => {
    const packageDir = path.dirname(createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm"));
    const compiled = await WebAssembly.compile(await readFile(path.join(packageDir, "schema_engine_bg.wasm")));
    const instance = await WebAssembly.instantiate(compiled, { "./schema_engine_bg.js": bindings });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return instantiated;
}

/**
 * Runs `task` with a fresh engine over `adapterFactory`, then frees the engine and closes every
 * connection it opened: freeing the engine does not close them, and an open SQLite connection
 * makes the next engine's writes fail as busy.
 */
export async function withSchemaEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  task: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadEngine();
  const connections: SqlDriverAdapter[] = [];
  const track = async (connecting: Promise<SqlDriverAdapter>) => {
    const connection = await connecting;
    connections.push(connection);
    return connection;
  };
  const bound = bindMigrationAwareSqlAdapterFactory({
    provider: adapterFactory.provider,
    adapterName: adapterFactory.adapterName,
    connect: () => track(adapterFactory.connect()),
    connectToShadowDb: () => track(adapterFactory.connectToShadowDb()),
  });
  let engine: SchemaEngine | undefined;
  try {
    // The engine's own log lines are tracing noise here; failures arrive as rejections.
    engine = await bindings.SchemaEngine.new({ datamodels: undefined }, () => {}, bound);
    return await task(engine);
  } catch (error) {
    throw explain(error, bound.errorRegistry);
  } finally {
    // After a panic the instance is unusable: touching the engine again throws asynchronously.
    if (!crash) engine?.free();
    await Promise.all(connections.map((connection) => connection.dispose()));
  }
}

function explain(error: unknown, adapterErrors: ErrorRegistry): Error {
  if (error instanceof WebAssembly.RuntimeError) {
    const panic = panicHolder.PRISMA_WASM_PANIC_REGISTRY?.message;
    crash = new Error(`The Prisma schema engine crashed, restart the process: ${panic || error.message}`, { cause: error });
    return crash;
  }
  const message = error instanceof Error ? error.message : String(error);
  // An exception thrown by the driver adapter crosses the WebAssembly boundary as an id.
  const id = /^External error id#(\d+)/.exec(message)?.[1];
  const original = id === undefined ? undefined : adapterErrors.consumeError(Number(id))?.error;
  if (original !== undefined) return original instanceof Error ? original : new Error(String(original));
  return new Error(summarize(message), { cause: error });
}

/** Engine messages end in a Rust span trace; keep the sentence and the migration it names. */
function summarize(message: string): string {
  const sentence = (message.split(/\n\s+0: /)[0] ?? message).trim();
  const migration = /migration_name="([^"]+)"/.exec(message)?.[1];
  return migration ? `${sentence} (in migration ${migration})` : sentence;
}
