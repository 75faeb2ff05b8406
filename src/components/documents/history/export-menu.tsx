"use client";

import { ChevronDown, Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";

const FORMATS = [
  { format: "md", label: "Markdown (.md)" },
  { format: "html", label: "Web page (.html)" },
  { format: "pdf", label: "PDF (.pdf)" },
] as const;

export function exportUrl(documentId: string, format: string, versionId?: string, tracked = false): string {
  const query = new URLSearchParams({ format, ...(versionId && { version: versionId }), ...(tracked && { suggestions: "tracked" }) });
  return `/api/documents/${documentId}/export?${query}`;
}

/** Downloads the current text, or one version, in each export format; also with open suggestions as tracked changes. */
export function ExportMenu({ documentId, versionId, label = "Export" }: { documentId: string; versionId?: string; label?: string }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="secondary">
          <Download aria-hidden="true" className="size-4" />
          {label}
          <ChevronDown aria-hidden="true" className="size-4" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        {FORMATS.map(({ format, label: name }) => (
          <DropdownMenuItem key={format} asChild>
            <a href={exportUrl(documentId, format, versionId)} download>
              {name}
            </a>
          </DropdownMenuItem>
        ))}
        {FORMATS.filter(({ format }) => format !== "pdf").map(({ format, label: name }) => (
          <DropdownMenuItem key={`${format}-tracked`} asChild>
            <a href={exportUrl(documentId, format, versionId, true)} download>
              {name.replace(" (", " with suggestions (")}
            </a>
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
