import type { Request } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, expect, hoverTerm, paintedTerms, test } from './fixtures';

/**
 * Privacy and lifecycle: a full tour of the extension makes no network request of its own, and an
 * update (a reload of the extension) tears the old content script down cleanly.
 */
test('a full tour of the extension makes no network request', async ({ context, pageUrl, serviceWorker, extensionId }) => {
  const requests: Request[] = [];
  context.on('request', (request) => requests.push(request));
  const origin = new URL(pageUrl('x')).origin;

  // The page: scan, hover, follow a related link, open the side panel from the tooltip, the keyboard walk.
  const page = await context.newPage();
  await page.goto(pageUrl('article.html'));
  await expect.poll(() => paintedTerms(page)).toContain('sciatica');
  await hoverTerm(page, 'sciatica');
  await page.getByRole('tooltip').getByRole('link').first().click();
  await page.getByRole('tooltip').getByRole('button', { name: 'Open in side panel' }).click();
  await page.keyboard.press('Escape');
  await page.bringToFront();
  const tabId = await serviceWorker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
  await serviceWorker.evaluate((id) => (globalThis as unknown as { physiolens: { walkTerms(id: number): Promise<boolean> } }).physiolens.walkTerms(id), tabId);
  await page.keyboard.press('Escape');

  // The popup, the side panel and the options page.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('searchbox').fill('frozen sholder');
  await popup.getByRole('option').first().click();
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await panel.getByRole('searchbox').fill('tennis elbow');
  await panel.getByRole('option').first().click();
  await panel.getByRole('navigation', { name: 'Related entries' }).getByRole('link').first().click();
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByRole('switch', { name: 'Highlight terms on pages' }).uncheck();
  await options.getByRole('switch', { name: 'Highlight terms on pages' }).check();
  await page.waitForTimeout(500);

  const described = requests.map((request) => `${request.resourceType()} ${request.url()}${request.serviceWorker() ? ' (service worker)' : ''}`);
  // Allowed: the extension's own files, and what the test itself navigated to on the test server.
  const foreign = requests.filter((request) => {
    const url = request.url();
    if (url.startsWith(`chrome-extension://${extensionId}/`)) return false;
    if (url.startsWith(origin) && !request.serviceWorker() && (request.resourceType() === 'document' || url.endsWith('/favicon.ico'))) return false;
    return true;
  });
  expect(foreign.map((request) => request.url()), described.join('\n')).toEqual([]);
});

test('when the extension is updated or disabled, its content script tears down cleanly', async ({ context, pageUrl, serviceWorker }) => {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && /context invalidated|physiolens/i.test(message.text())) errors.push(message.text());
  });
  await page.goto(pageUrl('article.html'));
  await expect.poll(() => paintedTerms(page)).toContain('sciatica');
  await hoverTerm(page, 'sciatica');
  await expect(page.getByRole('tooltip')).toBeVisible();

  // Reloading an unpacked extension here unloads it (the browser would load the new version):
  // the old content script is cut off either way.
  await serviceWorker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
  await expect.poll(() => paintedTerms(page), { timeout: 10_000 }).toEqual([]);
  expect(await page.evaluate(() => [...CSS.highlights.keys()].filter((name) => name.startsWith('physiolens')))).toEqual([]);
  await expect(page.getByRole('tooltip')).toBeHidden();
  expect(await page.locator('physiolens-ui').count()).toBe(0);
  // Nothing is left listening: moving over the old terms and changing the page does nothing.
  await page.mouse.move(10, 10);
  await page.evaluate(() => document.body.append(Object.assign(document.createElement('p'), { textContent: 'More about sciatica.' })));
  await page.waitForTimeout(500);
  expect(await paintedTerms(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('the built manifest asks only for what is used, exposes no files to pages, and allows no remote code', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    permissions: string[];
    host_permissions: string[];
    web_accessible_resources?: unknown;
    content_security_policy: { extension_pages: string };
  };
  expect([...manifest.permissions].sort()).toEqual(['activeTab', 'contextMenus', 'scripting', 'sidePanel', 'storage']);
  expect(manifest.host_permissions).toEqual(['<all_urls>']);
  expect(manifest.web_accessible_resources).toBeUndefined();
  const csp = manifest.content_security_policy.extension_pages;
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("connect-src 'none'");
  expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
});
