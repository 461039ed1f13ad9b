import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import termData from '../../data/generated/terms.json';
import type { EntryCard } from '../../lib/kb/types';
import type { Category } from '../../lib/kb/vocabulary';
import { TermIndex, type IndexedTerm } from '../../lib/highlight/hit-test';
import { placeBelow, trackHover } from '../../lib/highlight/hover';
import { createPainter, type HighlightEnvironment, type Painter } from '../../lib/highlight/paint';
import { compileMatcher, type Matcher } from '../../lib/matcher/compile';
import { unpackTermData, type PackedTermData } from '../../lib/matcher/pack';
import { sendMessage } from '../../lib/messaging/messages';
import type { PageReport, PageTerm } from '../../lib/messaging/protocol';
import { startLiveScan, type LiveScan } from '../../lib/scanner/live';
import { boundsOf } from '../../lib/scanner/scan';
import { browserClock } from '../../lib/scanner/slicing';
import type { TooltipUi } from './tooltip-ui';

const HOVER_DELAY_MS = 300;
const LEAVE_GRACE_MS = 300;
const REPORT_DELAY_MS = 400;

export interface PageSettings {
  readonly everyOccurrence: boolean;
  readonly shownCategories: readonly Category[];
}

/**
 * One page's highlighting: a live scan that paints, the cards of the terms found (fetched once
 * from the background), and a tooltip on hover. Everything it starts is bound to an AbortSignal,
 * so `stop()` leaves nothing running and nothing painted.
 */
