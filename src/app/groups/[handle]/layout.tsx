import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { canInGroup } from "@/server/policy";
import { AskToJoin } from "@/app/groups/[handle]/_components/ask-to-join";
import { GroupHeader } from "@/app/groups/[handle]/_components/group-header";
import { GroupTabs } from "@/app/groups/[handle]/_components/group-tabs";
import { NOT_FOUND_TITLE } from "@/app/_lib/page-title";
import { groupNameForTitle, loadGroup } from "@/app/groups/[handle]/_lib/load-group";

export async function generateMetadata({ params }: { params: Promise<{ handle: string }> }) {
  const name = await groupNameForTitle((await params).handle);
  if (name === null) return { title: NOT_FOUND_TITLE };
  // A title with a template of its own, because a plain string here would drop the root layout's
  // " · Hearth" from every sub-page below the group.
  return { title: { default: name, template: "%s · Hearth" } };
}

export default async function GroupLayout({ children, params }: { children: ReactNode; params: Promise<{ handle: string }> }) {
  const { handle } = await params;
  const { me, group } = await loadGroup(handle);
  const base = `/groups/${group.handle}`;
  const tabs = [
    { href: base, label: "Overview", show: true },
    { href: `${base}/activity`, label: "Activity", show: true },
    { href: `${base}/members`, label: "Members", show: group.permissions.canViewMembers },
    { href: `${base}/documents`, label: "Documents", show: group.permissions.canViewDocuments },
    { href: `${base}/meetings`, label: "Meetings", show: group.permissions.canViewMeetings },
    { href: `${base}/decisions`, label: "Decisions", show: canInGroup({ role: group.myRole, settings: group.settings }, "decision.view") },
    { href: `${base}/charter`, label: "Charter", show: canInGroup({ role: group.myRole, settings: group.settings }, "charter.view") },
    { href: `${base}/resources`, label: "Resources", show: group.permissions.canViewResources },
    { href: `${base}/initiatives`, label: "Initiatives", show: canInGroup({ role: group.myRole, settings: group.settings }, "initiative.view") },
    { href: `${base}/stakeholders`, label: "Stakeholders", show: canInGroup({ role: group.myRole, settings: group.settings }, "stakeholder.view") },
    { href: `${base}/invitations`, label: "Invitations", show: group.permissions.canInvite },
    { href: `${base}/requests`, label: "Requests", show: group.permissions.canDecideRequests },
    { href: `${base}/settings`, label: "Settings", show: group.permissions.canUpdate },
    { href: `${base}/audit`, label: "Audit log", show: canInGroup({ role: group.myRole, settings: group.settings }, "group.viewAudit") },
  ]
    .filter((tab) => tab.show)
    .map(({ href, label }) => ({ href, label }));

  return (
    <AppShell me={me} searchScope={group.myRole ? { groupId: group.id, groupName: group.name } : undefined}>
      <GroupHeader group={group} />
      {group.myRole ? (
        <>
          <GroupTabs tabs={tabs} />
          <div className="mt-6">{children}</div>
        </>
      ) : (
        <AskToJoin groupId={group.id} groupName={group.name} />
      )}
    </AppShell>
  );
}
