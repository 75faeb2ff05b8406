import { File, FileImage, FileSpreadsheet, FileText, Presentation } from "lucide-react";

/** An icon for a file's type, from its Content-Type (as stored, or as the browser guessed it). */
export function FileIcon({ contentType }: { contentType: string }) {
  const className = "size-5 shrink-0 text-ember-700";
  if (contentType.startsWith("image/")) return <FileImage aria-hidden="true" className={className} />;
  if (/spreadsheet|excel|text\/csv/.test(contentType)) return <FileSpreadsheet aria-hidden="true" className={className} />;
  if (/presentation|powerpoint/.test(contentType)) return <Presentation aria-hidden="true" className={className} />;
  if (/pdf|word|opendocument\.text|^text\//.test(contentType)) return <FileText aria-hidden="true" className={className} />;
  return <File aria-hidden="true" className={className} />;
}
