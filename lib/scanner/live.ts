import type { Matcher } from '../matcher/compile';
import { definedOtherwise, type Definitions } from '../matcher/definitions';
import { selectDocumentMatches, type DocumentOptions } from '../matcher/document';
import { findTermsInText } from '../matcher/match';
import type { TermMatch } from '../matcher/types';
import { createBlockCollector, SKIPPED_SELECTOR, type BlockOptions, type TextBlock } from './blocks';
import { definitionsIn, findInBlock, pageQuestions, type BlockFindings, type FoundTerm } from './scan';
import { createSliceStats, runSliced, type SliceClock, type SliceStats } from './slicing';

/**
 * The page, kept highlighted while it lives: a sliced first scan with the visible part first,
 * then re-scans when the page changes. A re-scan walks the page again (cheap) but re-matches only
 * blocks whose text changed (matches are cached by block text), so React-style re-renders cost
 * little. Re-scans are throttled, and a page that changes without pause gets longer and longer
 * intervals, then is left alone with its last highlights ("stopped") so it cannot keep a core busy.
 */
export type PageStatus = 'scanning' | 'ready' | 'stopped';

export interface LiveScanStats extends SliceStats {
  /** Where the main-thread time went: reading the DOM, matching, and choosing and painting. */
  walkMs: number;
  matchMs: number;
  paintMs: number;
  blocks: number;
  characters: number;
  matches: number;
  scans: number;
  status: PageStatus;
  /** Time from start to the end of the first full scan. */
  firstScanWallMs: number;
}

export interface LiveScanOptions {
  readonly root: Node;
  readonly matcher: Matcher;
  readonly blockOptions: BlockOptions;
  /** Read at every paint, so settings apply live. */
  readonly documentOptions: () => DocumentOptions;
  readonly clock: SliceClock;
  readonly signal: AbortSignal;
  /**
   * Replace the painted terms with these. `counts` has, per entry painted, every occurrence of it
   * (whether or not only the first is painted, and also those in text not rendered).
   */
  readonly onPaint: (terms: readonly FoundTerm[], shadowRoots: readonly ShadowRoot[], counts: ReadonlyMap<number, number>) => void;
  readonly onStatus?: (status: PageStatus, stats: LiveScanStats) => void;
  readonly viewportHeight?: () => number;
  readonly observe?: boolean;
  readonly MutationObserver?: typeof MutationObserver;
  readonly throttle?: Partial<ThrottleSettings>;
}

export interface ThrottleSettings {
  /** Shortest time between two re-scans. */
  readonly minIntervalMs: number;
  /** Longest back-off interval. */
  readonly maxIntervalMs: number;
  /** Share of wall time re-scans may use before the interval doubles. */
  readonly cpuShare: number;
  /** How long the page may keep us at the longest interval, over budget, before we stop. */
  readonly stopAfterMs: number;
}

/** Blocks longer than this are matched in stretches of about this size, across slices. */
const LONG_BLOCK = 64_000;

/** Where a stretch of a long block ends: at the first space after LONG_BLOCK characters, so no word is cut. */
function stretchEnd(text: string, from: number): number {
  if (from + LONG_BLOCK >= text.length) return text.length;
  const space = text.slice(from + LONG_BLOCK, from + LONG_BLOCK + 1000).search(/\s/);
  return space < 0 ? Math.min(text.length, from + LONG_BLOCK + 1000) : from + LONG_BLOCK + space;
}

/** Delay of a re-scan after the first change that follows a quiet spell. */
const FIRST_RESCAN_DELAY_MS = 40;

export const DEFAULT_THROTTLE: ThrottleSettings = { minIntervalMs: 250, maxIntervalMs: 4000, cpuShare: 0.05, stopAfterMs: 30_000 };

export interface LiveScan {
  /** Apply changed document options (settings) without re-reading the page. */
  repaint(): void;
  /** Read the whole page again now (single-page navigation). */
  rescan(): void;
  readonly stats: LiveScanStats;
  /** Resolves when the first full scan is painted. */
  readonly firstScan: Promise<void>;
}

