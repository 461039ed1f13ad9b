import type { Page } from 'playwright-core';
import { callSource, evaluateIn, type BenchBrowser, type ExtensionBrowser } from './browser';
import { loadPlainQuietly, loadScannedQuietly, openPlainPage, openScannedPage } from './page-loads';
import type { GeneratedPage } from './pages';
import { longTasksAfterParse, type ProbeReading } from './probe';
import { NAIVE_FLAGS } from './reference';
import { budget, count, duration, MB, ms, seconds, times, type Budget, type Measurement, type Row } from './report';
import { median } from './stats';
import { traceLoad, type TraceSummary, type TracedTask } from './trace';

/**
 * The page scan in Chromium, per generated page:
 * - with the extension: the content script's main-thread time for the whole first scan (from its
 *   page report), the wall time from navigation start to the last terms painted, what it found;
 * - the floor, without the extension: one TreeWalker pass over every text node;
 * - mark.js, without the extension: one `markRegExp` call with the naive RegExp;
 * - long tasks over 50 ms, with and without the extension (page observer and trace).
 */
export interface ScanPlan {
  readonly page: GeneratedPage;
  readonly url: string;
  /** Page loads measured per browser (one more is traced for long tasks). */
  readonly runs: number;
}

/** TreeWalker passes per page load. */
const WALKS_PER_LOAD = 5;
/** mark.js is not run on a page when it is predicted to take longer than this. */
export const MARK_JS_BUDGET_MS = 60_000;
export const FLOOR_RATIO_BUDGET = 10;
export const MARK_JS_RATIO_BUDGET = 5;
/** The page size the scan budgets are judged on. */
export const BUDGET_PAGE_CHARACTERS = MB;

export interface ObservedLongTasks {
  /** Long tasks after DOMContentLoaded per load, as the page's PerformanceObserver saw them. */
  readonly countPerLoad: readonly number[];
  readonly longestMs: number;
}

export type MarkJsResult =
  | {
      readonly ran: true;
      /** The markRegExp call. */
      readonly ms: number;
      /** From the call to the next animation frame: the call plus the style and layout its new elements cost. */
      readonly toNextFrameMs: number;
      readonly marks: number;
      readonly distinctForms: number;
    }
  | { readonly ran: false; readonly reason: string };

export interface PlainFigures {
  readonly loadEventMs: number;
  readonly treeWalker: { readonly medianMs: number; readonly samples: number; readonly textNodes: number; readonly characters: number };
  /**
   * The same pass run once in a fresh isolated world, as a content script meets the page: every
   * node read needs a wrapper of that world, made on first touch (reported, not judged).
   */
  readonly isolatedColdWalkMs: number;
  readonly observed: ObservedLongTasks;
  readonly traced: TraceSummary;
  readonly markJs: MarkJsResult;
}

export interface ExtensionRun {
  readonly mainThreadMs: number;
  readonly setupMs: number;
  readonly walkMs: number;
  readonly matchMs: number;
  readonly paintMs: number;
  readonly wallToPaintedMs: number;
  readonly firstScanWallMs: number;
  readonly loadEventMs: number;
  readonly slices: number;
  readonly longestSliceMs: number;
  readonly blocks: number;
  readonly characters: number;
  readonly distinctTerms: number;
  readonly occurrences: number;
}

export interface ExtensionFigures {
  readonly runs: readonly ExtensionRun[];
  readonly mainThreadMs: number;
  readonly wallToPaintedMs: number;
  readonly observed: ObservedLongTasks;
  readonly traced: TraceSummary;
}

