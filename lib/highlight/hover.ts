import { findTermAtPoint, type IndexedTerm, type TermIndex } from './hit-test';

/**
 * Follows the pointer over painted terms, one hit-test per animation frame at most, and reports
 * when it enters or leaves a term, with the pointer's position and whether Alt was held. The
 * caller decides what to show and when.
 */
export interface PointerState {
  readonly x: number;
  readonly y: number;
  readonly altKey: boolean;
}

export interface HoverCallbacks {
  onEnter(term: IndexedTerm, pointer: PointerState): void;
  onLeave(): void;
}

export interface HoverOptions {
  readonly document: Document;
  readonly index: () => TermIndex | undefined;
  readonly shadowRoots?: () => readonly ShadowRoot[];
  readonly signal: AbortSignal;
  readonly requestFrame?: (callback: () => void) => number;
}

/** The same occurrence, even across a repaint (which makes new objects). */
export function sameTerm(a: IndexedTerm | undefined, b: IndexedTerm | undefined): boolean {
  if (!a || !b) return a === b;
  return a.term.entry === b.term.entry && a.bounds.startContainer === b.bounds.startContainer && a.bounds.startOffset === b.bounds.startOffset;
}

export function trackHover(options: HoverOptions, callbacks: HoverCallbacks): { forget(): void } {
  const { document: doc, signal } = options;
  const requestFrame = options.requestFrame ?? ((callback) => requestAnimationFrame(callback));
  let pending = false;
  let pointer: PointerState = { x: 0, y: 0, altKey: false };
  let current: IndexedTerm | undefined;

  const test = (): void => {
    pending = false;
    if (signal.aborted) return;
    const index = options.index();
    const found = index ? findTermAtPoint(doc, index, pointer.x, pointer.y, options.shadowRoots?.() ?? []) : undefined;
    if (sameTerm(found, current)) {
      // Holding Alt after the pointer arrived still counts, for the "hover with Alt" trigger.
      if (found && pointer.altKey) callbacks.onEnter(found, pointer);
      return;
    }
    if (current) callbacks.onLeave();
    current = found;
    if (found) callbacks.onEnter(found, pointer);
  };

  doc.addEventListener(
    'pointermove',
    (event: PointerEvent) => {
      if (event.pointerType === 'touch') return;
      pointer = { x: event.clientX, y: event.clientY, altKey: event.altKey };
      if (!pending) {
        pending = true;
        requestFrame(test);
      }
    },
    { passive: true, signal },
  );
  return {
    forget() {
      current = undefined;
    },
  };
}
