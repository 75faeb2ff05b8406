import { Card } from "@/components/ui/card";

/** Inside a group that exists: a section the caller may not open (members for guests, settings for members). */
export default function GroupSectionNotFound() {
  return (
    <Card>
      <h2 className="text-xl font-semibold">This page is not available</h2>
      <p className="mt-2 text-muted">It does not exist, or it is only for some members of this group.</p>
    </Card>
  );
}