export function startLiveScan(options: LiveScanOptions): LiveScan {
  const { matcher, clock, signal } = options;
  const throttle = { ...DEFAULT_THROTTLE, ...options.throttle };
  const stats: LiveScanStats = { ...createSliceStats(), walkMs: 0, matchMs: 0, paintMs: 0, blocks: 0, characters: 0, matches: 0, scans: 0, status: 'scanning', firstScanWallMs: 0 };
  const startedAt = clock.now();
  let blocks: TextBlock[] = [];
  let matchesOf = new Map<string, BlockFindings>();
  let shadowRoots: ShadowRoot[] = [];
  let scanning = false;
  let again = false;

  const setStatus = (status: PageStatus): void => {
    stats.status = status;
    options.onStatus?.(status, stats);
  };

  const paint = (): void => {
    const paintStart = clock.now();
    const perBlock: { block: TextBlock; matches: readonly TermMatch[] }[] = [];
    const definitions: Definitions[] = [];
    for (const block of blocks) {
      const findings = matchesOf.get(block.text);
      if (findings && findings.matches.length > 0) perBlock.push({ block, matches: findings.matches });
      if (findings?.definitions) definitions.push(findings.definitions);
    }
    const every = new Map<number, number>();
    const selected = selectDocumentMatches(perBlock, options.documentOptions(), pageQuestions(every, definedOtherwise(matcher, definitions)));
    // Counted: entries painted somewhere, with all their occurrences (also those in text not
    // rendered, such as a collapsed section: asking each one costs a style lookup).
    const counts = new Map<number, number>();
    for (const { match } of selected) counts.set(match.entry, every.get(match.entry)!);
    stats.matches = selected.length;
    options.onPaint(
      selected.map(({ block, match }) => ({ block, start: match.start, end: match.end, entry: match.entry, form: match.form })),
      shadowRoots,
      counts,
    );
    stats.paintMs += clock.now() - paintStart;
  };

  /** One full pass: walk (sliced), then match what is not cached (sliced, visible part first). */
  const scanOnce = async (first: boolean): Promise<void> => {
    if (first && clock.afterRender) await clock.afterRender();
    const collector = createBlockCollector(options.root, options.blockOptions);
    const walkStart = stats.mainThreadMs;
    const walked = await runSliced((deadline) => collector.step(deadline), clock, stats, signal);
    stats.walkMs += stats.mainThreadMs - walkStart;
    if (!walked) return;
    const found = collector.blocks;
    const previous = matchesOf;
    const next = new Map<string, BlockFindings>();
    const order = first ? visibleFirstOrder(found, options.viewportHeight?.() ?? 0) : found.map((_, index) => index);
    let position = 0;
    let paintedVisible = !first;
    // A block too long for one slice (a 10 MB text node) is matched a stretch at a time.
    let long: { text: string; at: number; matches: TermMatch[] } | undefined;
    const matchSome = (deadline: () => boolean): boolean => {
      while (position < order.length || long) {
        if (long) {
          while (long.at < long.text.length) {
            const to = stretchEnd(long.text, long.at);
            const stretch = findTermsInText(matcher, long.text, long.at, to);
            long.matches.push(...stretch);
            long.at = Math.max(to, stretch[stretch.length - 1]?.end ?? 0);
            if (deadline()) return false;
          }
          next.set(long.text, { matches: long.matches, ...definitionsIn(matcher, long.text) });
          long = undefined;
          continue;
        }
        const block = found[order[position++]!]!;
        if (!next.has(block.text)) {
          const cached = previous.get(block.text);
          if (cached) next.set(block.text, cached);
          else if (block.text.length > LONG_BLOCK) long = { text: block.text, at: 0, matches: [] };
          else next.set(block.text, findInBlock(matcher, block.text));
        }
        if ((position & 15) === 0 && deadline()) return false;
      }
      return true;
    };
    const done = await runSliced(
      (deadline) => {
        const matchStart = clock.now();
        const finished = matchSome(deadline);
        stats.matchMs += clock.now() - matchStart;
        if (!paintedVisible) {
          // The first slice covers the screen: paint it before the rest of a long page.
          paintedVisible = true;
          blocks = found;
          matchesOf = next;
          shadowRoots = collector.shadowRoots;
          paint();
        }
        return finished;
      },
      clock,
      stats,
      signal,
    );
    if (!done) return;
    // Let the page render first (our own highlights changed its style): reading visibility then
    // does not force a style recalculation into our paint.
    if (clock.afterRender) await clock.afterRender();
    if (signal.aborted) return;
    blocks = found;
    matchesOf = next;
    shadowRoots = collector.shadowRoots;
    stats.blocks = found.length;
    stats.characters = collector.characters;
    stats.scans += 1;
    const paintStart = clock.now();
    paint();
    const paintMs = clock.now() - paintStart;
    stats.mainThreadMs += paintMs;
    stats.longestSliceMs = Math.max(stats.longestSliceMs, paintMs);
    observeShadowRoots();
  };

  const runScans = async (first: boolean): Promise<void> => {
    if (scanning) {
      again = true;
      return;
    }
    scanning = true;
    try {
      let isFirst = first;
      do {
        again = false;
        await scanOnce(isFirst);
        isFirst = false;
      } while (again && !signal.aborted);
    } finally {
      scanning = false;
    }
  };

  // Re-scans on change, throttled and backed off.
  let observer: MutationObserver | undefined;
  const observed = new WeakSet<Node>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const policy = createRescanPolicy(throttle);

  let lastRescanAt = -Infinity;
  const scheduleRescan = (): void => {
    if (timer !== undefined || signal.aborted || stats.status === 'stopped') return;
    // Soon after a quiet spell (a re-render should not leave the page unpainted for long), but
    // never sooner than `interval` after the previous re-scan.
    const delay = Math.max(FIRST_RESCAN_DELAY_MS, lastRescanAt + policy.interval - clock.now());
    timer = setTimeout(() => {
      timer = undefined;
      const before = stats.mainThreadMs;
      const started = clock.now();
      lastRescanAt = started;
      void runScans(false).then(() => afterRescan(started, stats.mainThreadMs - before));
    }, delay);
  };

  const afterRescan = (at: number, ms: number): void => {
    if (policy.record(at, ms) === 'stop') stop('stopped');
  };

  const onMutations = (records: MutationRecord[]): void => {
    const start = clock.now();
    if (records.some((record) => mattersForText(record, options.blockOptions))) scheduleRescan();
    stats.mainThreadMs += clock.now() - start;
  };

  const observeShadowRoots = (): void => {
    if (!observer) return;
    for (const root of shadowRoots) {
      if (observed.has(root)) continue;
      observed.add(root);
      observer.observe(root, OBSERVE);
    }
  };

  const stop = (status: PageStatus): void => {
    observer?.disconnect();
    observer = undefined;
    clearTimeout(timer);
    timer = undefined;
    setStatus(status);
  };
  signal.addEventListener('abort', () => {
    observer?.disconnect();
    clearTimeout(timer);
  });

  const Observer = options.MutationObserver ?? globalThis.MutationObserver;
  if (options.observe !== false && Observer) {
    observer = new Observer(onMutations);
    observer.observe(options.root, OBSERVE);
  }

  const firstScan = runScans(true).then(() => {
    stats.firstScanWallMs = clock.now() - startedAt;
    if (!signal.aborted && stats.status === 'scanning') setStatus('ready');
  });

  return {
    stats,
    firstScan,
    repaint: () => {
      if (!signal.aborted) paint();
    },
    rescan: () => {
      if (stats.status === 'stopped') return;
      void runScans(false);
    },
  };
}

