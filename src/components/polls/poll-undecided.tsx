"use client";

import { useQuery } from "@tanstack/react-query";
import { Heading } from "@/components/polls/heading";
import { useTRPC } from "@/lib/trpc/client";

/** Eligible voters who have not voted yet. Guests may not see it, so a refusal simply shows nothing. */
export function PollUndecided({ pollId, level }: { pollId: string; level: number }) {
  const trpc = useTRPC();
  const { data: people } = useQuery(trpc.poll.undecided.queryOptions({ pollId }));
  if (!people) return null;

  return (
    <section className="flex flex-col gap-2">
      <Heading level={level} className="text-lg font-bold">
        Not voted yet ({people.length})
      </Heading>
      {people.length === 0 ? (
        <p className="text-muted">Everyone who can vote has voted.</p>
      ) : (
        <ul className="flex flex-wrap gap-2">
          {people.map((person) => (
            <li key={person.id} className="rounded-full border border-line bg-card px-3 py-0.5">
              {person.name}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
