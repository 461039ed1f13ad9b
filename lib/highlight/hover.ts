import { findTermAtPoint, termRects, type IndexedTerm, type TermIndex } from './hit-test';

/**
 * Follows the pointer over painted terms, one hit-test per animation frame at most, and reports
 * when it enters or leaves a term. The caller decides what to show and when.
 */
export interface HoverCallbacks {
  onEnter(term: IndexedTerm, rects: DOMRect[]): void;
  onLeave(): void;
}

export interface HoverOptions {
  readonly document: Document;
  readonly index: () => TermIndex | undefined;
  readonly shadowRoots?: () => readonly ShadowRoot[];
  readonly signal: AbortSignal;
  readonly requestFrame?: (callback: () => void) => number;
}

export function trackHover(options: HoverOptions, callbacks: HoverCallbacks): void {
  const { document: doc, signal } = options;
  const requestFrame = options.requestFrame ?? ((callback) => requestAnimationFrame(callback));
  let pending = false;
  let lastX = 0;
  let lastY = 0;
  let current: IndexedTerm | undefined;

  const test = (): void => {
    pending = false;
    if (signal.aborted) return;
    const index = options.index();
    const found = index ? findTermAtPoint(doc, index, lastX, lastY, options.shadowRoots?.() ?? []) : undefined;
    if (found === current) return;
    if (current) callbacks.onLeave();
    current = found;
    if (found) callbacks.onEnter(found, termRects(doc, found.bounds));
  };

  doc.addEventListener(
    'pointermove',
    (event: PointerEvent) => {
      if (event.pointerType === 'touch') return;
      lastX = event.clientX;
      lastY = event.clientY;
      if (!pending) {
        pending = true;
        requestFrame(test);
      }
    },
    { passive: true, signal },
  );
}

/** Where the tooltip goes: below the term, or above it when there is no room below. */
export function placeBelow(rect: DOMRect, viewport: { width: number; height: number }, size = { width: 360, height: 160 }): { left: number; top: number } {
  const margin = 8;
  const left = Math.max(margin, Math.min(rect.left, viewport.width - size.width - margin));
  const below = rect.bottom + 6;
  const top = below + size.height > viewport.height && rect.top - size.height - 6 > margin ? rect.top - size.height - 6 : below;
  return { left, top };
}
