import { describe, expect, it } from 'vitest';
import { createPainter, termHighlightName, TERM_HIGHLIGHT, type HighlightEnvironment } from '../../lib/highlight/paint';
import { adoptStyledHighlightSheet, HIGHLIGHT_CSS } from '../../lib/highlight/sheet';
import type { RangeBounds } from '../../lib/scanner/scan';

/**
 * A stand-in for the browser's Highlight API that records what a page would see: the adopted
 * sheets, each rule change (every one costs the page a full style recalculation), and the
 * registered highlights.
 */
function fakeEnvironment() {
  const replaced: string[] = [];
  class FakeSheet {
    replaceSync(css: string): void {
      replaced.push(css);
    }
  }
  class FakeHighlight extends Set<unknown> {
    priority = 0;
    constructor(...ranges: unknown[]) {
      super(ranges);
    }
  }
  class FakeStaticRange {
    constructor(readonly bounds: RangeBounds) {}
  }
  const document = { adoptedStyleSheets: [] as unknown[] };
  const highlights = new Map<string, FakeHighlight>();
  const env = {
    document,
    highlights,
    Highlight: FakeHighlight,
    StaticRange: FakeStaticRange,
    CSSStyleSheet: FakeSheet,
  } as unknown as HighlightEnvironment;
  return { env, document, highlights, replaced };
}

const bounds = (offset: number) => ({ startContainer: {}, startOffset: offset, endContainer: {}, endOffset: offset + 4 }) as unknown as RangeBounds;

describe('the painter', () => {
  it('uses the sheet the early script adopted, without adopting or writing a second one', () => {
    const { env, document, replaced } = fakeEnvironment();
    const holder = {};
    const early = adoptStyledHighlightSheet(env, holder);
    const painter = createPainter(env, 'underline', holder);
    painter.paint([bounds(0)]);
    expect(document.adoptedStyleSheets).toEqual([early]);
    expect(replaced).toEqual([HIGHLIGHT_CSS]);
  });

  it('changes style by moving the terms to another highlight, never by rewriting the sheet', () => {
    const { env, highlights, replaced } = fakeEnvironment();
    const holder = {};
    adoptStyledHighlightSheet(env, holder);
    const painter = createPainter(env, 'underline', holder);
    painter.paint([bounds(0), bounds(10)]);
    expect(highlights.get(TERM_HIGHLIGHT)?.size).toBe(2);
    painter.setStyle('tint');
    expect(highlights.has(TERM_HIGHLIGHT)).toBe(false);
    expect(highlights.get(termHighlightName('tint'))?.size).toBe(2);
    painter.paint([bounds(20)]);
    expect(highlights.get(termHighlightName('tint'))?.size).toBe(1);
    expect(replaced).toHaveLength(1);
    // Every style with a look has its rule in the one sheet; "none" has none.
    expect(HIGHLIGHT_CSS).toContain(`::highlight(${termHighlightName('tint')})`);
    expect(HIGHLIGHT_CSS).not.toContain(`::highlight(${termHighlightName('none')})`);
  });

  it('adopts the sheet again when the page replaced its adopted sheets', () => {
    const { env, document } = fakeEnvironment();
    const painter = createPainter(env, 'underline', {});
    const ours = document.adoptedStyleSheets[0];
    const pageSheet = {};
    document.adoptedStyleSheets = [pageSheet];
    painter.paint([bounds(0)]);
    expect(document.adoptedStyleSheets).toEqual([pageSheet, ours]);
  });

  it('paints the hovered and focused terms over the others', () => {
    const { env, highlights } = fakeEnvironment();
    const painter = createPainter(env, 'underline', {});
    const [range] = painter.paint([bounds(0)]);
    painter.hover(range!);
    painter.focus(range!);
    const priority = (name: string) => (highlights.get(name) as unknown as { priority: number }).priority;
    expect(priority('physiolens-hover')).toBeGreaterThan(priority(TERM_HIGHLIGHT));
    expect(priority('physiolens-focus')).toBeGreaterThan(priority('physiolens-hover'));
  });

  it('without the early script, still paints (with a sheet of no rules) rather than fail', () => {
    const { env, document, highlights, replaced } = fakeEnvironment();
    const painter = createPainter(env, 'underline', {});
    painter.paint([bounds(0)]);
    expect(highlights.get(TERM_HIGHLIGHT)?.size).toBe(1);
    expect(document.adoptedStyleSheets).toHaveLength(1);
    expect(replaced).toEqual([]);
  });

  it('leaves nothing behind when cleared, and a new painter adopts the sheet again', () => {
    const { env, document, highlights } = fakeEnvironment();
    const holder = {};
    const painter = createPainter(env, 'underline', holder);
    painter.paint([bounds(0)]);
    painter.clear();
    expect(highlights.size).toBe(0);
    expect(document.adoptedStyleSheets).toEqual([]);
    createPainter(env, 'underline', holder);
    expect(document.adoptedStyleSheets).toHaveLength(1);
  });
});
