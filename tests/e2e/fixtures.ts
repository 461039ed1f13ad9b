import { test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH, extensionArgs } from '../../scripts/chromium';
import { GENERATED_PAGES } from './generated-pages';
import { startPageServer, type PageServer } from './server';

/**
 * Fixtures: a persistent Chromium context with the built extension loaded, its id and service
 * worker, and a server for tests/e2e/pages on 127.0.0.1.
 */
export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
// Let Playwright report the service worker's own requests too (the privacy test counts them).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
export const CHROMIUM = CHROMIUM_PATH;

interface Fixtures {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  pageUrl: (name: string) => string;
  /** The same pages from another origin (another port), for cross-origin frames. */
  crossOriginUrl: (name: string) => string;
}

const PAGES = resolve(import.meta.dirname, 'pages');

export const test = base.extend<Fixtures, { server: PageServer; crossServer: PageServer }>({
  server: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object.
    async ({}, use) => {
      const server = await startPageServer(PAGES, GENERATED_PAGES);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  crossServer: [
    // eslint-disable-next-line no-empty-pattern -- as above.
    async ({}, use) => {
      const server = await startPageServer(PAGES, GENERATED_PAGES);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  // eslint-disable-next-line no-empty-pattern -- as above.
  context: async ({}, use) => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'physiolens-e2e-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1100, height: 800 },
      args: [...CHROMIUM_ARGS, ...extensionArgs(EXTENSION_DIR)],
    });
    await use(context);
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  },
  serviceWorker: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(worker);
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
  pageUrl: async ({ server }, use) => {
    await use((name) => `${server.origin}/${name}`);
  },
  crossOriginUrl: async ({ crossServer }, use) => {
    await use((name) => `${crossServer.origin}/${name}`);
  },
});

export const expect = test.expect;

/** The names of the extension's highlights currently registered in a page, with their sizes. */
export async function paintedTerms(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const highlight = CSS.highlights.get('physiolens-term');
    if (!highlight) return [];
    return [...highlight].map((range) => {
      const live = document.createRange();
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
      return live.toString();
    });
  });
}

/** Where the first painted occurrence of `text` is, in viewport coordinates. */
export async function pointOfTerm(page: Page, text: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((wanted) => {
    for (const range of CSS.highlights.get('physiolens-term') ?? []) {
      const live = document.createRange();
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
      if (live.toString() === wanted) {
        const rect = live.getClientRects()[0]!;
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
    }
    return null;
  }, text);
  if (!point) throw new Error(`"${text}" is not painted`);
  return point;
}

/** Moves the pointer onto the painted occurrence of `text` (the tooltip follows after its delay). */
export async function hoverTerm(page: Page, text: string): Promise<void> {
  const point = await pointOfTerm(page, text);
  await page.mouse.move(point.x - 40, point.y - 40);
  await page.mouse.move(point.x, point.y, { steps: 4 });
}
