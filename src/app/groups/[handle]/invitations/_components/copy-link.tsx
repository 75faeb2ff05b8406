import { CopyField } from "@/components/ui/copy-field";

/** An invitation link to copy and send by other means. */
export function CopyLink({ link, label }: { link: string; label: string }) {
  return <CopyField value={link} label={label} noun="link" />;
}
