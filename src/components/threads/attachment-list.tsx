import { FileIcon } from "@/components/threads/file-icon";
import { formatFileSize } from "@/lib/file-size";
import type { RouterOutputs } from "@/lib/trpc/client";

type Attachment = RouterOutputs["thread"]["byId"]["attachments"][number];

/** A thread's attached files: icon by type, name and size, each a download link. */
export function AttachmentList({ attachments }: { attachments: Attachment[] }) {
  if (attachments.length === 0) return null;
  return (
    <section aria-labelledby="attachments-heading" className="flex flex-col gap-2">
      <h2 id="attachments-heading" className="text-lg font-semibold">
        Attachments
      </h2>
      <ul className="flex flex-col gap-2">
        {attachments.map((attachment) => {
          return (
            <li key={attachment.id}>
              <a
                href={attachment.url}
                className="flex min-h-11 items-center gap-3 rounded-lg border border-line bg-card px-3 py-2 hover:bg-ember-50"
              >
                <FileIcon contentType={attachment.contentType} />
                <span className="min-w-0 flex-1 break-words font-medium underline-offset-2 hover:underline">{attachment.name}</span>
                <span className="shrink-0 text-sm text-muted">{formatFileSize(attachment.size)}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
