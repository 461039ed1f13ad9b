import { test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GENERATED_PAGES } from './generated-pages';
import { startPageServer, type PageServer } from './server';

/**
 * Fixtures: a persistent Chromium context with the built extension loaded, its id and service
 * worker, and a server for tests/e2e/pages on 127.0.0.1.
 */
export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
// Let Playwright report the service worker's own requests too (the privacy test counts them).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--disable-extensions-except=${EXTENSION_DIR}`,
        `--load-extension=${EXTENSION_DIR}`,
      ],
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

/** Moves the pointer onto the painted occurrence of `text` and waits for the tooltip. */
export async function hoverTerm(page: Page, text: string): Promise<void> {
  const box = await page.evaluate((wanted) => {
    const highlight = CSS.highlights.get('physiolens-term');
    for (const range of highlight ?? []) {
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
  if (!box) throw new Error(`"${text}" is not painted`);
  await page.mouse.move(box.x - 40, box.y - 40);
  await page.mouse.move(box.x, box.y, { steps: 4 });
}
