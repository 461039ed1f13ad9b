import type { Page } from 'playwright-core';
import { openTab, waitForReport, type BenchBrowser, type ExtensionBrowser, type FrameReport } from './browser';
import type { GeneratedPage } from './pages';
import { readProbe, type ProbeReading } from './probe';

/** Loading a generated page with the extension (until its terms are painted) or without it. */
export const LOAD_TIMEOUT_MS = 120_000;
/** Time a page without the extension is left to lay out and paint after its load event. */
const SETTLE_MS = 500;

export interface ScannedPage {
  readonly page: Page;
  readonly tabId: number;
  readonly report: FrameReport;
  readonly probe: ProbeReading;
  /** From navigation start to the last replacement of the term highlight (all terms painted). */
  readonly wallToPaintedMs: number;
  readonly distinctTerms: number;
  readonly occurrences: number;
}

/** A first scan finished over (nearly) all of the page's text. */
const isFinished = (report: FrameReport, generated: GeneratedPage): boolean =>
  report.status === 'ready' && report.stats.scans >= 1 && report.stats.characters >= generated.characters * 0.9;

/**
 * Opens the page in a new tab and waits until the content script has reported a finished first
 * scan of (nearly) all the page's text and the highlight holds one range per entry found (only
 * first occurrences are painted by default).
 */
export async function openScannedPage(browser: ExtensionBrowser, url: string, generated: GeneratedPage): Promise<ScannedPage> {
  const { page, tabId } = await openTab(browser);
  await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
  const report = await waitForReport(
    browser,
    tabId,
    (candidate) => isFinished(candidate, generated),
    LOAD_TIMEOUT_MS,
  );
  const distinctTerms = report.terms.length;
  const deadline = Date.now() + 10_000;
  let probe = await readProbe(page);
  while (probe.highlightChanges.at(-1)?.size !== distinctTerms) {
    if (Date.now() > deadline) {
      throw new Error(`The highlight holds ${probe.highlightChanges.at(-1)?.size ?? 0} ranges, the report ${distinctTerms} entries`);
    }
    await page.waitForTimeout(50);
    probe = await readProbe(page);
  }
  return {
    page,
    tabId,
    report,
    probe,
    wallToPaintedMs: probe.highlightChanges.at(-1)!.at,
    distinctTerms,
    occurrences: report.terms.reduce((sum, term) => sum + term.count, 0),
  };
}

/** Opens the page without the extension and lets it lay out and paint. */
export async function openPlainPage(browser: BenchBrowser, url: string): Promise<{ page: Page; probe: ProbeReading }> {
  const page = await loadPlainQuietly(browser, url);
  return { page, probe: await readProbe(page) };
}

/*
 * The same loads without running anything in the page (no Playwright evaluation), for traces:
 * a trace tells the extension's tasks from the page's by what runs in them, and an evaluation's
 * promise continuations would look like the content script's.
 */
export async function loadPlainQuietly(browser: BenchBrowser, url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
  await page.waitForTimeout(SETTLE_MS);
  return page;
}

export async function loadScannedQuietly(browser: ExtensionBrowser, url: string, generated: GeneratedPage): Promise<Page> {
  const { page, tabId } = await openTab(browser);
  await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
  await waitForReport(browser, tabId, (candidate) => isFinished(candidate, generated), LOAD_TIMEOUT_MS);
  return page;
}
