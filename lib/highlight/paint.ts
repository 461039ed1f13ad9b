import type { RangeBounds } from '../scanner/scan';

/**
 * Paints terms with the CSS Custom Highlight API (DESIGN.md decision 1): no page node is touched.
 * One highlight holds every term, a second the term under the pointer. The `::highlight` rules
 * live in one constructed stylesheet adopted by the document (constructed sheets are not blocked
 * by a page's `style-src`). Highlight names carry the extension's prefix, and the page's own
 * highlights are left alone.
 */
export const TERM_HIGHLIGHT = 'physiolens-term';
export const HOVER_HIGHLIGHT = 'physiolens-hover';

export const HIGHLIGHT_CSS = `
::highlight(${TERM_HIGHLIGHT}) {
  text-decoration-line: underline;
  text-decoration-style: dotted;
  text-decoration-color: #0b7a75;
  text-decoration-thickness: 2px;
}
::highlight(${HOVER_HIGHLIGHT}) {
  background-color: rgba(11, 122, 117, 0.18);
  text-decoration-line: underline;
  text-decoration-style: solid;
  text-decoration-color: #0b7a75;
  text-decoration-thickness: 2px;
}
`;

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

export function createPainter(env: HighlightEnvironment): Painter {
  const sheet = new env.CSSStyleSheet();
  sheet.replaceSync(HIGHLIGHT_CSS);
  const doc = env.document;
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  let ours: Highlight | undefined;
  let hovered: Highlight | undefined;
  // `::highlight` rules apply only in their own tree scope: each scanned shadow root adopts the sheet.
  const adopted = new Set<DocumentOrShadowRoot>([doc]);
  const adopt = (root: DocumentOrShadowRoot): void => {
    if (adopted.has(root)) return;
    adopted.add(root);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  };

  return {
    paint(bounds, shadowRoots = []) {
      for (const root of shadowRoots) adopt(root);
      const ranges = bounds.map((bound) => new env.StaticRange(bound));
      ours = new env.Highlight(...ranges);
      env.highlights.set(TERM_HIGHLIGHT, ours);
      return ranges;
    },
    hover(range) {
      if (!range) {
        if (hovered && env.highlights.get(HOVER_HIGHLIGHT) === hovered) env.highlights.delete(HOVER_HIGHLIGHT);
        hovered = undefined;
        return;
      }
      hovered = new env.Highlight(range);
      env.highlights.set(HOVER_HIGHLIGHT, hovered);
    },
    clear() {
      if (ours && env.highlights.get(TERM_HIGHLIGHT) === ours) env.highlights.delete(TERM_HIGHLIGHT);
      if (hovered && env.highlights.get(HOVER_HIGHLIGHT) === hovered) env.highlights.delete(HOVER_HIGHLIGHT);
      ours = undefined;
      hovered = undefined;
      for (const root of adopted) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((other) => other !== sheet);
      adopted.clear();
    },
  };
}
