import { NotFoundPage } from "@/components/shell/not-found-page";

export const metadata = { title: "Thread not found" };

/** A deleted thread's address (from a notification or an old link) lands here, not on an error. */
export default function ThreadNotFound() {
  return <NotFoundPage title="This thread was deleted or never existed" reason="It may also be in a group you are not in, or you were not invited to it." />;
}
