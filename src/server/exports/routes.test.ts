import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as groupExport } from "@/app/api/groups/[handle]/export/route";
import { GET as personalExport } from "@/app/api/me/export/route";
import { getDb } from "@/server/db";
import { getExportSlots } from "@/server/exports/slots";
import { exportScene } from "@/server/exports/test-scene";
import { readZip } from "@/server/exports/test-zip";
import { addMember, makeGroup, makeUser } from "@/server/test/factories";

/** The route handlers read the session from the request's cookie; here the test says who is signed in. */
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/server/api/context", () => ({ getSessionUserId: async () => session.userId }));

let scene: Awaited<ReturnType<typeof exportScene>>;

beforeAll(async () => {
  scene = await exportScene();
  process.env.HEARTH_DATA_DIR = scene.dataDir;
});

/** Every export of a test has let go of its slot (a finished download releases it once its stream closes). */
afterEach(async () => {
  session.userId = null;
  await vi.waitFor(() => {
    for (const user of [scene.admin, scene.alice, scene.bob]) getExportSlots().acquire(user.id)();
  });
});

function downloadGroup(as: { id: string } | null, handle: string, query = "") {
  session.userId = as?.id ?? null;
  const request = new Request(`https://hearth.example.org/api/groups/${handle}/export${query}`);
  return groupExport(request, { params: Promise.resolve({ handle }) });
}

const today = () => new Date().toISOString().slice(0, 10);

describe("GET /api/groups/[handle]/export", () => {
  it("gives an admin the ZIP as an attachment named after the group and the day, never cached", async () => {
    const response = await downloadGroup(scene.admin, scene.group.handle, "?format=zip");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="hearth-${scene.group.handle}-${today()}.zip"`);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const zip = await readZip(response.body!);
    expect(zip.names).toEqual(expect.arrayContaining(["group.json", "threads.csv", "votes.csv", `files/${scene.files.minutes.sha256}`]));
    expect(zip.bytes(`files/${scene.files.minutes.sha256}`).equals(scene.files.minutes.bytes)).toBe(true);
  });

  it("gives the JSON export with ?format=json, with the subgroups the admin may export and no others", async () => {
    const response = await downloadGroup(scene.admin, scene.group.handle, "?format=json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="hearth-${scene.group.handle}-${today()}.json"`);
    const text = await response.text();
    expect(JSON.parse(text.split("\n")[0]!)).toMatchObject({ group: { handle: scene.group.handle } });
    expect(text).toContain("Working notes");
    expect(text).not.toContain("Not for the parent's admins");
    expect(text).not.toContain("Audit findings");
  });

  it("answers 403 with the reason to members and guests, and 404 to outsiders, unknown groups and the signed out", async () => {
    for (const member of [scene.alice, scene.guest]) {
      const response = await downloadGroup(member, scene.group.handle);
      expect(response.status).toBe(403);
      expect(await response.text()).toBe("Only the group's admins can download all of its data.");
    }
    const outsider = await downloadGroup(scene.outsider, scene.group.handle);
    const unknown = await downloadGroup(scene.admin, "no-such-group");
    expect([outsider.status, unknown.status]).toEqual([404, 404]);
    expect(await outsider.text()).toBe(await unknown.text());
    expect((await downloadGroup(null, scene.group.handle)).status).toBe(401);
    expect((await downloadGroup(scene.admin, scene.group.handle, "?format=xlsx")).status).toBe(400);
  });

  it("checks access on every request: a removed admin gets 404, a demoted one 403", async () => {
    const [removed, demoted] = [await makeUser(), await makeUser()];
    const group = await makeGroup();
    await addMember(group.id, removed.id, "admin");
    await addMember(group.id, demoted.id, "admin");
    const first = await downloadGroup(removed, group.handle, "?format=json");
    expect(first.status).toBe(200);
    await first.text();

    await getDb().membership.delete({ where: { userId_groupId: { userId: removed.id, groupId: group.id } } });
    await getDb().membership.update({ where: { userId_groupId: { userId: demoted.id, groupId: group.id } }, data: { role: "member" } });
    expect((await downloadGroup(removed, group.handle, "?format=json")).status).toBe(404);
    expect((await downloadGroup(demoted, group.handle, "?format=json")).status).toBe(403);
  });

  it("prepares one export per person and two at once, says so with 429, and frees the slot when a download is cancelled", async () => {
    const [other, third] = [await makeUser(), await makeUser()];
    const [otherGroup, thirdGroup] = [await makeGroup(), await makeGroup()];
    await addMember(otherGroup.id, other.id, "admin");
    await addMember(thirdGroup.id, third.id, "admin");

    const running = await downloadGroup(scene.admin, scene.group.handle);
    expect(running.status).toBe(200);
    const again = await downloadGroup(scene.admin, scene.group.handle, "?format=json");
    expect(again.status).toBe(429);
    expect(await again.text()).toMatch(/^An export is already being prepared for you\./);
    expect(again.headers.get("retry-after")).toBe("30");

    const second = await downloadGroup(other, otherGroup.handle);
    expect(second.status).toBe(200);
    const full = await downloadGroup(third, thirdGroup.handle);
    expect(full.status).toBe(429);
    expect(await full.text()).toMatch(/^An export is already being prepared for other people/);
    const personal = await (session.userId = third.id, personalExport());
    expect(personal.status).toBe(429);

    await running.body!.cancel();
    await second.body!.cancel();
    await vi.waitFor(() => getExportSlots().acquire(third.id)());
    const later = await downloadGroup(third, thirdGroup.handle);
    expect(later.status).toBe(200);
    await readZip(later.body!);
  });
});

describe("GET /api/me/export", () => {
  it("gives the signed-in person their own data as a JSON attachment, with their comment and without anonymous votes", async () => {
    session.userId = scene.bob.id;
    const response = await personalExport();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="hearth-my-data-${today()}.json"`);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const data = (await response.json()) as { profile: { email: string }; comments: { body: string }[]; votes: unknown[]; notes: string[] };
    expect(data.profile.email).toBe(scene.bob.email);
    expect(data.comments.map(({ body }) => body)).toContain('Tea, "cake"\nand more');
    expect(data.votes).toEqual([]);
    expect(data.notes.join(" ")).toContain("anonymous");
  });

  it("answers 401 when signed out", async () => {
    expect((await personalExport()).status).toBe(401);
  });
});
