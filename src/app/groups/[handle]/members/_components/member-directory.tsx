"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Search } from "lucide-react";
import { useDeferredValue, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { ClaimLinksPanel } from "@/app/groups/[handle]/members/_components/claim-links";
import { MemberRow } from "@/app/groups/[handle]/members/_components/member-row";
import { useTRPC, type RouterInputs, type RouterOutputs } from "@/lib/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";

type Member = RouterOutputs["member"]["list"]["items"][number];
type Role = NonNullable<RouterInputs["member"]["list"]["role"]>;

/** Consecutive members of the same organisation, as the server orders them. */
function byOrganisation(members: Member[]) {
  const sections: { key: string; title: string; members: Member[] }[] = [];
  for (const member of members) {
    const key = member.organisation?.id ?? "none";
    const last = sections.at(-1);
    if (last?.key === key) last.members.push(member);
    else sections.push({ key, title: member.organisation?.name ?? "No organisation", members: [member] });
  }
  return sections;
}

export function MemberDirectory({
  groupId,
  myUserId,
  canManage,
  organisations,
  initialSearch,
}: {
  groupId: string;
  myUserId: string;
  canManage: boolean;
  organisations: { id: string; name: string }[];
  /** From the address (`?search=`), where search results for people lead. */
  initialSearch: string;
}) {
  const trpc = useTRPC();
  const [search, setSearch] = useState(initialSearch);
  const [organisationId, setOrganisationId] = useState("");
  const [role, setRole] = useState<Role | "">("");
  const deferredSearch = useDeferredValue(search.trim());
  const input = {
    groupId,
    search: deferredSearch || undefined,
    organisationId: organisationId || undefined,
    role: role || undefined,
  };
  const members = useInfiniteQuery(
    trpc.member.list.infiniteQueryOptions(input, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );
  const all = members.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(input.search || input.organisationId || input.role);

  const roleOptions = [
    { value: "", label: "Everyone" },
    { value: "admin", label: "Admins" },
    { value: "member", label: "Members" },
    ...(canManage ? [{ value: "guest", label: "Guests" }] : []),
  ];

  return (
    <section aria-labelledby="members-heading">
      {canManage && <ClaimLinksPanel groupId={groupId} />}
      <h2 id="members-heading" className="mb-4 text-2xl font-bold">
        Search members
      </h2>
      <form role="search" aria-label="Members" onSubmit={(event) => event.preventDefault()} className="mb-6 grid grid-cols-1 gap-4 sm:grid-cols-3">
        <div className="relative">
          <TextField
            label="Name"
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            maxLength={100}
            autoComplete="off"
            className="w-full pl-10"
          />
          <Search aria-hidden="true" className="pointer-events-none absolute bottom-3 left-3 size-5 text-muted" />
        </div>
        <SelectField
          label="Organisation"
          value={organisationId}
          onChange={(event) => setOrganisationId(event.target.value)}
          className="w-full"
          options={[{ value: "", label: "All organisations" }, ...organisations.map(({ id, name }) => ({ value: id, label: name }))]}
        />
        <SelectField
          label="Role"
          value={role}
          onChange={(event) => setRole(event.target.value as Role | "")}
          className="w-full"
          options={roleOptions}
        />
      </form>

      {members.error && <Alert>{errorMessage(members.error)}</Alert>}
      <p role="status" className="mb-4 text-muted">
        {members.isPending
          ? "Loading members…"
          : all.length === 0
            ? filtered
              ? "Nobody matches these filters."
              : "Nobody here yet."
            : `${all.length} ${all.length === 1 ? "person" : "people"}${members.hasNextPage ? " shown so far" : ""}.`}
      </p>

      <div className="grid gap-8">
        {byOrganisation(all).map((section) => (
          <section key={section.key} aria-labelledby={`organisation-${section.key}`}>
            <h3 id={`organisation-${section.key}`} className="mb-3 border-b border-line pb-1 text-xl font-semibold">
              {section.title}
            </h3>
            <ul className="grid gap-3">
              {section.members.map((member) => (
                <MemberRow key={member.userId} groupId={groupId} member={member} isMe={member.userId === myUserId} canManage={canManage} />
              ))}
            </ul>
          </section>
        ))}
      </div>

      {members.hasNextPage && (
        <Button variant="secondary" className="mt-6" onClick={() => void members.fetchNextPage()} disabled={members.isFetchingNextPage}>
          {members.isFetchingNextPage ? "Loading…" : "Load more"}
        </Button>
      )}
    </section>
  );
}
