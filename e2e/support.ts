import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";

/** The administrator the first-run journey creates; later journeys sign in as them. */
export const ADMIN = { name: "Morgan Staff", email: "morgan.staff@example.org", password: "a steady hearth 2026" };

/** Scans the whole page, or only `include` (e.g. an open menu, which lives outside the landmarks). */
export async function expectNoAxeViolations(page: Page, include?: string) {
  // Next streams the <title> of dynamic pages after the body; scan once it has arrived.
  await expect(page).toHaveTitle(/\S/);
  const builder = new AxeBuilder({ page });
  const { violations } = await (include ? builder.include(include) : builder).analyze();
  expect(violations.map(({ id, help, nodes }) => ({ id, help, targets: nodes.map((node) => node.target) }))).toEqual([]);
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
}
