/**
 * Long work in short slices: no task of ours may hold the main thread for more than a few
 * milliseconds (the page stays responsive; no long task over 50 ms). Each slice runs until its
 * budget is spent, then yields to the event loop.
 */
export interface SliceClock {
  now(): number;
  /** Resolves on a later task, so the page's input and rendering run in between. */
  yieldToPage(): Promise<void>;
  /**
   * Resolves once the page has rendered a frame: its styles are computed then, so reading
   * visibility does not force the work into one of our slices.
   */
  afterRender?(): Promise<void>;
}

export interface SliceStats {
  /** Main-thread time spent in slices, all added up. */
  mainThreadMs: number;
  slices: number;
  longestSliceMs: number;
}

export const SLICE_BUDGET_MS = 8;

export function createSliceStats(): SliceStats {
  return { mainThreadMs: 0, slices: 0, longestSliceMs: 0 };
}

export function recordSlice(stats: SliceStats, ms: number): void {
  stats.mainThreadMs += ms;
  stats.slices += 1;
  stats.longestSliceMs = Math.max(stats.longestSliceMs, ms);
}

/** The browser's clock: `scheduler.yield()` where it exists, else a zero-delay message. */
export function browserClock(): SliceClock {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return {
    now: () => performance.now(),
    afterRender: () =>
      new Promise((resolve) => {
        let done = false;
        const finish = (): void => {
          if (!done) {
            done = true;
            resolve();
          }
        };
        requestAnimationFrame(() => setTimeout(finish, 0));
        // A background tab renders no frames: do not wait for one there.
        setTimeout(finish, document.visibilityState === 'visible' ? 2000 : 100);
      }),
    yieldToPage: () =>
      typeof scheduler?.yield === 'function'
        ? scheduler.yield()
        : new Promise((resolve) => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => {
              channel.port1.close();
              resolve();
            };
            channel.port2.postMessage(null);
          }),
  };
}

/**
 * Runs `work` slice by slice. `work` gets a deadline to poll and returns true when it is done.
 * Resolves true when the work finished, false when the signal aborted it.
 */
export async function runSliced(
  work: (deadline: () => boolean) => boolean,
  clock: SliceClock,
  stats: SliceStats,
  signal: AbortSignal,
  budgetMs = SLICE_BUDGET_MS,
): Promise<boolean> {
  for (;;) {
    if (signal.aborted) return false;
    const start = clock.now();
    const done = work(() => clock.now() - start >= budgetMs);
    recordSlice(stats, clock.now() - start);
    if (done) return true;
    await clock.yieldToPage();
  }
}
