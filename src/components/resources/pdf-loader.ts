"use client";

import type * as PdfjsModule from "pdfjs-dist";

type Pdfjs = typeof PdfjsModule;

let loading: Promise<Pdfjs> | null = null;

/**
 * pdf.js, loaded on first use in the browser only (it is large and touches `window`). Its worker
 * comes from the package itself through `new URL(…, import.meta.url)`, which the bundler turns
 * into a served asset: nothing is copied into public/.
 */
export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= import("pdfjs-dist").then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerPort = new Worker(new URL("pdfjs-dist/build/pdf.worker.min.mjs", import.meta.url), { type: "module" });
    return pdfjs;
  });
  return loading;
}

/** Opens a PDF by its (same-origin, authorised) download URL. */
export async function openPdf(url: string) {
  const pdfjs = await loadPdfjs();
  // Our file route answers whole files; range requests would only add a failed round trip.
  return pdfjs.getDocument({ url, disableRange: true, isEvalSupported: false }).promise;
}

/** Draws one page to fit `cssWidth` pixels across, sharp on high-density screens. */
export async function renderPage(
  pdf: Awaited<ReturnType<typeof openPdf>>,
  pageNumber: number,
  canvas: HTMLCanvasElement,
  cssWidth: number,
): Promise<void> {
  const page = await pdf.getPage(pageNumber);
  const natural = page.getViewport({ scale: 1 });
  const ratio = window.devicePixelRatio || 1;
  const viewport = page.getViewport({ scale: (cssWidth / natural.width) * ratio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${cssWidth}px`;
  canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
  await page.render({ canvas, viewport }).promise;
}
