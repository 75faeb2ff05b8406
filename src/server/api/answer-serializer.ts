import superjson from "superjson";

type Serialized = ReturnType<typeof superjson.serialize>;

/** Thrown inside the walk when a value needs superjson itself. */
const NEEDS_SUPERJSON = Symbol("needs superjson");

/**
 * superjson.serialize's result, made in one light walk for what procedures answer: plain objects
 * and arrays of strings, finite numbers, booleans, null and Dates. Anything else (undefined, Maps,
 * BigInts, NaN, class instances, an object met twice, keys with dots…) is left to superjson
 * itself, so the JSON sent is always the one superjson would send and the client decodes it with
 * superjson as before. superjson's own walk copies every object and path as it goes: it was a
 * seventh of a `thread.list` answer's time (docs/benchmarks.md, bench:http).
 *
 * `json` is the answer as it is, Dates included: tRPC only ever turns it into JSON text, where a
 * Date becomes the same ISO string superjson puts in its place.
 */
export function serializeAnswer(answer: unknown): Serialized {
  const dates: Record<string, ["Date"]> = {};
  let hasDates = false;
  const seen = new Set<object>();

  const walk = (value: unknown, path: string): void => {
    switch (typeof value) {
      case "string":
      case "boolean":
        return;
      case "number":
        if (!Number.isFinite(value) || Object.is(value, -0)) throw NEEDS_SUPERJSON;
        return;
      case "object":
        break;
      default:
        throw NEEDS_SUPERJSON;
    }
    if (value === null) return;
    if (seen.has(value)) throw NEEDS_SUPERJSON;
    seen.add(value);
    if (value instanceof Date) {
      if (path === "" || Number.isNaN(value.getTime())) throw NEEDS_SUPERJSON;
      dates[path] = ["Date"];
      hasDates = true;
      return;
    }
    const prefix = path === "" ? "" : `${path}.`;
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        if (!(index in value)) throw NEEDS_SUPERJSON;
        walk(value[index], `${prefix}${index}`);
      }
      return;
    }
    const prototype = Object.getPrototypeOf(value) as unknown;
    if (prototype !== Object.prototype && prototype !== null) throw NEEDS_SUPERJSON;
    for (const key of Object.keys(value)) {
      if (key.includes(".") || key.includes("\\") || key === "__proto__" || key === "constructor" || key === "prototype") throw NEEDS_SUPERJSON;
      walk((value as Record<string, unknown>)[key], `${prefix}${key}`);
    }
  };

  try {
    walk(answer, "");
  } catch (error) {
    if (error === NEEDS_SUPERJSON) return superjson.serialize(answer);
    throw error;
  }
  return (hasDates ? { json: answer, meta: { values: dates, v: 1 } } : { json: answer }) as Serialized;
}
