import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import bcrypt from "bcryptjs";
import { io as connect } from "socket.io-client";
import { callProcedure, signInCookie, startCluster } from "../bench/harness.ts";

process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";
const P = "/tmp/nginx-check/prefix";
const cluster = await startCluster(2, { HEARTH_TRUST_PROXY: "1" });
try {
  const ports = cluster.instances.map(({ url }) => new URL(url).port);
  const conf = readFileSync(`${P}/nginx.conf`, "utf8").replace("127.0.0.1:3001", `127.0.0.1:${ports[0]}`).replace("127.0.0.1:3002", `127.0.0.1:${ports[1]}`);
  writeFileSync(`${P}/live.conf`, conf);
  execFileSync("/tmp/nginx-check/root/usr/sbin/nginx", ["-p", P, "-c", `${P}/live.conf`]);
  const base = "https://127.0.0.1:18443";
  const { createDb } = await import("@/server/db");
  const db = createDb(cluster.databaseUrl);
  const hash = bcrypt.hashSync("nginx check password", 4);
  const group = await db.group.create({ data: { name: "G", handle: "g" } });
  const users = await db.user.createManyAndReturn({ data: Array.from({ length: 6 }, (_, i) => ({ name: `U${i}`, email: `u${i}@example.org`, passwordHash: hash })) });
  await db.membership.createMany({ data: users.map((u) => ({ userId: u.id, groupId: group.id, role: "member" as const })) });
  const thread = await db.thread.create({ data: { groupId: group.id, authorId: users[0]!.id, title: "T", body: "B" } });
  await db.$disconnect();
  const seen: string[] = [];
  const sockets = [];
  for (const [index, user] of users.entries()) {
    // What the browser has after loading a page: the proxy's cookie and the session.
    const page = await fetch(`${base}/api/health`);
    const sticky = page.headers.getSetCookie()[0]!.split(";")[0]!;
    const session = await signInCookie(base, user.email, "nginx check password");
    const cookie = `${sticky}; ${session}`;
    const socket = connect(base, { transports: ["polling"], upgrade: false, reconnection: false, extraHeaders: { cookie, origin: base }, rejectUnauthorized: false } as never);
    await new Promise<void>((resolve, reject) => { socket.once("connect", () => resolve()); socket.once("connect_error", reject); });
    const joined = await socket.timeout(5000).emitWithAck("thread.join" as never, thread.id as never);
    socket.on("comment.created" as never, ((c: { body: string }) => seen.push(`${index}:${c.body}`)) as never);
    socket.on("disconnect", (reason) => console.log(`socket ${index} disconnected: ${reason}`));
    sockets.push({ socket, cookie, sticky });
    console.log(`user ${index}: ${sticky}, joined ${JSON.stringify(joined)}`);
  }
  await new Promise((r) => setTimeout(r, 3000));
  for (const [index, { cookie }] of sockets.entries()) {
    const answer = await callProcedure(base, cookie, "comment.create", { threadId: thread.id, body: `hello ${index}` });
    if (!answer.ok) console.log("post failed", answer);
  }
  await new Promise((r) => setTimeout(r, 3000));
  console.log(`deliveries ${seen.length} of ${sockets.length * sockets.length}, all polling sockets still connected: ${sockets.every(({ socket }) => socket.connected)}`);
  // Which instance served each sticky cookie: the instance logs are not needed, the proxy's upstream addr is.
  for (const { socket } of sockets) socket.close();
} finally {
  try { execFileSync("/tmp/nginx-check/root/usr/sbin/nginx", ["-p", P, "-c", `${P}/live.conf`, "-s", "stop"]); } catch (e) { console.log(String(e)); }
  await cluster.stop();
}
process.exit(0);
