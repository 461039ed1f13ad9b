import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH, extensionArgs } from '../chromium';
import type { PageReport } from '../../lib/messaging/protocol';

/**
 * Chromium for the benchmark, launched as tests/e2e/fixtures.ts does (the system Chromium,
 * headless, the same flags), with the built extension or without it, so the two differ only by
 * the extension.
 */
export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
export const CHROMIUM = CHROMIUM_PATH;
export const VIEWPORT = { width: 1100, height: 800 };

export interface BenchBrowser {
  readonly context: BrowserContext;
  readonly withExtension: boolean;
  readonly version: string;
  close(): Promise<void>;
}

export interface ExtensionBrowser extends BenchBrowser {
  readonly extensionId: string;
  /** The extension's service worker (a new one if the old one was stopped). */
  worker(): Promise<Worker>;
}


async function launch(withExtension: boolean, initScript: string): Promise<BenchBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'physiolens-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: VIEWPORT,
    args: withExtension ? [...CHROMIUM_ARGS, ...extensionArgs(EXTENSION_DIR)] : [...CHROMIUM_ARGS],
  });
  await context.addInitScript({ content: initScript });
  return {
    context,
    withExtension,
    version: context.browser()?.version() ?? 'unknown',
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function launchWithoutExtension(initScript: string): Promise<BenchBrowser> {
  return launch(false, initScript);
}

export async function launchWithExtension(initScript: string): Promise<ExtensionBrowser> {
  const browser = await launch(true, initScript);
  const worker = async (): Promise<Worker> =>
    browser.context.serviceWorkers()[0] ?? (await browser.context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL((await worker()).url()).host;
  return { ...browser, extensionId, worker };
}

/**
 * Source text that calls `fn(arg)` in a page or worker. Functions cannot be passed as they are:
 * tsx compiles them with esbuild's keep-names helper (`__name(...)`), which exists only in Node,
 * so a no-op stand-in is defined around the call.
 */
export function callSource<A, R>(fn: (arg: A) => R, arg: A): string {
  return `(() => { const __name = (target) => target; return (${fn.toString()})(${JSON.stringify(arg)}); })()`;
}

export async function evaluateIn<A, R>(target: Page | Worker, fn: (arg: A) => R, arg: A): Promise<Awaited<R>> {
  const source = callSource(fn, arg);
  const result: unknown = 'mainFrame' in target ? await target.evaluate(source) : await target.evaluate(source);
  return result as Awaited<R>;
}

/** A new tab in the extension's browser and the id the extension knows it by. */
export async function openTab(browser: ExtensionBrowser): Promise<{ page: Page; tabId: number }> {
  const before = new Set(await tabIds(browser));
  const page = await browser.context.newPage();
  const after = await tabIds(browser);
  const added = after.filter((id) => !before.has(id));
  if (added.length !== 1) throw new Error(`Expected one new tab, found ${added.length}`);
  return { page, tabId: added[0]! };
}

/** The slice of the extension API the worker-side code uses. */
interface ChromeApi {
  readonly chrome: {
    readonly tabs: { query(filter: object): Promise<{ id?: number }[]> };
    readonly storage: { readonly session: { get(key: string): Promise<Record<string, unknown>> } };
  };
}

async function inWorker<A, R>(browser: ExtensionBrowser, fn: (arg: A) => R, arg: A): Promise<Awaited<R>> {
  // The worker can be stopped and restarted between two calls: try once more with the new one.
  try {
    return await evaluateIn(await browser.worker(), fn, arg);
  } catch {
    return evaluateIn(await browser.worker(), fn, arg);
  }
}

async function tabIds(browser: ExtensionBrowser): Promise<number[]> {
  return inWorker(
    browser,
    async () => {
      const api = (globalThis as unknown as ChromeApi).chrome;
      return (await api.tabs.query({})).map((tab) => tab.id ?? -1);
    },
    null,
  );
}

/** The page report of a tab's top frame, as lib/platform/page-state.ts stores it. */
export type FrameReport = PageReport;

export async function topFrameReport(browser: ExtensionBrowser, tabId: number): Promise<FrameReport | undefined> {
  return inWorker(
    browser,
    async (id) => {
      const api = (globalThis as unknown as ChromeApi).chrome;
      const stored = (await api.storage.session.get(`page:${id}`))[`page:${id}`] as { frames?: Record<string, unknown> } | undefined;
      return stored?.frames?.['0'] as FrameReport | undefined;
    },
    tabId,
  );
}

/** Polls until the report passes `done`, or throws after `timeoutMs`. */
export async function waitForReport(
  browser: ExtensionBrowser,
  tabId: number,
  done: (report: FrameReport) => boolean,
  timeoutMs: number,
): Promise<FrameReport> {
  const deadline = Date.now() + timeoutMs;
  let last: FrameReport | undefined;
  while (Date.now() < deadline) {
    last = await topFrameReport(browser, tabId);
    if (last && done(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No finished page report after ${timeoutMs} ms (last: ${JSON.stringify(last?.stats ?? null)}, status ${last?.status ?? 'none'})`);
}
