import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * `npm run bench:profile -- <dir>`: where the CPU time of the profiles in <dir> went (written by
 * `node --cpu-prof`, e.g. `npm run bench:http -- --profile <dir>`), as shares of the busy time:
 * by package or part of Hearth, then the functions with the most time of their own.
 */
type Frame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: Frame; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

const dir = process.argv[2];
if (!dir) throw new Error("usage: npm run bench:profile -- <directory of .cpuprofile files>");

/** The package a script belongs to (or Hearth's own file), or what V8 calls the work it did. */
function origin(frame: Frame): string {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const parts = url.slice(modules + "node_modules/".length).split("/");
    const name = parts[0]!.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!;
    if (name === "next") return `next/${parts.slice(1, 4).join("/")}`;
    return name;
  }
  if (url.startsWith("node:")) return url;
  if (url.includes("/.next/server/chunks/")) return "next chunk (app code)";
  if (url.includes("hearth-serve.mjs") || url.includes("hearth-server.mjs")) return "hearth server";
  return path.basename(url);
}

const selfTime = new Map<string, number>();
const functionTime = new Map<string, number>();
let busy = 0;
let total = 0;
for (const file of readdirSync(dir).filter((name) => name.endsWith(".cpuprofile"))) {
  const profile = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    total += delta;
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === "(idle)") return;
    busy += delta;
    const key = origin(frame);
    selfTime.set(key, (selfTime.get(key) ?? 0) + delta);
    const name = `${frame.functionName || "(anonymous)"} ${key}:${frame.lineNumber + 1}`;
    functionTime.set(name, (functionTime.get(name) ?? 0) + delta);
  });
}

const top = (map: Map<string, number>, count: number) =>
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, time]) => `${((100 * time) / busy).toFixed(1).padStart(5)} %  ${name}`)
    .join("\n");
console.log(`busy ${(busy / 1e6).toFixed(1)} s of ${(total / 1e6).toFixed(1)} s\n\nBy origin (self time):\n${top(selfTime, 30)}\n\nFunctions (self time):\n${top(functionTime, 40)}`);
