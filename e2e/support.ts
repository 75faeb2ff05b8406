import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type Axe from "axe-core";
import type { EditorState } from "@tiptap/pm/state";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";

/** The administrator the first-run journey creates; later journeys sign in as them. */
export const ADMIN = { name: "Morgan Staff", email: "morgan.staff@example.org", password: "a steady hearth 2026" };

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * Scans the whole page, or only `include` (e.g. an open menu, which lives outside the landmarks).
 * axe runs in the page itself, injected once per document: @axe-core/playwright's default opens a
 * second page to merge results across frames, which tripled the cost of a scan, and Hearth's
 * pages have no frames.
 */
export async function expectNoAxeViolations(page: Page, include?: string) {
  // Next streams the <title> of dynamic pages after the body; scan once it has arrived.
  await expect(page).toHaveTitle(/\S/);
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (selector) => {
    const { axe } = window as unknown as { axe: typeof Axe };
    const { violations } = await axe.run(selector ? { include: [[selector]] } : document, { resultTypes: ["violations"] });
    return violations.map(({ id, help, nodes }) => ({ id, help, targets: nodes.map((node) => node.target) }));
  }, include);
  expect(violations).toEqual([]);
}

export async function signIn(page: Page, credentials: { email: string; password: string } = ADMIN) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Signs in the way the sign-in form does (next-auth's CSRF token, then the credentials callback),
 * without rendering the form: journeys that are not about signing in start from a session, and
 * the page shares the request's cookies. The sign-in journeys themselves use `signIn`.
 */
export async function signInByRequest(request: APIRequestContext, credentials: { email: string; password: string } = ADMIN) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: credentials.email, password: credentials.password, json: "true" },
  });
  expect(response.ok(), `signing in as ${credentials.email}`).toBe(true);
  const session = (await (await request.get("/api/auth/session")).json()) as { user?: { email?: string } };
  expect(session.user?.email, `a session for ${credentials.email}`).toBe(credentials.email);
}

/**
 * Waits until the page's scripts run: a button the server rendered does nothing until React has
 * hydrated it, which on a busy machine can take seconds. The live indicator says "Live" only then.
 */
export async function expectHydrated(page: Page) {
  await expect(page.getByTestId("live-indicator")).toHaveText("Live");
}

/** Signs in as the first-run administrator; the page then opens wherever the journey goes. */
export async function signInAsAdmin(page: Page) {
  await signInByRequest(page.request);
}

/** A short random suffix, so each run's names are its own on the shared server. */
export const uniqueSuffix = () => Math.random().toString(36).slice(2, 8);

/** Calls a tRPC mutation with the cookies of `request` (a signed-in page's, or a fresh one). */
export async function call<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const response = await request.post(`/api/trpc/${path}`, { data: { json: input } });
  const body = await response.json();
  if (!response.ok()) throw new Error(`${path} failed: ${JSON.stringify(body.error?.json?.message ?? body)}`);
  return body.result.data.json as T;
}

/** Calls a tRPC query (queries answer GET only). */
export async function query<T>(request: APIRequestContext, path: string, input?: unknown): Promise<T> {
  const search = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const response = await request.get(`/api/trpc/${path}${search}`);
  const body = await response.json();
  if (!response.ok()) throw new Error(`${path} failed: ${JSON.stringify(body.error?.json?.message ?? body)}`);
  return body.result.data.json as T;
}

/** A second person: invited to the group as a member, account made through the invitation, signed in in their own context. */
export async function secondPerson(browser: Browser, adminRequest: APIRequestContext, groupId: string) {
  const person = { name: `Sam Rivers ${uniqueSuffix()}`, email: `sam.${uniqueSuffix()}@example.org`, password: "another steady hearth" };
  const { invitations } = await call<{ invitations: { link: string }[] }>(adminRequest, "invitation.create", {
    groupId,
    emails: [person.email],
    role: "member",
  });
  const token = new URL(invitations[0]!.link).pathname.split("/").pop();
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  await call(context.request, "invitation.accept", { token, name: person.name, password: person.password });
  await signInByRequest(context.request, person);
  const page = await context.newPage();
  return { person, context, page };
}

/** A stakeholder invited to read one document, their account made through the invitation, signed in in their own context. */
export async function invitedReader(browser: Browser, adminPage: Page, groupId: string, documentId: string) {
  const reader = { name: `Rita Reader ${uniqueSuffix()}`, email: `rita.${uniqueSuffix()}@example.org`, password: "a reader's steady hearth" };
  return { reader, ...(await invitedGuest(browser, adminPage, groupId, { documentId }, reader)) };
}

/** `person` invited as a guest to one thread or document, their account made through the invitation, signed in in their own context. */
export async function invitedGuest(
  browser: Browser,
  adminPage: Page,
  groupId: string,
  to: { threadId: string } | { documentId: string },
  person: { name: string; email: string; password: string },
) {
  const { invitations } = await call<{ invitations: { link: string }[] }>(adminPage.request, "invitation.create", {
    groupId,
    emails: [person.email],
    role: "guest",
    ...to,
  });
  const token = new URL(invitations[0]!.link).pathname.split("/").pop();
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  await call(context.request, "invitation.accept", { token, name: person.name, password: person.password });
  await signInByRequest(context.request, person);
  const page = await context.newPage();
  return { context, page };
}

/** Selects `text` inside the document editor the way a mouse drag would: ProseMirror reads the DOM selection. */
export async function selectText(page: Page, text: string) {
  const editor = page.locator(".ProseMirror");
  await editor.click();
  await editor.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in the editor`);
  }, text);
  // ProseMirror takes a selection made in the page on its next selectionchange; a key pressed
  // before then acts on the old one.
  await editor.evaluate(
    (root, wanted) =>
      new Promise<void>((resolve, reject) => {
        const started = Date.now();
        const check = () => {
          const { state } = (root as HTMLElement & { editor: { state: EditorState } }).editor;
          if (state.doc.textBetween(state.selection.from, state.selection.to) === wanted) resolve();
          else if (Date.now() - started > 5_000) reject(new Error(`the editor never selected "${wanted}"`));
          else requestAnimationFrame(check);
        };
        check();
      }),
    text,
  );
}

/** A real one-page PDF with a line of text, its cross-reference offsets computed. */
export function pdfWith(text: string): Buffer {
  const stream = `BT /F1 18 Tf 40 150 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 200] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let body = "%PDF-1.4\n";
  const offsets = objects.map((object, index) => {
    const offset = body.length;
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = body.length;
  body += `xref\n0 6\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}