export interface ScanPageFigures {
  readonly page: GeneratedPage;
  readonly plain: PlainFigures;
  readonly extension: ExtensionFigures;
  /** Extension main-thread time over the TreeWalker floor. */
  readonly floorRatio: number;
  /** mark.js time over the extension's main-thread time (NaN when mark.js did not run). */
  readonly markJsRatio: number;
  /** Long tasks over 50 ms that ran the extension's code (trace), and the observer's extra count. */
  readonly extensionLongTasks: readonly TracedTask[];
  readonly observedExtraLongTasks: number;
  /** Tasks the trace rule attributes to the extension in the browser without it: must be 0. */
  readonly misattributedWithoutExtension: number;
  /** The longest slice of the content script's work in any load (its page report): a slice over 50 ms is a long task of its own. */
  readonly longestSliceMs: number;
  /** The trace with the extension shows its work (a trace whose buffer filled up early does not). */
  readonly traceComplete: boolean;
}

function observedLongTasks(readings: readonly ProbeReading[]): ObservedLongTasks {
  const perLoad = readings.map(longTasksAfterParse);
  return { countPerLoad: perLoad.map((tasks) => tasks.length), longestMs: Math.max(0, ...perLoad.flat().map((task) => task.duration)) };
}

/** One TreeWalker pass in a new isolated world of the page's main frame (a content script's world). */
async function walkInIsolatedWorld(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'bench-walk' });
    const { result } = await cdp.send('Runtime.evaluate', { expression: callSource(walkEveryTextNode, null), contextId: executionContextId, returnByValue: true });
    return (result.value as { ms: number }).ms;
  } finally {
    await cdp.detach();
  }
}

function walkEveryTextNode(): { ms: number; textNodes: number; characters: number } {
  const start = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let textNodes = 0;
  let characters = 0;
  while (walker.nextNode()) {
    textNodes++;
    characters += (walker.currentNode as Text).data.length;
  }
  return { ms: performance.now() - start, textNodes, characters };
}

interface MarkConstructor {
  new (context: Element): { markRegExp(pattern: RegExp, options: { done: (total: number) => void }): void };
}

async function markWithMarkJs(naive: { source: string; flags: string }): Promise<{ ms: number; toNextFrameMs: number; marks: number; distinctForms: number }> {
  const Mark = (window as unknown as { Mark: MarkConstructor }).Mark;
  const pattern = new RegExp(naive.source, naive.flags);
  let marks = -1;
  const start = performance.now();
  new Mark(document.body).markRegExp(pattern, { done: (total) => (marks = total) });
  const elapsed = performance.now() - start;
  // The frame after the call lays out the page's new <mark> elements; a message posted from its
  // animation-frame callback is handled once that frame's style, layout and paint are done.
  const frame = await new Promise<number>((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    }),
  );
  const forms = new Set([...document.querySelectorAll('mark[data-markjs]')].map((mark) => (mark.textContent ?? '').toLowerCase()));
  return { ms: elapsed, toNextFrameMs: frame - start, marks, distinctForms: forms.size };
}

async function runMarkJs(page: Page, markJsPath: string, naiveSource: string, limitMs: number): Promise<MarkJsResult> {
  await page.addScriptTag({ path: markJsPath });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const overtime = new Promise<'overtime'>((resolve) => (timer = setTimeout(() => resolve('overtime'), limitMs)));
  const result = await Promise.race([evaluateIn(page, markWithMarkJs, { source: naiveSource, flags: NAIVE_FLAGS }), overtime]);
  clearTimeout(timer);
  if (result === 'overtime') return { ran: false, reason: `stopped after ${seconds(limitMs)} (time budget)` };
  if (result.marks < 0) throw new Error('mark.js did not finish synchronously');
  return { ran: true, ...result };
}

