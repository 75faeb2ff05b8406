"use client";

import { FileText } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { openPdf, renderPage } from "@/components/resources/pdf-loader";

/**
 * The first page of a PDF, drawn in the browser once the thumbnail scrolls into view. While it
 * loads, or when the PDF cannot be read, a document icon stands in.
 */
export function PdfThumbnail({ url, title, width }: { url: string; title: string; width: number }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<"waiting" | "ready" | "failed">("waiting");

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    let cancelled = false;
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      void (async () => {
        try {
          const pdf = await openPdf(url);
          if (cancelled) return;
          await renderPage(pdf, 1, canvas, width);
          if (!cancelled) setState("ready");
          void pdf.destroy();
        } catch {
          if (!cancelled) setState("failed");
        }
      })();
    });
    observer.observe(canvas);
    return () => {
      cancelled = true;
      observer.disconnect();
    };
  }, [url, width]);

  return (
    <div className="relative flex items-center justify-center overflow-hidden bg-white" style={{ width, minHeight: Math.round(width * 1.294) }}>
      <canvas
        ref={canvasRef}
        role="img"
        aria-label={`First page of ${title}`}
        data-rendered={state === "ready" ? "true" : undefined}
        className={state === "ready" ? "block" : "absolute size-px opacity-0"}
      />
      {state !== "ready" && <FileText aria-hidden="true" className="size-10 text-ember-700" />}
    </div>
  );
}
