import { NotFoundPage } from "@/components/shell/not-found-page";

export const metadata = { title: "Poll not found" };

/** A deleted poll's address (from a notification or an old link) lands here, not on an error. */
export default function PollNotFound() {
  return <NotFoundPage title="This poll was deleted or never existed" reason="It may also be in a group or thread you cannot see." />;
}
