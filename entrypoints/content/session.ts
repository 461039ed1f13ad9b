import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import termData from '../../data/generated/terms.json';
import type { EntryCard } from '../../lib/kb/types';
import { TermIndex, type IndexedTerm } from '../../lib/highlight/hit-test';
import { placeBelow, trackHover } from '../../lib/highlight/hover';
import { createPainter, type HighlightEnvironment, type Painter } from '../../lib/highlight/paint';
import { compileMatcher, type Matcher } from '../../lib/matcher/compile';
import { unpackTermData, type PackedTermData } from '../../lib/matcher/pack';
import { sendMessage } from '../../lib/messaging/messages';
import { boundsOf, scanTree } from '../../lib/scanner/scan';
import type { TooltipUi } from './tooltip-ui';

const HOVER_DELAY_MS = 300;
const LEAVE_GRACE_MS = 300;

/**
 * One page's highlighting: scan, paint, fetch the cards of the terms found, and show a tooltip
 * on hover. Everything it starts is bound to an AbortSignal, so `stop()` leaves nothing running.
 */
export function createPageSession(ctx: ContentScriptContext, env: HighlightEnvironment, tooltip: TooltipUi) {
  let matcher: Matcher | undefined;
  let painter: Painter | undefined;
  let index: TermIndex | undefined;
  let controller: AbortController | undefined;
  const cards = new Map<string, EntryCard>();
  const data = unpackTermData(termData as unknown as PackedTermData);

  const start = (): void => {
    if (controller) return;
    controller = new AbortController();
    const { signal } = controller;
    ctx.onInvalidated(() => controller?.abort());
    matcher ??= compileMatcher(data);
    painter = createPainter(env);
    const found = scanTree(document.body ?? document.documentElement, matcher, { everyOccurrence: false, isOwnUi: tooltip.isOwnElement });
    const bounds = found.map(boundsOf);
    const ranges = painter.paint(bounds);
    index = new TermIndex(found.map((term, position) => ({ term, bounds: bounds[position]!, range: ranges[position]! })));

    const ids = [...new Set(found.map((term) => data.entries[term.entry]![0]))];
    if (ids.length > 0) {
      sendMessage('getEntryCards', { ids })
        .then((list) => list.forEach((card) => cards.set(card.id, card)))
        .catch(() => {
          // The tooltip falls back to the name and category it already has.
        });
    }

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
      { document, index: () => index, signal },
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
    controller?.abort();
    controller = undefined;
    painter?.clear();
    painter = undefined;
    index = undefined;
    tooltip.hide();
  };

  return { start, stop };
}
