import type { RangeBounds } from '../scanner/scan';

/**
 * Paints terms with the CSS Custom Highlight API (DESIGN.md decision 1): no page node is touched.
 * Three highlights: every term, the term under the pointer, and the term focused from the
 * keyboard (or flashed from the popup). The `::highlight` rules live in one constructed
 * stylesheet adopted by the document and by each scanned shadow root (constructed sheets are not
 * blocked by a page's `style-src`, and `::highlight` rules apply only in their own tree scope).
 * Highlight names carry the extension's prefix; the page's own highlights are left alone.
 *
 * Adopting a sheet with `::highlight` rules makes the browser compute the style of every element
 * again (over 200 ms on a 5 MB page), and so would changing its rules. So the sheet never
 * changes: each highlight style has its own highlight name and rule, and a change of style moves
 * the terms to another name. And it is adopted once, by a tiny script that runs at
 * document_start, before the page has any style to compute (entrypoints/highlight-sheet.content.ts);
 * the content script finds it there, or adopts it itself where it was injected into a page
 * already open.
 */
export const TERM_HIGHLIGHT = 'physiolens-term';
export const HOVER_HIGHLIGHT = 'physiolens-hover';
export const FOCUS_HIGHLIGHT = 'physiolens-focus';

export type PaintStyle = 'underline' | 'tint' | 'none';

/** The highlight that holds the terms in each style (the default keeps the plain name). */
export const TERM_HIGHLIGHTS: Readonly<Record<PaintStyle, string>> = {
  underline: TERM_HIGHLIGHT,
  tint: `${TERM_HIGHLIGHT}-tint`,
  none: `${TERM_HIGHLIGHT}-plain`,
};

export const termHighlightName = (style: PaintStyle): string => TERM_HIGHLIGHTS[style];

/** Highlights painted over others: the hovered term over the terms, the focused one over both. */
const PRIORITY: Readonly<Record<string, number>> = { [HOVER_HIGHLIGHT]: 1, [FOCUS_HIGHLIGHT]: 2 };

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

/** Where the early script leaves the sheet for the content script (both run in the extension's isolated world). */
const SHEET_KEY = Symbol.for('physiolens.highlight-sheet');
type SheetHolder = { [SHEET_KEY]?: CSSStyleSheet };

/** Puts the sheet in this root's adopted sheets unless it is there (a page may have replaced the list). */
function adoptInto(root: DocumentOrShadowRoot, sheet: CSSStyleSheet): void {
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/**
 * The highlight stylesheet of this document, adopted by it: made with `css` on first call and
 * kept where the content script finds it. Only the early script passes the rules
 * (lib/highlight/sheet.ts); the content script, which runs after it in every frame it runs in,
 * finds the sheet made, and does not carry the rules a second time. Were it ever alone, it would
 * paint with a sheet of no rules: terms found and reachable by hover, Alt and keyboard, unstyled.
 */
export function adoptHighlightSheet(env: HighlightEnvironment, holder: object = globalThis, css?: string): CSSStyleSheet {
  const held = holder as SheetHolder;
  let sheet = held[SHEET_KEY];
  if (!sheet) {
    sheet = new env.CSSStyleSheet();
    if (css !== undefined) sheet.replaceSync(css);
    held[SHEET_KEY] = sheet;
  }
  adoptInto(env.document, sheet);
  return sheet;
}

export function createPainter(env: HighlightEnvironment, style: PaintStyle = 'underline', holder: object = globalThis): Painter {
  const sheet = adoptHighlightSheet(env, holder);
  const adopted = new Set<DocumentOrShadowRoot>([env.document]);
  let termName = termHighlightName(style);
  const ours = new Map<string, Highlight>();
  /** Sets one of our highlights, or removes it, never touching one that is not ours. */
  const put = (name: string, ranges: readonly AbstractRange[] | null): void => {
    const previous = ours.get(name);
    if (previous && env.highlights.get(name) === previous) env.highlights.delete(name);
    ours.delete(name);
    if (!ranges) return;
    const highlight = new env.Highlight(...ranges);
    highlight.priority = PRIORITY[name] ?? 0;
    ours.set(name, highlight);
    env.highlights.set(name, highlight);
  };

  return {
    paint(bounds, shadowRoots = []) {
      for (const root of [env.document, ...shadowRoots]) {
        adopted.add(root);
        adoptInto(root, sheet);
      }
      const ranges = bounds.map((bound) => new env.StaticRange(bound));
      put(termName, ranges);
      return ranges;
    },
    hover: (range) => put(HOVER_HIGHLIGHT, range ? [range] : null),
    focus: (range) => put(FOCUS_HIGHLIGHT, range ? [range] : null),
    setStyle(next) {
      const name = termHighlightName(next);
      if (name === termName) return;
      const terms = ours.get(termName);
      put(termName, null);
      termName = name;
      if (terms) put(name, [...terms]);
    },
    clear() {
      for (const name of [...ours.keys()]) put(name, null);
      for (const root of adopted) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((other) => other !== sheet);
      adopted.clear();
    },
  };
}
