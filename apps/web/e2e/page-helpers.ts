// Small helpers the browser scripts share: an assertion that names what failed, i18n placeholders,
// screenshots into artifacts/screenshots/, and API calls made from the page with its CSRF token.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from './server';

export const shotsDir = path.join(repoRoot, 'artifacts/screenshots');

export function expect(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`Expectation failed: ${message}`);
}

export const fill = (s: string, values: Record<string, string | number>) =>
  s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''));

export async function shot(page: Page, name: string, fullPage = false) {
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage });
  console.log(`  ✓ ${name}`);
}

export async function apiCall(page: Page, method: string, url: string, body?: unknown) {
  return page.evaluate(
    async ({ method, url, body }) => {
      const session = await (await fetch('/api/v1/auth/session')).json();
      const res = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
    { method, url, body },
  );
}

/** First-run setup through the API from the page; it signs the owner in. */
export async function setUpOwner(
  page: Page,
  base: string,
  owner: { name: string; email: string; password: string },
  locale: 'en' | 'fr' = 'en',
) {
  await page.goto(base);
  await page.waitForURL('**/setup');
  const status = await page.evaluate(
    async ({ o, locale }) =>
      (
        await fetch('/api/v1/setup', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            name: o.name,
            email: o.email,
            password: o.password,
            workspace: { name: 'Acme Social', timezone: 'Europe/Paris', locale },
          }),
        })
      ).status,
    { o: owner, locale },
  );
  expect(status === 201, `setup answered ${status}`);
}

/** A signed-in person for API calls made outside the page (cookie + CSRF token). */
export interface Session {
  cookie: string;
  csrf: string;
}

/** An API call from the script itself; the answer's session when it signs someone in. */
export async function api(url: string, s: Session | null, method: string, route: string, body?: unknown) {
  const res = await fetch(`${url}/api/v1${route}`, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}),
    },
    body: body ? JSON.stringify(body) : null,
  });
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (res.status >= 300) throw new Error(`${method} ${route}: ${res.status} ${JSON.stringify(json)}`);
  const set = res.headers.get('set-cookie');
  const session = set ? { cookie: set.split(';')[0] ?? '', csrf: String(json.csrfToken) } : null;
  return { json, session };
}