const OBSERVE: MutationObserverInit = {
  childList: true,
  characterData: true,
  subtree: true,
  attributes: true,
  attributeFilter: ['hidden', 'aria-hidden', 'contenteditable', 'open'],
};

/**
 * Does this change touch text we read? Changes inside skipped zones (an editor being typed in, a
 * code block, a form field) and to the extension's own UI do not.
 */
export function mattersForText(record: MutationRecord, blockOptions: BlockOptions): boolean {
  const target = record.target;
  const element = target.nodeType === 1 ? (target as Element) : target.parentElement;
  if (!element) return true;
  if (blockOptions.isOwnUi && isInOwnUi(element, blockOptions.isOwnUi)) return false;
  if (record.type === 'childList') {
    const changed = [...record.addedNodes, ...record.removedNodes];
    if (changed.length > 0 && changed.every((node) => node.nodeType === 1 && blockOptions.isOwnUi?.(node as Element))) return false;
  }
  if (record.type !== 'attributes' && element.closest(SKIPPED_SELECTOR)) return false;
  return true;
}

function isInOwnUi(element: Element, isOwnUi: (element: Element) => boolean): boolean {
  for (let current: Element | null = element, depth = 0; current && depth < 64; current = current.parentElement, depth++) {
    if (isOwnUi(current)) return true;
  }
  return false;
}

/**
 * Block indexes, the first block on screen first: a binary search over the blocks (in document
 * order, so roughly top to bottom) finds the first one whose element ends below the top of the
 * viewport. Only a handful of layouts are read.
 */
export function visibleFirstOrder(blocks: readonly TextBlock[], viewportHeight: number): number[] {
  const indexes = blocks.map((_, index) => index);
  if (viewportHeight <= 0 || blocks.length < 64) return indexes;
  const bottomOf = (index: number): number => blocks[index]!.nodes[0]!.parentElement?.getBoundingClientRect().bottom ?? 0;
  let low = 0;
  let high = blocks.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (bottomOf(mid) < 0) low = mid + 1;
    else high = mid;
  }
  return [...indexes.slice(low), ...indexes.slice(0, low)];
}

/**
 * How often a changing page is re-scanned: the interval doubles while re-scans use more than their
 * share of the last window of wall time, halves when they use much less, and the answer is
 * "stop" once the page has kept us at the longest interval, over budget, for `stopAfterMs`.
 */
export interface RescanPolicy {
  readonly interval: number;
  record(at: number, ms: number): 'continue' | 'stop';
}

export function createRescanPolicy(throttle: ThrottleSettings): RescanPolicy {
  let interval = throttle.minIntervalMs;
  let overBudgetSince: number | undefined;
  const recent: { at: number; ms: number }[] = [];
  return {
    get interval() {
      return interval;
    },
    record(at, ms) {
      recent.push({ at, ms });
      const windowMs = Math.max(10_000, interval * 4);
      while (recent.length > 0 && recent[0]!.at < at - windowMs) recent.shift();
      const used = recent.reduce((sum, scan) => sum + scan.ms, 0) / windowMs;
      if (used > throttle.cpuShare) {
        interval = Math.min(interval * 2, throttle.maxIntervalMs);
        if (interval === throttle.maxIntervalMs) {
          overBudgetSince ??= at;
          if (at - overBudgetSince >= throttle.stopAfterMs) return 'stop';
        }
      } else {
        overBudgetSince = undefined;
        if (used < throttle.cpuShare / 4) interval = Math.max(throttle.minIntervalMs, interval / 2);
      }
      return 'continue';
    },
  };
}
