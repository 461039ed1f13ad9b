import type { RangeBounds } from '../scanner/scan';

/**
 * Paints terms with the CSS Custom Highlight API (DESIGN.md decision 1): no page node is touched.
 * Three highlights: every term, the term under the pointer, and the term focused from the
 * keyboard (or flashed from the popup). The `::highlight` rules live in one constructed
 * stylesheet adopted by the document and by each scanned shadow root (constructed sheets are not
 * blocked by a page's `style-src`, and `::highlight` rules apply only in their own tree scope).
 * Highlight names carry the extension's prefix; the page's own highlights are left alone.
 */
export const TERM_HIGHLIGHT = 'physiolens-term';
export const HOVER_HIGHLIGHT = 'physiolens-hover';
export const FOCUS_HIGHLIGHT = 'physiolens-focus';

export type PaintStyle = 'underline' | 'tint' | 'none';

const ACCENT = '#0b7a75';

/** The stylesheet for a highlight style. Hover and focus always show, so "none" still has feedback. */
export function highlightCss(style: PaintStyle): string {
  const term =
    style === 'underline'
      ? `text-decoration-line: underline; text-decoration-style: dotted; text-decoration-color: ${ACCENT}; text-decoration-thickness: 2px; text-underline-offset: 2px;`
      : style === 'tint'
        ? 'background-color: rgba(11, 122, 117, 0.16);'
        : '';
  return `
::highlight(${TERM_HIGHLIGHT}) { ${term} }
::highlight(${HOVER_HIGHLIGHT}) {
  background-color: rgba(11, 122, 117, 0.22);
  text-decoration-line: underline; text-decoration-style: solid; text-decoration-color: ${ACCENT}; text-decoration-thickness: 2px;
}
::highlight(${FOCUS_HIGHLIGHT}) {
  background-color: #ffe58a; color: #1b1f24;
  text-decoration-line: underline; text-decoration-style: solid; text-decoration-color: #b35c00; text-decoration-thickness: 3px;
}
`;
}

export interface HighlightEnvironment {
  readonly document: Document;
  readonly highlights: HighlightRegistry;
  readonly Highlight: typeof Highlight;
  readonly StaticRange: typeof StaticRange;
  readonly CSSStyleSheet: typeof CSSStyleSheet;
}

export interface Painter {
  /** Paints these terms (replacing the last paint); shadow roots with terms get the stylesheet. */
  paint(bounds: readonly RangeBounds[], shadowRoots?: readonly ShadowRoot[]): StaticRange[];
  hover(range: AbstractRange | null): void;
  focus(range: AbstractRange | null): void;
  setStyle(style: PaintStyle): void;
  clear(): void;
}

/** The browser's pieces, or undefined where the Highlight API is missing (then: do nothing). */
export function highlightEnvironment(win: Window & typeof globalThis = window): HighlightEnvironment | undefined {
  if (typeof win.CSS === 'undefined' || !('highlights' in win.CSS) || typeof win.Highlight !== 'function') return undefined;
  return {
    document: win.document,
    highlights: win.CSS.highlights,
    Highlight: win.Highlight,
    StaticRange: win.StaticRange,
    CSSStyleSheet: win.CSSStyleSheet,
  };
}

export function createPainter(env: HighlightEnvironment, style: PaintStyle = 'underline'): Painter {
  const sheet = new env.CSSStyleSheet();
  sheet.replaceSync(highlightCss(style));
  const doc = env.document;
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  const adopted = new Set<DocumentOrShadowRoot>([doc]);
  const adopt = (root: DocumentOrShadowRoot): void => {
    if (adopted.has(root)) return;
    adopted.add(root);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  };
  const ours = new Map<string, Highlight>();
  /** Sets one of our highlights, or removes it, never touching one that is not ours. */
  const put = (name: string, ranges: readonly AbstractRange[] | null): void => {
    const previous = ours.get(name);
    if (previous && env.highlights.get(name) === previous) env.highlights.delete(name);
    ours.delete(name);
    if (!ranges) return;
    const highlight = new env.Highlight(...ranges);
    ours.set(name, highlight);
    env.highlights.set(name, highlight);
  };

  return {
    paint(bounds, shadowRoots = []) {
      for (const root of shadowRoots) adopt(root);
      const ranges = bounds.map((bound) => new env.StaticRange(bound));
      put(TERM_HIGHLIGHT, ranges);
      return ranges;
    },
    hover: (range) => put(HOVER_HIGHLIGHT, range ? [range] : null),
    focus: (range) => put(FOCUS_HIGHLIGHT, range ? [range] : null),
    setStyle(next) {
      sheet.replaceSync(highlightCss(next));
    },
    clear() {
      for (const name of [...ours.keys()]) put(name, null);
      for (const root of adopted) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((other) => other !== sheet);
      adopted.clear();
    },
  };
}
