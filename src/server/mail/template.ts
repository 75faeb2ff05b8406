/** The plain-text and HTML parts of one email, built from the same content so they never drift apart. */
export type EmailLink = { label: string; url: string };

export type EmailContent = {
  heading: string;
  paragraphs: string[];
  action?: EmailLink;
  /** Lists of links under headings, e.g. the daily digest's groups. */
  sections?: { heading: string; items: EmailLink[] }[];
  footer?: string;
  /** Small links under the footer, e.g. "Change your email settings", "Unsubscribe". */
  footerLinks?: EmailLink[];
};

export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

function renderText(content: EmailContent): string {
  return [
    content.heading,
    "",
    ...content.paragraphs.flatMap((paragraph) => [paragraph, ""]),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ""] : []),
    ...(content.sections ?? []).flatMap((section) => [
      section.heading,
      ...section.items.map((item) => `- ${item.label}\n  ${item.url}`),
      "",
    ]),
    ...(content.footer || content.footerLinks?.length ? ["--"] : []),
    ...(content.footer ? [content.footer] : []),
    ...(content.footerLinks ?? []).map((link) => `${link.label}: ${link.url}`),
  ].join("\n");
}

const link = ({ label, url }: EmailLink, style: string) =>
  `<a href="${escapeHtml(url)}" style="${style}">${escapeHtml(label)}</a>`;

function renderHtml(content: EmailContent): string {
  const sections = (content.sections ?? [])
    .map(
      (section) => `<h2 style="font-size:18px;margin:24px 0 8px">${escapeHtml(section.heading)}</h2>
<ul style="margin:0 0 16px;padding-left:20px">${section.items.map((item) => `<li style="margin:0 0 8px">${link(item, "color:#9a3412")}</li>`).join("")}</ul>`,
    )
    .join("\n");
  const footerLinks = content.footerLinks?.length
    ? `<p style="margin:8px 0 0;font-size:14px;color:#57534e">${content.footerLinks.map((item) => link(item, "color:#57534e")).join(" · ")}</p>`
    : "";
  return `<!doctype html>
<html lang="en-GB"><body style="margin:0;padding:24px;background:#faf7f2;font-family:system-ui,sans-serif;color:#1c1917;font-size:17px;line-height:1.6">
<div style="max-width:560px;margin:0 auto;background:#fff;border:1px solid #d6d3d1;border-radius:12px;padding:24px">
<p style="margin:0 0 8px;color:#9a3412;font-weight:700">Hearth</p>
<h1 style="font-size:22px;margin:0 0 16px">${escapeHtml(content.heading)}</h1>
${content.paragraphs.map((paragraph) => `<p style="margin:0 0 16px;white-space:pre-line">${escapeHtml(paragraph)}</p>`).join("\n")}
${
  content.action
    ? `<p style="margin:24px 0">${link(content.action, "background:#9a3412;color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:600")}</p>
<p style="margin:0 0 16px;font-size:14px;color:#57534e">Or copy this link: ${escapeHtml(content.action.url)}</p>`
    : ""
}
${sections}
${content.footer ? `<p style="margin:16px 0 0;font-size:14px;color:#57534e">${escapeHtml(content.footer)}</p>` : ""}
${footerLinks}
</div></body></html>`;
}

export function renderEmail(content: EmailContent): { text: string; html: string } {
  return { text: renderText(content), html: renderHtml(content) };
}