/** Everything measured without the extension, page by page (mark.js last: it changes the page). */
export async function measureWithoutExtension(browser: BenchBrowser, plans: readonly ScanPlan[], markJsPath: string, naiveSource: string): Promise<PlainFigures[]> {
  const figures: PlainFigures[] = [];
  let markJsMsPerCharacter: number | undefined;
  for (const plan of plans) {
    const walks: number[] = [];
    const isolatedWalks: number[] = [];
    const readings: ProbeReading[] = [];
    let walked = { textNodes: 0, characters: 0 };
    for (let run = 0; run < plan.runs; run++) {
      const { page, probe } = await openPlainPage(browser, plan.url);
      readings.push(probe);
      isolatedWalks.push(await walkInIsolatedWorld(page));
      for (let walk = 0; walk < WALKS_PER_LOAD; walk++) {
        const result = await evaluateIn(page, walkEveryTextNode, null);
        walks.push(result.ms);
        walked = result;
      }
      await page.close();
    }

    const traced = await traceLoad(browser, plan.url, async () => {
      const page = await loadPlainQuietly(browser, plan.url);
      await page.close();
    });

    let markJs: MarkJsResult;
    const predictedMs = markJsMsPerCharacter === undefined ? undefined : markJsMsPerCharacter * plan.page.characters;
    if (predictedMs !== undefined && predictedMs > MARK_JS_BUDGET_MS) {
      markJs = { ran: false, reason: `skipped: predicted ${seconds(predictedMs)} from the smaller page > ${seconds(MARK_JS_BUDGET_MS)} budget` };
    } else {
      const page = await browser.context.newPage();
      await page.goto(plan.url, { waitUntil: 'load', timeout: 120_000 });
      markJs = await runMarkJs(page, markJsPath, naiveSource, MARK_JS_BUDGET_MS * 1.5);
      // A page stopped mid-script may not close quickly: do not wait for it.
      void page.close().catch(() => undefined);
      if (markJs.ran) markJsMsPerCharacter = markJs.ms / plan.page.characters;
    }

    figures.push({
      loadEventMs: median(readings.map((reading) => reading.loadEnd)),
      treeWalker: { medianMs: median(walks), samples: walks.length, ...walked },
      isolatedColdWalkMs: median(isolatedWalks),
      observed: observedLongTasks(readings),
      traced,
      markJs,
    });
  }
  return figures;
}

export async function measureWithExtension(browser: ExtensionBrowser, plans: readonly ScanPlan[]): Promise<ExtensionFigures[]> {
  const figures: ExtensionFigures[] = [];
  for (const plan of plans) {
    const runs: ExtensionRun[] = [];
    const readings: ProbeReading[] = [];
    for (let run = 0; run < plan.runs; run++) {
      const scanned = await openScannedPage(browser, plan.url, plan.page);
      const { stats } = scanned.report;
      readings.push(scanned.probe);
      runs.push({
        mainThreadMs: stats.mainThreadMs,
        setupMs: stats.setupMs,
        walkMs: stats.walkMs,
        matchMs: stats.matchMs,
        paintMs: stats.paintMs,
        wallToPaintedMs: scanned.wallToPaintedMs,
        firstScanWallMs: stats.firstScanWallMs,
        loadEventMs: scanned.probe.loadEnd,
        slices: stats.slices,
        longestSliceMs: stats.longestSliceMs,
        blocks: stats.blocks,
        characters: stats.characters,
        distinctTerms: scanned.distinctTerms,
        occurrences: scanned.occurrences,
      });
      await scanned.page.close();
    }

    const traced = await traceLoad(browser, plan.url, async () => {
      const page = await loadScannedQuietly(browser, plan.url, plan.page);
      await page.close();
    });

    figures.push({
      runs,
      mainThreadMs: median(runs.map((run) => run.mainThreadMs)),
      wallToPaintedMs: median(runs.map((run) => run.wallToPaintedMs)),
      observed: observedLongTasks(readings),
      traced,
    });
  }
  return figures;
}

const describeTask = (task: TracedTask): string => `${ms(task.durationMs)} (${ms(task.cpuMs)} CPU) at ${seconds(task.startMs)}, ${task.heaviest}`;
/** Long tasks are judged by CPU time: on a shared machine a task's wall time also holds other processes' turns. */
const LONG_TASK_MS = 50;
const isLongByCpu = (task: TracedTask): boolean => task.cpuMs > LONG_TASK_MS;

