import type { BenchBrowser } from './browser';

/**
 * Long tasks from a Chromium trace of a page load, with the ones that ran the extension's code
 * told apart. A page's own PerformanceObserver does not reliably see tasks that run only an
 * extension's content script, so the trace is the authority; the observer's counts are reported
 * beside it.
 *
 * A task ran extension code when it holds a script event from a chrome-extension:// URL, a
 * scheduler.yield() continuation or more than a millisecond of microtasks: the benchmark pages have
 * no script of their own, the probe script creates no promises, and nothing is evaluated in the
 * page while it is traced, so those are the content script's (its work resumes after yields and
 * awaits). The same rule is applied to the trace without the extension, where it must find nothing.
 */
interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  /** Thread (CPU) time, where the event has it. */
  readonly tdur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { readonly name?: string; readonly data?: { readonly url?: string; readonly frame?: string }; readonly beginData?: { readonly frame?: string; readonly url?: string } };
}

export interface TracedTask {
  /** Start, ms after the page's parsing began. */
  readonly startMs: number;
  readonly durationMs: number;
  /** CPU time of the main thread in the task: the wall time less what other processes took on a busy machine. */
  readonly cpuMs: number;
  readonly ranExtensionCode: boolean;
  /** After DOMContentLoaded (when content scripts can run). */
  readonly afterParse: boolean;
  /** The heaviest work inside, e.g. "Layout 145 ms". */
  readonly heaviest: string;
}

export interface TraceSummary {
  /** Tasks over 50 ms on the page's main thread. */
  readonly longTasks: readonly TracedTask[];
  /** Every task (of any length) that ran extension code, added up. */
  readonly extensionWork: { readonly tasks: number; readonly totalMs: number; readonly cpuMs: number; readonly styleAndLayoutMs: number };
}

// RunTask comes from the disabled-by-default category, microtasks from v8.execute; "toplevel" is
// left out: it is most of a trace's volume and would fill the trace buffer on the 5 MB page.
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'];
const LONG_TASK_US = 50_000;
const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.run', 'TimerFire', 'EventDispatch']);

/** Runs `load` (which opens `url` in one page and waits for what it needs) under a browser-wide trace. */
export async function traceLoad(browser: BenchBrowser, url: string, load: () => Promise<void>): Promise<TraceSummary> {
  const chromiumBrowser = browser.context.browser();
  if (!chromiumBrowser) throw new Error('No browser handle to trace with');
  await chromiumBrowser.startTracing(undefined, { categories: CATEGORIES });
  let buffer: Buffer;
  try {
    await load();
  } finally {
    // Stopped whatever happened, so a failed load never leaves the trace running.
    buffer = await chromiumBrowser.stopTracing();
  }
  return summarizeTrace((JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents, url);
}

const STYLE_AND_LAYOUT = new Set(['UpdateLayoutTree', 'Layout']);

function ranExtensionCode(inside: readonly TraceEvent[]): boolean {
  return inside.some(
    (event) =>
      (SCRIPT_EVENTS.has(event.name) && (event.args?.data?.url ?? '').startsWith('chrome-extension://')) ||
      // The content script's slices resume after scheduler.yield(); its other work after awaits.
      event.name === 'RunYieldContinuation' ||
      (event.name === 'RunMicrotasks' && (event.dur ?? 0) > 1000),
  );
}

export function summarizeTrace(events: readonly TraceEvent[], url: string): TraceSummary {
  // The page's main thread: the one that parsed the page's HTML (other renderers parse too).
  const parse = events.find((event) => event.name === 'ParseHTML' && event.args?.beginData?.url === url);
  if (!parse) return { longTasks: [], extensionWork: { tasks: 0, totalMs: 0, cpuMs: 0, styleAndLayoutMs: 0 } };
  const onThread = events.filter((event) => event.pid === parse.pid && event.tid === parse.tid && event.ph === 'X').sort((a, b) => a.ts - b.ts);
  const parseStart = Math.min(...onThread.filter((event) => event.name === 'ParseHTML' && event.args?.beginData?.url === url).map((event) => event.ts));
  const pageFrame = parse.args?.beginData?.frame;
  const domContentLoaded =
    events.find((event) => event.pid === parse.pid && event.tid === parse.tid && event.name === 'MarkDOMContent' && event.ts >= parseStart)?.ts ?? parseStart;

  const longTasks: TracedTask[] = [];
  const extensionWork = { tasks: 0, totalMs: 0, cpuMs: 0, styleAndLayoutMs: 0 };
  let taskEnd = -Infinity;
  for (let index = 0; index < onThread.length; index++) {
    const task = onThread[index]!;
    // Top-level tasks only: a RunTask inside another belongs to it.
    if (task.name !== 'RunTask' || task.ts < taskEnd) continue;
    taskEnd = task.ts + (task.dur ?? 0);
    const inside: TraceEvent[] = [];
    for (let next = index + 1; next < onThread.length && onThread[next]!.ts <= taskEnd; next++) {
      const event = onThread[next]!;
      if (event.name !== 'RunTask' && !event.name.includes('::')) inside.push(event);
    }
    // Another page's task on the same thread (a browser page can share the renderer): not ours.
    if (pageFrame !== undefined && inside.some((event) => event.args?.data?.frame !== undefined && event.args.data.frame !== pageFrame)) continue;
    const extension = ranExtensionCode(inside);
    if (extension) {
      extensionWork.tasks++;
      extensionWork.totalMs += (task.dur ?? 0) / 1000;
      extensionWork.cpuMs += (task.tdur ?? task.dur ?? 0) / 1000;
      extensionWork.styleAndLayoutMs += inside.filter((event) => STYLE_AND_LAYOUT.has(event.name)).reduce((sum, event) => sum + (event.dur ?? 0) / 1000, 0);
    }
    if ((task.dur ?? 0) <= LONG_TASK_US) continue;
    const heaviest = inside
      .filter((event) => event.name !== 'RunMicrotasks' && !event.name.startsWith('BlinkScheduler'))
      .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0];
    longTasks.push({
      startMs: (task.ts - parseStart) / 1000,
      durationMs: (task.dur ?? 0) / 1000,
      cpuMs: (task.tdur ?? task.dur ?? 0) / 1000,
      ranExtensionCode: extension,
      afterParse: task.ts >= domContentLoaded,
      heaviest: heaviest ? `${heaviest.name} ${((heaviest.dur ?? 0) / 1000).toFixed(0)} ms` : 'script',
    });
  }
  return { longTasks, extensionWork };
}
