import Link from "next/link";
import { CookedMarkdown } from "@/components/cooked-markdown";
import { PollList } from "@/components/polls/poll-list";
import { DeletionStatus } from "@/components/threads/deletion-status";
import { ThreadList } from "@/components/threads/thread-list";
import { RoleBadge } from "@/components/ui/role-badge";
import { canInGroup } from "@/server/policy";
import { NewGroupDialog } from "@/app/_components/new-group-dialog";
import { LeaveGroupButton } from "@/app/groups/[handle]/_components/leave-group-button";
import { loadGroup } from "@/app/groups/[handle]/_lib/load-group";

/** The group's home: its discussions first, as in Loomio, with what the group is about beside them. */
export default async function GroupOverviewPage({ params }: { params: Promise<{ handle: string }> }) {
  const { group, caller } = await loadGroup((await params).handle);
  if (!group.myRole) return null;
  const canCreateSubgroup = group.permissions.canCreateSubgroup;
  const firstPage = await caller.thread.list({ groupId: group.id });
  const seesEveryThread = canInGroup({ role: group.myRole, settings: group.settings }, "thread.viewAll");

  return (
    <div className="grid gap-10 lg:grid-cols-3">
      <div className="min-w-0 lg:col-span-2">
        <DeletionStatus />
        <ThreadList
          groupId={group.id}
          initialPage={firstPage}
          canStartThread={group.permissions.canCreateThread}
          seesEveryThread={seesEveryThread}
        />
      </div>

      <div className="grid content-start gap-10">
        <section aria-labelledby="about-heading">
          <h2 id="about-heading" className="mb-3 text-2xl font-bold">
            About
          </h2>
          {group.description ? (
            <CookedMarkdown html={group.descriptionHtml} className="max-w-prose break-words" />
          ) : (
            <p className="text-muted">No description yet.</p>
          )}
          {group.memberCount !== null && (
            <p className="mt-4 text-muted">
              {group.memberCount} {group.memberCount === 1 ? "person" : "people"} in this group
            </p>
          )}
        </section>

        <PollList groupId={group.id} canStart={group.permissions.canCreatePoll} />

        {(group.subgroups.length > 0 || canCreateSubgroup) && (
          <section aria-labelledby="subgroups-heading">
            <div className="mb-3 flex flex-wrap items-center justify-between gap-4">
              <h2 id="subgroups-heading" className="text-2xl font-bold">
                Subgroups
              </h2>
              {canCreateSubgroup && <NewGroupDialog parent={{ id: group.id, name: group.name }} />}
            </div>
            {group.subgroups.length === 0 ? (
              <p className="text-muted">No subgroups yet.</p>
            ) : (
              <ul className="grid gap-2">
                {group.subgroups.map((subgroup) => (
                  <li key={subgroup.id} className="flex flex-wrap items-center gap-3 rounded-lg border border-line bg-card px-4 py-3">
                    <Link href={`/groups/${subgroup.handle}`} className="font-semibold text-ember-700 underline">
                      {subgroup.name}
                    </Link>
                    {subgroup.myRole && <RoleBadge role={subgroup.myRole} />}
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}

        <section aria-labelledby="membership-heading">
          <h2 id="membership-heading" className="mb-3 text-2xl font-bold">
            Your membership
          </h2>
          <LeaveGroupButton groupId={group.id} groupName={group.name} />
        </section>
      </div>
    </div>
  );
}