export function scanMeasurement(plans: readonly ScanPlan[], plain: readonly PlainFigures[], extension: readonly ExtensionFigures[]): Measurement<ScanPageFigures[]> {
  const figures: ScanPageFigures[] = plans.map((plan, index) => {
    const without = plain[index]!;
    const withExtension = extension[index]!;
    const extensionLongTasks = withExtension.traced.longTasks.filter((task) => task.ranExtensionCode);
    return {
      page: plan.page,
      plain: without,
      extension: withExtension,
      floorRatio: withExtension.mainThreadMs / without.treeWalker.medianMs,
      markJsRatio: without.markJs.ran ? without.markJs.ms / withExtension.mainThreadMs : Number.NaN,
      extensionLongTasks,
      observedExtraLongTasks: Math.max(0, median(withExtension.observed.countPerLoad) - median(without.observed.countPerLoad)),
      misattributedWithoutExtension: without.traced.extensionWork.tasks,
      longestSliceMs: Math.max(...withExtension.runs.map((run) => run.longestSliceMs)),
      traceComplete: withExtension.traced.extensionWork.tasks > 0,
    };
  });

  const rows: Row[] = [];
  for (const page of figures) {
    const { extension: ext, plain: base } = page;
    const label = page.page.label;
    const last = ext.runs.at(-1)!;
    const work = ext.traced.extensionWork;
    rows.push({
      what: `${label}: extension main-thread time`,
      result: `${ms(ext.mainThreadMs)} (median of ${ext.runs.length})`,
      reference: `TreeWalker pass ${ms(base.treeWalker.medianMs)} (median of ${base.treeWalker.samples})`,
      ratio: `${times(page.floorRatio)} the floor`,
      note:
        `the same TreeWalker pass run once in a fresh isolated world, as a content script first reads a page: ${ms(base.isolatedColdWalkMs)} ` +
        `(${times(base.isolatedColdWalkMs / base.treeWalker.medianMs)} the floor; the extension's time is ${times(ext.mainThreadMs / base.isolatedColdWalkMs)} that). ` +
        `Page report: ${count(last.slices)} slices: walk ${ms(last.walkMs)}, match ${ms(last.matchMs)}, choose and paint ${ms(last.paintMs)} (setup, not counted: ${ms(last.setupMs)}), longest ${ms(Math.max(...ext.runs.map((run) => run.longestSliceMs)))}; ${count(last.blocks)} blocks, ${count(last.characters)} characters read ` +
        `(TreeWalker: ${count(base.treeWalker.textNodes)} text nodes, ${count(base.treeWalker.characters)} characters). ` +
        `Trace of one more load: ${count(work.tasks)} tasks ran extension code, ${ms(work.totalMs)} (${ms(work.cpuMs)} CPU) in all, of which ${ms(work.styleAndLayoutMs)} style/layout they forced`,
    });
    rows.push(
      base.markJs.ran
        ? {
            what: `${label}: mark.js markRegExp`,
            result: `${ms(base.markJs.ms)} (one run, no extension)`,
            reference: `extension main thread ${ms(ext.mainThreadMs)}`,
            ratio: page.markJsRatio >= 1 ? `${times(page.markJsRatio)} slower than the extension` : `${times(1 / page.markJsRatio)} faster than the extension`,
            note: `with the next frame (laying out its <mark> elements): ${ms(base.markJs.toNextFrameMs)}`,
          }
        : { what: `${label}: mark.js markRegExp`, result: base.markJs.reason, reference: `extension main thread ${ms(ext.mainThreadMs)}`, ratio: 'n/a' },
    );
    rows.push({
      what: `${label}: wall time to all terms painted`,
      result: `${duration(ext.wallToPaintedMs)} from navigation start (median)`,
      reference: `load event without the extension at ${duration(base.loadEventMs)}`,
      note: `load event with the extension at ${duration(median(ext.runs.map((run) => run.loadEventMs)))}; the content script's first scan took ${duration(median(ext.runs.map((run) => run.firstScanWallMs)))} of wall time from its start`,
    });
    rows.push({
      what: `${label}: terms found`,
      result: `extension ${count(last.distinctTerms)} entries, ${count(last.occurrences)} occurrences`,
      reference: base.markJs.ran ? `mark.js ${count(base.markJs.marks)} marks, ${count(base.markJs.distinctForms)} distinct forms` : 'mark.js: not run',
      note: `the page has ${count(page.page.terms)} generated term slots, ${count(page.page.splitTerms)} split by an inline tag (mark.js, per text node by default, cannot match those); the extension paints the first occurrence of each entry`,
    });
    rows.push({
      what: `${label}: long tasks > 50 ms caused by the extension`,
      result: page.traceComplete
        ? `${page.extensionLongTasks.length} in the trace${page.extensionLongTasks.length > 0 ? `: ${page.extensionLongTasks.map(describeTask).join('; ')}` : ''}`
        : 'trace incomplete (buffer full)',
      reference: `without extension: ${base.traced.longTasks.length} (page's own parsing/layout)`,
      ratio: `observer: +${page.observedExtraLongTasks}`,
      note:
        `longest slice in the page reports: ${ms(page.longestSliceMs)}; trace with extension: ${ext.traced.longTasks.length} long tasks; page PerformanceObserver after DOMContentLoaded, per load: with ${ext.observed.countPerLoad.join('/')} vs without ${base.observed.countPerLoad.join('/')}` +
        (page.misattributedWithoutExtension > 0 ? `; WARNING: the trace rule blamed ${page.misattributedWithoutExtension} task(s) on the extension without it` : ''),
    });
  }

  const judged = figures.find((page) => page.page.characters >= BUDGET_PAGE_CHARACTERS && page.page.characters < BUDGET_PAGE_CHARACTERS * 2) ?? figures[0]!;
  const longByCpu = figures.flatMap((page) => page.extensionLongTasks.filter(isLongByCpu).map((task) => `${page.page.label}: ${describeTask(task)}`));
  const longByWallOnly = figures.flatMap((page) => page.extensionLongTasks.filter((task) => !isLongByCpu(task)).map((task) => `${page.page.label}: ${describeTask(task)}`));
  const incomplete = figures.filter((page) => !page.traceComplete).map((page) => `${page.page.label}: trace incomplete`);
  const budgets: Budget[] = [
    budget(`scan main thread vs TreeWalker (${judged.page.label} page)`, `≤ ${FLOOR_RATIO_BUDGET}×`, times(judged.floorRatio), judged.floorRatio <= FLOOR_RATIO_BUDGET, figures.map((page) => `${page.page.label}: ${times(page.floorRatio)}`).join(', ')),
    budget(
      `mark.js markRegExp vs scan main thread (${judged.page.label} page)`,
      `≥ ${MARK_JS_RATIO_BUDGET}× slower`,
      judged.plain.markJs.ran ? times(judged.markJsRatio) : 'n/a',
      judged.plain.markJs.ran ? judged.markJsRatio >= MARK_JS_RATIO_BUDGET : undefined,
    ),
    budget(
      'long tasks > 50 ms caused by the extension (all pages)',
      '0 (CPU time, trace)',
      `${longByCpu.length}${longByWallOnly.length > 0 ? ` (+${longByWallOnly.length} over 50 ms of wall time only)` : ''}`,
      longByCpu.length === 0 && incomplete.length === 0,
      [
        ...longByCpu,
        ...longByWallOnly.map((task) => `wall time only: ${task}`),
        ...incomplete,
        `longest slices in the page reports (wall time): ${figures.map((page) => `${page.page.label} ${ms(page.longestSliceMs)}`).join(', ')}`,
      ].join('; '),
    ),
  ];
  return {
    figures,
    section: {
      title: 'Page scan in Chromium (headless, built extension): generated articles with paragraphs, lists, tables and inline markup, served from 127.0.0.1',
      rows,
    },
    budgets,
  };
}
