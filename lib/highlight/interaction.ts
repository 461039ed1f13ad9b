import type { EntryCard } from '../kb/types';
import { CATEGORY_LABELS } from '../kb/vocabulary';
import { findTermAtPoint, termRects, type IndexedTerm, type TermIndex } from './hit-test';
import { sameTerm, trackHover, type PointerState } from './hover';
import { computeTooltipPlacement } from './placement';

/**
 * Everything a reader does with painted terms: hover (with intent delay and a grace period),
 * hover with Alt, click, the keyboard walk (N / P / Enter / Esc), "show this term" from the
 * popup, and the tooltip's own actions. Framework-free: the tooltip is drawn by a `TooltipSurface`
 * (a Preact component in a shadow root in the extension; a fake in tests).
 */
export type TooltipTheme = 'system' | 'light' | 'dark';
export type Trigger = 'hover' | 'modifier' | 'click';

export interface TooltipModel {
  readonly card: EntryCard;
  readonly position: { readonly left: number; readonly top: number } | null;
  readonly theme: TooltipTheme;
  readonly keyboard: boolean;
}

export interface TooltipHandlers {
  readonly onOpenSidePanel: (entryId: string) => void;
  readonly onMute: (entryId: string) => void;
  readonly onShowRelated: (entryId: string) => void;
  readonly onClose: () => void;
  readonly onPointerEnter: () => void;
  readonly onPointerLeave: () => void;
}

export interface TooltipSurface {
  render(model: TooltipModel, handlers: TooltipHandlers): void;
  /** The rendered tooltip's size, for placement. */
  size(): { width: number; height: number } | undefined;
  hide(): void;
  /** Says a text to screen readers (a live region). */
  announce(text: string): void;
  isOwnElement(element: Element): boolean;
}

export interface InteractionSettings {
  readonly trigger: Trigger;
  readonly hoverDelayMs: number;
  readonly theme: TooltipTheme;
}

export interface InteractionOptions {
  readonly document: Document;
  readonly painter: { hover(range: AbstractRange | null): void; focus(range: AbstractRange | null): void };
  /** The painted terms, in document order. */
  readonly terms: () => readonly IndexedTerm[];
  readonly index: () => TermIndex | undefined;
  readonly shadowRoots: () => readonly ShadowRoot[];
  /** The best card known now for an entry index (maybe without its summary yet). */
  readonly cardOf: (entry: number) => EntryCard;
  readonly loadCard: (id: string) => Promise<EntryCard | undefined>;
  readonly settings: () => InteractionSettings;
  readonly surface: TooltipSurface;
  readonly openSidePanel: (entryId: string) => void;
  readonly mute: (entryId: string) => void;
  readonly signal: AbortSignal;
  readonly requestFrame?: (callback: () => void) => number;
}

export interface Interaction {
  /** Keyboard mode: focus the first term on screen and show its tooltip. */
  focusFirstTerm(): boolean;
  /** Scroll to the first painted occurrence of an entry and flash it. */
  showTerm(entryId: string): boolean;
  close(): void;
  /** The page was repainted: keep the open tooltip if its term is still there. */
  refresh(): void;
  readonly isOpen: boolean;
}

/** How long the tooltip waits for the pointer to come back before closing (WCAG 1.4.13 hoverable). */
export const LEAVE_GRACE_MS = 300;
const FLASH_MS = 1600;

export function describeCard(card: EntryCard): string {
  return `${card.name}, ${CATEGORY_LABELS[card.category].toLowerCase()}. ${card.summary}`;
}

