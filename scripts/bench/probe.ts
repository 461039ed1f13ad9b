import type { Page } from 'playwright-core';
import { callSource, evaluateIn } from './browser';

/**
 * What every benchmark page records about itself from its first script on (an init script, so
 * it is in place before the page parses): long tasks, and in the extension's browser each time
 * the extension's term highlight is replaced, to know when the last terms were painted. The
 * highlight registry is shared between the page and the content script, so the page can see it.
 */
export interface PageProbe {
  readonly longTasks: { readonly start: number; readonly duration: number }[];
  /** Times (ms from navigation start) at which `physiolens-term` was set, and its size then. */
  readonly highlightChanges: { readonly at: number; readonly size: number }[];
}

export interface ProbeReading extends PageProbe {
  readonly domContentLoadedEnd: number;
  readonly loadEnd: number;
}

const PROBE_KEY = '__physiolensBenchProbe';
const TERM_HIGHLIGHT = 'physiolens-term';

function installProbe(options: { key: string; highlight: string | null }): void {
  const probe = { longTasks: [] as { start: number; duration: number }[], highlightChanges: [] as { at: number; size: number }[] };
  Object.defineProperty(window, options.key, { value: probe });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task timing here: the page reports none.
  }
  const name = options.highlight;
  if (name === null) return;
  let last: unknown = undefined;
  const poll = (): void => {
    const current = CSS.highlights.get(name);
    if (current !== last) {
      last = current;
      probe.highlightChanges.push({ at: performance.now(), size: current ? current.size : 0 });
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

export function probeInitScript(trackHighlights: boolean): string {
  return callSource(installProbe, { key: PROBE_KEY, highlight: trackHighlights ? TERM_HIGHLIGHT : null });
}

export async function readProbe(page: Page): Promise<ProbeReading> {
  return evaluateIn(
    page,
    (key) => {
      const probe = (window as unknown as Record<string, PageProbe>)[key]!;
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return {
        longTasks: [...probe.longTasks],
        highlightChanges: [...probe.highlightChanges],
        domContentLoadedEnd: navigation?.domContentLoadedEventEnd ?? Number.NaN,
        loadEnd: navigation?.loadEventEnd ?? Number.NaN,
      };
    },
    PROBE_KEY,
  );
}

/** Long tasks over 50 ms that started after DOMContentLoaded (content scripts run after it). */
export function longTasksAfterParse(reading: ProbeReading): { start: number; duration: number }[] {
  return reading.longTasks.filter((task) => task.start >= reading.domContentLoadedEnd - 1);
}