export function createPageSession(ctx: ContentScriptContext, env: HighlightEnvironment, tooltip: TooltipUi, initial: PageSettings) {
  const setupStart = performance.now();
  const data = unpackTermData(termData as unknown as PackedTermData);
  let setupMs = performance.now() - setupStart;
  let matcher: Matcher | undefined;
  let settings = initial;
  let painter: Painter | undefined;
  let index: TermIndex | undefined;
  let shadowRoots: readonly ShadowRoot[] = [];
  let scan: LiveScan | undefined;
  let controller: AbortController | undefined;
  const cards = new Map<string, EntryCard>();
  const asked = new Set<string>();
  let terms: PageTerm[] = [];
  let reportTimer: ReturnType<typeof setTimeout> | undefined;

  /** Tells the background what this frame found (badge, "terms on this page"), at most every REPORT_DELAY_MS. */
  const scheduleReport = (): void => {
    if (reportTimer !== undefined) return;
    reportTimer = setTimeout(() => {
      reportTimer = undefined;
      sendReport();
    }, REPORT_DELAY_MS);
  };
  const sendReport = (): void => {
    const stats = scan?.stats;
    const report: PageReport = {
      status: stats?.status ?? 'ready',
      terms: scan ? terms : [],
      stats: {
        mainThreadMs: (stats?.mainThreadMs ?? 0) + setupMs,
        slices: stats?.slices ?? 0,
        longestSliceMs: stats?.longestSliceMs ?? 0,
        blocks: stats?.blocks ?? 0,
        characters: stats?.characters ?? 0,
        scans: stats?.scans ?? 0,
        firstScanWallMs: stats?.firstScanWallMs ?? 0,
      },
    };
    sendMessage('reportPage', report).catch(() => {
      // The background may be updating; the next change reports again.
    });
  };

  const fetchCards = (ids: readonly string[]): void => {
    const missing = ids.filter((id) => !asked.has(id));
    if (missing.length === 0) return;
    missing.forEach((id) => asked.add(id));
    sendMessage('getEntryCards', { ids: missing })
      .then((list) => list.forEach((card) => cards.set(card.id, card)))
      .catch(() => {
        // The tooltip falls back to the name and category it already has.
        missing.forEach((id) => asked.delete(id));
      });
  };

  const start = (): void => {
    if (controller) return;
    controller = new AbortController();
    const { signal } = controller;
    if (!matcher) {
      const compileStart = performance.now();
      matcher = compileMatcher(data);
      setupMs += performance.now() - compileStart;
    }
    const activePainter = createPainter(env);
    painter = activePainter;
    scan = startLiveScan({
      root: document.body ?? document.documentElement,
      matcher,
      blockOptions: { isOwnUi: tooltip.isOwnElement },
      documentOptions: () => {
        const shown = new Set(settings.shownCategories);
        return { everyOccurrence: settings.everyOccurrence, showEntry: (entry) => shown.has(data.entries[entry]![2]) };
      },
      clock: browserClock(),
      signal,
      viewportHeight: () => window.innerHeight,
      onPaint: (found, roots, counts) => {
        const bounds = found.map(boundsOf);
        const ranges = activePainter.paint(bounds, roots);
        shadowRoots = roots;
        index = new TermIndex(found.map((term, position) => ({ term, bounds: bounds[position]!, range: ranges[position]! })));
        fetchCards([...new Set(found.map((term) => data.entries[term.entry]![0]))]);
        terms = [...counts].map(([entry, count]) => ({ id: data.entries[entry]![0], count }));
        scheduleReport();
      },
      onStatus: () => scheduleReport(),
    });
    listenForHover(signal);
  };

  const listenForHover = (signal: AbortSignal): void => {
    let showTimer: ReturnType<typeof setTimeout> | undefined;
    let hideTimer: ReturnType<typeof setTimeout> | undefined;
    let overTooltip = false;
    const clearTimers = (): void => {
      clearTimeout(showTimer);
      clearTimeout(hideTimer);
    };
    signal.addEventListener('abort', clearTimers);
    const hide = (): void => {
      clearTimers();
      painter?.hover(null);
      tooltip.hide();
    };
    const show = (hovered: IndexedTerm, rects: DOMRect[]): void => {
      const [id, name, category] = data.entries[hovered.term.entry]!;
      const card = cards.get(id) ?? { id, name, category, summary: '', related: [] };
      const anchor = rects[0];
      if (!anchor) return;
      tooltip.show({
        card,
        position: placeBelow(anchor, { width: window.innerWidth, height: window.innerHeight }),
        onOpenSidePanel: (entryId) => {
          sendMessage('openSidePanel', { entryId }).catch((error: unknown) => console.warn('PhysioLens: could not open the side panel', error));
        },
        onPointerEnter: () => {
          overTooltip = true;
          clearTimeout(hideTimer);
        },
        onPointerLeave: () => {
          overTooltip = false;
          hideTimer = setTimeout(hide, LEAVE_GRACE_MS);
        },
      });
    };
    trackHover(
      { document, index: () => index, shadowRoots: () => shadowRoots, signal },
      {
        onEnter(hovered, rects) {
          clearTimers();
          painter?.hover(hovered.range);
          showTimer = setTimeout(() => show(hovered, rects), HOVER_DELAY_MS);
        },
        onLeave() {
          clearTimeout(showTimer);
          hideTimer = setTimeout(() => {
            if (!overTooltip) hide();
          }, LEAVE_GRACE_MS);
        },
      },
    );
    document.addEventListener(
      'keydown',
      (event) => {
        if (event.key === 'Escape') hide();
      },
      { signal },
    );
  };

  const stop = (): void => {
    const wasRunning = controller !== undefined;
    controller?.abort();
    controller = undefined;
    clearTimeout(reportTimer);
    reportTimer = undefined;
    painter?.clear();
    painter = undefined;
    scan = undefined;
    index = undefined;
    shadowRoots = [];
    terms = [];
    tooltip.hide();
    if (wasRunning && ctx.isValid) sendReport();
  };

  ctx.onInvalidated(stop);
  return {
    start,
    stop,
    /** Settings that change what is painted, not what is read. */
    update(next: PageSettings): void {
      settings = next;
      scan?.repaint();
    },
    /** The page navigated without loading (single-page app). */
    rescan(): void {
      scan?.rescan();
    },
  };
}