export function createInteraction(options: InteractionOptions): Interaction {
  const { document: doc, painter, surface, signal } = options;
  const view = doc.defaultView!;
  const requestFrame = options.requestFrame ?? ((callback: () => void) => view.requestAnimationFrame(callback));
  let open: { term: IndexedTerm; card: EntryCard; keyboard: boolean; pointer?: PointerState } | undefined;
  let showTimer: ReturnType<typeof setTimeout> | undefined;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  let flashTimer: ReturnType<typeof setTimeout> | undefined;
  let overTooltip = false;

  const clearTimers = (): void => {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
  };

  const handlers: TooltipHandlers = {
    onOpenSidePanel: (entryId) => options.openSidePanel(entryId),
    onMute: (entryId) => {
      close();
      options.mute(entryId);
    },
    onShowRelated: (entryId) => {
      const shown = open;
      if (!shown) return;
      void options.loadCard(entryId).then((card) => {
        if (card && open === shown) {
          open = { ...shown, card };
          draw();
        }
      });
    },
    onClose: () => close(),
    onPointerEnter: () => {
      overTooltip = true;
      clearTimeout(hideTimer);
    },
    onPointerLeave: () => {
      overTooltip = false;
      if (open && !open.keyboard) hideTimer = setTimeout(close, LEAVE_GRACE_MS);
    },
  };

  /** Draws the open tooltip: hidden first to measure it, then placed next to its term. */
  const draw = (): void => {
    if (!open) return;
    const { term, card, keyboard, pointer } = open;
    const theme = options.settings().theme;
    surface.render({ card, position: null, theme, keyboard }, handlers);
    const size = surface.size() ?? { width: 320, height: 160 };
    const rects = termRects(doc, term.bounds).map((rect) => ({ left: rect.left, top: rect.top, width: rect.width, height: rect.height }));
    const position = computeTooltipPlacement({
      termRects: rects,
      ...(pointer ? { pointer } : {}),
      size,
      viewport: { width: doc.documentElement.clientWidth || view.innerWidth, height: view.innerHeight },
      rtl: isRightToLeft(term),
    });
    surface.render({ card, position, theme, keyboard }, handlers);
  };

  const show = (term: IndexedTerm, how: { keyboard: boolean; pointer?: PointerState }): void => {
    clearTimers();
    const card = options.cardOf(term.term.entry);
    open = { term, card, keyboard: how.keyboard, ...(how.pointer ? { pointer: how.pointer } : {}) };
    if (how.keyboard) painter.focus(term.range);
    else painter.hover(term.range);
    draw();
    surface.announce(describeCard(card));
    if (!card.summary) {
      const shown = open;
      void options.loadCard(card.id).then((loaded) => {
        if (loaded && open === shown) {
          open = { ...shown, card: loaded };
          draw();
          surface.announce(describeCard(loaded));
        }
      });
    }
  };

  const close = (): void => {
    clearTimers();
    if (open?.keyboard) painter.focus(null);
    open = undefined;
    overTooltip = false;
    painter.hover(null);
    surface.hide();
  };

  const hover = trackHover(
    { document: doc, index: options.index, shadowRoots: options.shadowRoots, signal, requestFrame },
    {
      onEnter(term, pointer) {
        if (open?.keyboard) return;
        painter.hover(term.range);
        if (open && sameTerm(open.term, term)) {
          clearTimeout(hideTimer);
          return;
        }
        const { trigger, hoverDelayMs } = options.settings();
        if (trigger === 'click' || (trigger === 'modifier' && !pointer.altKey)) return;
        clearTimeout(showTimer);
        showTimer = setTimeout(() => show(term, { keyboard: false, pointer }), hoverDelayMs);
      },
      onLeave() {
        clearTimeout(showTimer);
        if (!open) {
          painter.hover(null);
          return;
        }
        if (open.keyboard) return;
        clearTimeout(hideTimer);
        hideTimer = setTimeout(() => {
          if (!overTooltip) close();
        }, LEAVE_GRACE_MS);
      },
    },
  );

  const onTarget = (target: EventTarget | null): boolean => target instanceof view.Element && surface.isOwnElement(target);

  // Click trigger, and a click elsewhere closes a click- or keyboard-opened tooltip.
  doc.addEventListener(
    'click',
    (event: MouseEvent) => {
      if (onTarget(event.target)) return;
      const index = options.index();
      const term = index ? findTermAtPoint(doc, index, event.clientX, event.clientY, options.shadowRoots()) : undefined;
      if (term && options.settings().trigger === 'click') {
        show(term, { keyboard: false, pointer: { x: event.clientX, y: event.clientY, altKey: event.altKey } });
      } else if (open && !(term && sameTerm(term, open.term))) {
        close();
      }
    },
    { capture: true, signal },
  );

  doc.addEventListener(
    'keydown',
    (event: KeyboardEvent) => {
      if (!open) return;
      const key = event.key;
      let handled = true;
      if (key === 'Escape') close();
      else if (!open.keyboard) handled = false;
      else if (key === 'n' || key === 'N' || key === 'ArrowDown' || key === 'ArrowRight') step(1);
      else if (key === 'p' || key === 'P' || key === 'ArrowUp' || key === 'ArrowLeft') step(-1);
      else if (key === 'Enter') options.openSidePanel(open.card.id);
      else handled = false;
      if (handled) {
        event.preventDefault();
        event.stopPropagation();
      }
    },
    { capture: true, signal },
  );

  // Follow the term while the page scrolls; close when it has scrolled out of view.
  let scrollPending = false;
  view.addEventListener(
    'scroll',
    () => {
      if (!open || scrollPending) return;
      scrollPending = true;
      requestFrame(() => {
        scrollPending = false;
        if (!open) return;
        const rects = termRects(doc, open.term.bounds);
        const visible = rects.some((rect) => rect.bottom > 0 && rect.top < view.innerHeight && rect.width > 0);
        if (!visible) close();
        else draw();
      });
    },
    { capture: true, passive: true, signal },
  );

  const scrollToTerm = (term: IndexedTerm): void => {
    const element = term.bounds.startContainer.parentElement;
    const rect = termRects(doc, term.bounds)[0];
    if (rect && rect.top >= 0 && rect.bottom <= view.innerHeight) return;
    element?.scrollIntoView({ block: 'center', inline: 'nearest' });
  };

  const step = (direction: 1 | -1): void => {
    if (!open) return;
    const terms = options.terms();
    const at = terms.findIndex((term) => sameTerm(term, open!.term));
    const next = terms[at + direction];
    if (!next) {
      surface.announce(direction > 0 ? 'That was the last term on this page.' : 'That was the first term on this page.');
      return;
    }
    painter.focus(null);
    scrollToTerm(next);
    show(next, { keyboard: true });
  };

  signal.addEventListener('abort', () => {
    clearTimers();
    clearTimeout(flashTimer);
    surface.hide();
  });

  return {
    get isOpen() {
      return open !== undefined;
    },
    focusFirstTerm() {
      const terms = options.terms();
      if (terms.length === 0) {
        surface.announce('PhysioLens found no terms on this page.');
        return false;
      }
      const onScreen = terms.find((term) =>
        termRects(doc, term.bounds).some((rect) => rect.bottom > 0 && rect.top < view.innerHeight && rect.width > 0),
      );
      const below = terms.find((term) => (termRects(doc, term.bounds)[0]?.top ?? -1) >= 0);
      const first = onScreen ?? below ?? terms[0]!;
      close();
      scrollToTerm(first);
      show(first, { keyboard: true });
      return true;
    },
    showTerm(entryId) {
      const term = options.terms().find((candidate) => options.cardOf(candidate.term.entry).id === entryId);
      if (!term) return false;
      scrollToTerm(term);
      painter.focus(term.range);
      clearTimeout(flashTimer);
      flashTimer = setTimeout(() => {
        if (!open?.keyboard) painter.focus(null);
      }, FLASH_MS);
      return true;
    },
    close,
    refresh() {
      hover.forget();
      if (!open) return;
      const still = options.terms().find((term) => sameTerm(term, open!.term));
      if (!still) close();
      else open = { ...open, term: still };
    },
  };
}

function isRightToLeft(term: IndexedTerm): boolean {
  const element = term.bounds.startContainer.parentElement;
  if (!element) return false;
  return element.ownerDocument.defaultView?.getComputedStyle(element).direction === 'rtl';
}
