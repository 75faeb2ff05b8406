import { EyeOff } from "lucide-react";

/**
 * What people can and cannot see in an anonymous poll. While it is open even the tally is
 * withheld, since who has voted is visible and a tally that moved with each vote would show how.
 */
export function AnonymityNote({ open }: { open: boolean }) {
  return (
    <p className="flex items-start gap-2 text-muted" data-testid="anonymity-note">
      <EyeOff aria-hidden="true" className="mt-0.5 size-5 shrink-0" />
      {open
        ? "Anonymous vote: nobody, admins included, can see how anyone voted. Results appear when the poll closes; the group can see who has voted."
        : "Anonymous vote: the results show every ballot, but nobody, admins included, can see whose it is."}
    </p>
  );
}

/** Said on the ballot itself, before anyone votes. */
export const ANONYMOUS_BALLOT =
  "This vote is anonymous: nobody, admins included, can see how you voted. Results appear when the poll closes. Others can see that you have voted.";
