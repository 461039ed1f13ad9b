import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import termData from '../../data/generated/terms.json';
import type { EntryCard } from '../../lib/kb/types';
import { TermIndex, type IndexedTerm } from '../../lib/highlight/hit-test';
import { createInteraction, type Interaction } from '../../lib/highlight/interaction';
import { createPainter, type HighlightEnvironment, type Painter } from '../../lib/highlight/paint';
import { compileSteps, type Matcher } from '../../lib/matcher/compile';
import { unpackTermData, type PackedTermData } from '../../lib/matcher/pack';
import { sendMessage } from '../../lib/messaging/messages';
import type { PageReport, PageTerm } from '../../lib/messaging/protocol';
import { startLiveScan, type LiveScan } from '../../lib/scanner/live';
import { boundsOf } from '../../lib/scanner/scan';
import { browserClock, createSliceStats, runSliced } from '../../lib/scanner/slicing';
import type { SettingValues } from '../../lib/settings/settings';
import type { TooltipUi } from './tooltip-ui';

const REPORT_DELAY_MS = 400;

/**
 * One page's highlighting: a live scan that paints, the cards of the terms found (fetched once
 * from the background), the reader's interactions, and a report to the background. Everything it
 * starts is bound to an AbortSignal, so `stop()` leaves nothing running and nothing painted.
 */
export function createPageSession(
  ctx: ContentScriptContext,
  env: HighlightEnvironment,
  tooltip: TooltipUi,
  readSettings: () => SettingValues,
  muteTerm: (entryId: string) => void,
) {
  const setupStart = performance.now();
  const data = unpackTermData(termData as unknown as PackedTermData);
  let setupMs = performance.now() - setupStart;
  let matcher: Matcher | undefined;
  let painter: Painter | undefined;
  let index: TermIndex | undefined;
  let painted: IndexedTerm[] = [];
  let shadowRoots: readonly ShadowRoot[] = [];
  let scan: LiveScan | undefined;
  let interaction: Interaction | undefined;
  let controller: AbortController | undefined;
  const cards = new Map<string, EntryCard>();
  const asked = new Set<string>();
  let terms: PageTerm[] = [];
  let reportTimer: ReturnType<typeof setTimeout> | undefined;

  const idOf = (entry: number): string => data.entries[entry]![0];
  const cardOf = (entry: number): EntryCard => {
    const [id, name, category] = data.entries[entry]!;
    return cards.get(id) ?? { id, name, category, summary: '', related: [] };
  };
  const fetchCards = (ids: readonly string[]): Promise<void> => {
    const missing = ids.filter((id) => !asked.has(id));
    if (missing.length === 0) return Promise.resolve();
    missing.forEach((id) => asked.add(id));
    return sendMessage('getEntryCards', { ids: missing })
      .then((list) => list.forEach((card) => cards.set(card.id, card)))
      .catch(() => {
        // The tooltip falls back to the name and category it already has; ask again later.
        missing.forEach((id) => asked.delete(id));
      });
  };
  const loadCard = async (id: string): Promise<EntryCard | undefined> => {
    if (!cards.has(id)) {
      asked.delete(id);
      await fetchCards([id]);
    }
    return cards.get(id);
  };

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
        mainThreadMs: stats?.mainThreadMs ?? 0,
        setupMs,
        walkMs: stats?.walkMs ?? 0,
        matchMs: stats?.matchMs ?? 0,
        paintMs: stats?.paintMs ?? 0,
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

  const clock = browserClock();

  /** The matcher, compiled once per page in slices (the page keeps its turn between them); undefined if stopped first. */
  const compiled = async (signal: AbortSignal): Promise<Matcher | undefined> => {
    if (matcher) return matcher;
    const steps = compileSteps(data);
    const stats = createSliceStats();
    let result: Matcher | undefined;
    const finished = await runSliced(
      (deadline) => {
        for (let step = steps.next(); ; step = steps.next()) {
          if (step.done) {
            result = step.value;
            return true;
          }
          if (deadline()) return false;
        }
      },
      clock,
      stats,
      signal,
    );
    setupMs += stats.mainThreadMs;
    if (finished) matcher = result;
    return matcher;
  };

  const start = (): void => {
    if (controller) return;
    controller = new AbortController();
    const { signal } = controller;
    void compiled(signal).then((ready) => {
      if (ready && !signal.aborted) begin(ready, signal);
    });
  };

  /** Everything a running session has: painter, interactions and the live scan, bound to `signal`. */
  const begin = (matcher: Matcher, signal: AbortSignal): void => {
    const activePainter = createPainter(env, readSettings().highlightStyle);
    painter = activePainter;
    interaction = createInteraction({
      document,
      painter: activePainter,
      terms: () => painted,
      index: () => index,
      shadowRoots: () => shadowRoots,
      cardOf,
      loadCard,
      settings: () => {
        const settings = readSettings();
        return { trigger: settings.tooltipTrigger, hoverDelayMs: settings.hoverDelayMs, theme: settings.theme };
      },
      surface: tooltip,
      openSidePanel: (entryId) => {
        sendMessage('openSidePanel', { entryId }).catch((error: unknown) => console.warn('PhysioLens: could not open the side panel', error));
      },
      mute: muteTerm,
      signal,
    });
    scan = startLiveScan({
      root: document.body ?? document.documentElement,
      matcher,
      blockOptions: { isOwnUi: tooltip.isOwnElement },
      documentOptions: () => {
        const settings = readSettings();
        const shown = new Set(settings.shownCategories);
        const muted = new Set(settings.mutedTerms);
        return {
          everyOccurrence: settings.everyOccurrence,
          showEntry: (entry) => shown.has(data.entries[entry]![2]) && !muted.has(idOf(entry)),
        };
      },
      clock,
      signal,
      viewportHeight: () => window.innerHeight,
      onPaint: (found, roots, counts) => {
        const bounds = found.map(boundsOf);
        const ranges = activePainter.paint(bounds, roots);
        shadowRoots = roots;
        painted = found.map((term, position) => ({ term, bounds: bounds[position]!, range: ranges[position]! }));
        index = new TermIndex(painted);
        interaction?.refresh();
        void fetchCards([...new Set(found.map((term) => idOf(term.entry)))]);
        terms = [...counts].map(([entry, count]) => ({ id: idOf(entry), count }));
        scheduleReport();
      },
      onStatus: () => scheduleReport(),
    });
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
    interaction = undefined;
    index = undefined;
    painted = [];
    shadowRoots = [];
    terms = [];
    tooltip.hide();
    if (wasRunning && ctx.isValid) sendReport();
  };

  ctx.onInvalidated(stop);
  return {
    start,
    stop,
    /** Settings that change what is painted or how it looks, not what is read. */
    repaint(): void {
      painter?.setStyle(readSettings().highlightStyle);
      scan?.repaint();
    },
    /** The page navigated without loading (single-page app). */
    rescan(): void {
      scan?.rescan();
    },
    focusFirstTerm: (): boolean => interaction?.focusFirstTerm() ?? false,
    showTerm: (entryId: string): boolean => interaction?.showTerm(entryId) ?? false,
  };
}
