import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { HearthConfig } from "@/server/config";
import type { Db } from "@/server/db";
import { seedDemo, type DemoSignIn } from "@/server/bootstrap/demo-seed";
import { zCreateAdminInput } from "@/server/setup/schemas";
import { createFirstAdmin } from "@/server/setup/service";

export type StartUpReport = {
  createdAdmin: string | null;
  seededDemo: boolean;
  demoSignIns: DemoSignIn[];
};

function demoSignInsFile(dataDir: string): string {
  return path.join(dataDir, "demo-sign-ins.json");
}

/**
 * Brings a database to a usable state: the headless administrator when configured and no user
 * exists, then the demo group on a database without groups unless HEARTH_DEMO=0. Demo passwords
 * are kept (mode 600) in the data directory so later starts can print them again.
 */
export async function prepareInstance(db: Db, config: HearthConfig): Promise<StartUpReport> {
  let createdAdmin: string | null = null;
  if (config.headlessAdmin && (await db.user.count()) === 0) {
    const admin = zCreateAdminInput.parse(config.headlessAdmin);
    await createFirstAdmin(db, admin);
    createdAdmin = admin.email;
  }

  const file = demoSignInsFile(config.dataDir);
  const isEmpty = (await db.group.count()) === 0;
  if (config.seedDemo && isEmpty) {
    const demoSignIns = await seedDemo(db);
    writeFileSync(file, JSON.stringify(demoSignIns, null, 2), { mode: 0o600 });
    chmodSync(file, 0o600);
    return { createdAdmin, seededDemo: true, demoSignIns };
  }
  const demoSignIns = config.seedDemo && existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as DemoSignIn[]) : [];
  return { createdAdmin, seededDemo: false, demoSignIns };
}

export function formatSignInBanner(url: string, report: StartUpReport): string {
  const lines = [`Hearth is running at ${url}`];
  if (report.createdAdmin) lines.push(`Created the administrator ${report.createdAdmin} from HEARTH_ADMIN_EMAIL.`);
  if (report.demoSignIns.length) {
    lines.push(report.seededDemo ? "Demo data created. Sign in as:" : "Demo sign-ins (as first created):");
    for (const person of report.demoSignIns) {
      const label = person.isAdmin ? "staff, administrator" : person.role;
      lines.push(`  ${person.email.padEnd(28)} ${person.password}   ${person.name} (${label})`);
    }
  }
  return lines.join("\n");
}
