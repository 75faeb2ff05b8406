import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as auditCsv } from "@/app/api/groups/[handle]/audit.csv/route";
import { recordAudit } from "@/server/audit/record";
import { getDb } from "@/server/db";
import { addMember, callerFor, makeGroup, makeUser } from "@/server/test/factories";

/** The route handler reads the session from the request's cookie; here the test says who is signed in. */
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/server/api/context", () => ({ getSessionUserId: async () => session.userId }));

afterEach(() => {
  session.userId = null;
});

function download(as: { id: string } | null, handle: string) {
  session.userId = as?.id ?? null;
  return auditCsv(new Request(`https://hearth.example.org/api/groups/${handle}/audit.csv`), { params: Promise.resolve({ handle }) });
}

async function scene() {
  const group = await makeGroup({ name: "Steering" });
  const [admin, member, guest, outsider] = [await makeUser({ name: "Morgan Staff" }), await makeUser(), await makeUser(), await makeUser()];
  await addMember(group.id, admin.id, "admin");
  await addMember(group.id, member.id, "member");
  await addMember(group.id, guest.id, "guest");
  return { group, admin, member, guest, outsider };
}

describe("GET /api/groups/[handle]/audit.csv", () => {
  it("gives an admin every entry as RFC 4180 CSV, quoted where needed and with formulas defused", async () => {
    const { group, admin } = await scene();
    const { caller } = callerFor(admin.id);
    const thread = await caller.thread.create({ groupId: group.id, title: '=HYPERLINK("https://evil.example"), "quoted"', body: "Text" });
    await caller.thread.delete({ threadId: thread.id });
    await caller.group.update({ id: group.id, name: "-Steering, renamed" });
    await recordAudit(
      getDb(),
      Array.from({ length: 600 }, (_, n) => ({
        groupId: group.id,
        actorId: admin.id,
        action: "invitation.revoked" as const,
        subject: { type: "invitation" as const, id: `i-${n}`, label: `@person${n}@example.test` },
      })),
    );

    const response = await download(admin, group.handle);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="hearth-${group.handle}-audit-log-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const csv = await response.text();
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("time (UTC),actor,action,what happened,subject type,subject,before,after");
    // A header, 602 entries (the 600 read over more than one page), and the empty string after the last CRLF.
    expect(lines).toHaveLength(604);
    expect(lines.at(-1)).toBe("");
    expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z,Morgan Staff,invitation.revoked,Morgan Staff revoked the invitation to @person599@example.test,invitation,'@person599@example.test,,$/);
    expect(csv).toContain(
      `,Morgan Staff,group.settings_changed,Morgan Staff changed the group's settings: name,group,"'-Steering, renamed","{""name"":""Steering""}","{""name"":""-Steering, renamed""}"\r\n`,
    );
    expect(csv).toContain(
      `,Morgan Staff,thread.deleted,"Morgan Staff deleted the thread “=HYPERLINK(""https://evil.example""), ""quoted""”",thread,"'=HYPERLINK(""https://evil.example""), ""quoted""",`,
    );
  });

  it("checks on every request: 403 with the reason for members, guests and a demoted admin; 404 for outsiders and unknown groups; 401 signed out", async () => {
    const { group, admin, member, guest, outsider } = await scene();
    const demoted = await makeUser();
    await addMember(group.id, demoted.id, "admin");
    expect((await download(demoted, group.handle)).status).toBe(200);
    await callerFor(admin.id).caller.member.setRole({ groupId: group.id, userId: demoted.id, role: "member" });

    for (const refused of [member, guest, demoted]) {
      const response = await download(refused, group.handle);
      expect(response.status).toBe(403);
      expect(await response.text()).toBe("Only the group's admins can see its audit log.");
    }
    const [stranger, unknown] = [await download(outsider, group.handle), await download(admin, "no-such-group")];
    expect([stranger.status, unknown.status]).toEqual([404, 404]);
    expect(await stranger.text()).toBe(await unknown.text());
    expect((await download(null, group.handle)).status).toBe(401);
  });
});
