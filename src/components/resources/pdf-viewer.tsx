"use client";

import { useEffect, useRef, useState } from "react";
import { openPdf, renderPage } from "@/components/resources/pdf-loader";

const MAX_PAGES = 20;

/**
 * A PDF read in the page: its first pages drawn by pdf.js (the browser's own viewer is missing
 * in some browsers and in headless ones). Longer PDFs, and any that cannot be drawn, point to
 * the download instead.
 */
export function PdfViewer({ url, title }: { url: string; title: string }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ status: "loading" | "ready" | "failed"; pages: number; total: number }>({
    status: "loading",
    pages: 0,
    total: 0,
  });

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let cancelled = false;
    let destroy: (() => void) | null = null;
    void (async () => {
      try {
        const pdf = await openPdf(url);
        destroy = () => void pdf.destroy();
        if (cancelled) return destroy();
        const count = Math.min(pdf.numPages, MAX_PAGES);
        const width = Math.min(container.clientWidth || 800, 900);
        container.replaceChildren();
        for (let number = 1; number <= count && !cancelled; number++) {
          const canvas = document.createElement("canvas");
          canvas.setAttribute("role", "img");
          canvas.setAttribute("aria-label", `Page ${number} of ${title}`);
          canvas.className = "block max-w-full border border-line bg-white shadow-sm";
          container.append(canvas);
          await renderPage(pdf, number, canvas, width);
          if (!cancelled) setState({ status: "ready", pages: number, total: pdf.numPages });
        }
      } catch {
        if (!cancelled) setState({ status: "failed", pages: 0, total: 0 });
      }
    })();
    return () => {
      cancelled = true;
      destroy?.();
    };
  }, [url, title]);

  return (
    <div className="flex flex-col gap-3">
      {state.status === "loading" && <p className="text-muted">Loading the PDF…</p>}
      {state.status === "failed" && (
        <p role="status">
          This PDF cannot be shown here.{" "}
          <a href={url} className="font-semibold text-ember-700 underline">
            Open or download it
          </a>{" "}
          instead.
        </p>
      )}
      <div
        ref={containerRef}
        role="region"
        aria-label={`Pages of ${title}`}
        tabIndex={0}
        data-testid="pdf-pages"
        className="flex max-h-[80vh] flex-col items-center gap-4 overflow-auto rounded-lg bg-paper p-2" />
      {state.status === "ready" && state.total > state.pages && (
        <p className="text-muted">
          Showing the first {state.pages} of {state.total} pages.{" "}
          <a href={url} className="font-semibold text-ember-700 underline">
            Open the whole PDF
          </a>
        </p>
      )}
    </div>
  );
}
