import type { Browser } from "@playwright/test";
import { call, signInByRequest, uniqueSuffix } from "./support";

/**
 * The administrator using `adminUrl`, and a member they invited who uses `samUrl` (another
 * instance of the same Hearth, or the same address), each signed in.
 */
export async function twoPeople(browser: Browser, adminUrl: string, samUrl: string) {
  const adminContext = await browser.newContext({ baseURL: adminUrl });
  await signInByRequest(adminContext.request);
  const group = await call<{ id: string; handle: string }>(adminContext.request, "group.create", { name: `Two instances ${uniqueSuffix()}` });
  const sam = { name: `Sam Rivers ${uniqueSuffix()}`, email: `sam.${uniqueSuffix()}@example.org`, password: "another steady hearth" };
  const { invitations } = await call<{ invitations: { link: string }[] }>(adminContext.request, "invitation.create", {
    groupId: group.id,
    emails: [sam.email],
    role: "member",
  });
  const samContext = await browser.newContext({ baseURL: samUrl });
  const token = new URL(invitations[0]!.link).pathname.split("/").pop();
  await call(samContext.request, "invitation.accept", { token, name: sam.name, password: sam.password });
  await signInByRequest(samContext.request, sam);
  return {
    group,
    sam,
    samContext,
    admin: await adminContext.newPage(),
    samPage: await samContext.newPage(),
    close: () => Promise.all([adminContext.close(), samContext.close()]),
  };
}
