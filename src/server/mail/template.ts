/** The plain-text and HTML parts of one email, built from the same content so they never drift apart. */
export type EmailContent = {
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footer?: string;
};

export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

export function renderEmail(content: EmailContent): { text: string; html: string } {
  const text = [
    content.heading,
    "",
    ...content.paragraphs.flatMap((paragraph) => [paragraph, ""]),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ""] : []),
    ...(content.footer ? ["--", content.footer] : []),
  ].join("\n");

  const html = `<!doctype html>
<html lang="en-GB"><body style="margin:0;padding:24px;background:#faf7f2;font-family:system-ui,sans-serif;color:#1c1917;font-size:17px;line-height:1.6">
<div style="max-width:560px;margin:0 auto;background:#fff;border:1px solid #d6d3d1;border-radius:12px;padding:24px">
<p style="margin:0 0 8px;color:#9a3412;font-weight:700">Hearth</p>
<h1 style="font-size:22px;margin:0 0 16px">${escapeHtml(content.heading)}</h1>
${content.paragraphs.map((paragraph) => `<p style="margin:0 0 16px;white-space:pre-line">${escapeHtml(paragraph)}</p>`).join("\n")}
${
  content.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="background:#9a3412;color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:600">${escapeHtml(content.action.label)}</a></p>
<p style="margin:0 0 16px;font-size:14px;color:#57534e">Or copy this link: ${escapeHtml(content.action.url)}</p>`
    : ""
}
${content.footer ? `<p style="margin:16px 0 0;font-size:14px;color:#57534e">${escapeHtml(content.footer)}</p>` : ""}
</div></body></html>`;
  return { text, html };
}
