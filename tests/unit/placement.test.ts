import { describe, expect, it } from 'vitest';
import { computeTooltipPlacement, TOOLTIP_GAP, VIEWPORT_PADDING, type PlacementInput } from '../../lib/highlight/placement';

const viewport = { width: 1000, height: 700 };
const size = { width: 320, height: 150 };
const line = (left: number, top: number, width = 80) => ({ left, top, width, height: 20 });

describe('tooltip placement', () => {
  it.each<[string, PlacementInput, { left: number; top: number; side: 'top' | 'bottom' }]>([
    ['in the open: below the term, start-aligned', { termRects: [line(200, 100)], size, viewport }, { left: 200, top: 120 + TOOLTIP_GAP, side: 'bottom' }],
    ['near the bottom edge: flips above', { termRects: [line(200, 640)], size, viewport }, { left: 200, top: 640 - TOOLTIP_GAP - 150, side: 'top' }],
    ['near the right edge: shifted left to stay inside', { termRects: [line(900, 100)], size, viewport }, { left: 1000 - VIEWPORT_PADDING - 320, top: 126, side: 'bottom' }],
    ['in the top-left corner', { termRects: [line(0, 0, 40)], size, viewport }, { left: VIEWPORT_PADDING, top: 20 + TOOLTIP_GAP, side: 'bottom' }],
    ['in the bottom-right corner', { termRects: [line(950, 680, 50)], size, viewport }, { left: 1000 - VIEWPORT_PADDING - 320, top: 680 - TOOLTIP_GAP - 150, side: 'top' }],
    ['scrolled so the term is partly above the viewport', { termRects: [line(300, -10)], size, viewport }, { left: 300, top: 10 + TOOLTIP_GAP, side: 'bottom' }],
    ['right-to-left text: end-aligned under the term', { termRects: [line(500, 100)], size, viewport, rtl: true }, { left: 580 - 320, top: 126, side: 'bottom' }],
    [
      'a term wrapped over two lines, pointer on the second line: follows that line',
      { termRects: [line(900, 100, 90), line(10, 122, 60)], pointer: { x: 30, y: 130 }, size, viewport },
      { left: 10, top: 142 + TOOLTIP_GAP, side: 'bottom' },
    ],
    [
      'a term wrapped over two lines, pointer on the first line',
      { termRects: [line(600, 100, 90), line(10, 122, 60)], pointer: { x: 620, y: 108 }, size, viewport },
      { left: 600, top: 120 + TOOLTIP_GAP, side: 'bottom' },
    ],
    [
      'a wrapped term opened from the keyboard (no pointer): below its last line',
      { termRects: [line(900, 100, 90), line(10, 122, 60)], size, viewport },
      { left: 10, top: 142 + TOOLTIP_GAP, side: 'bottom' },
    ],
    [
      'no room below or above: the side where less is cut off',
      { termRects: [line(200, 80)], size, viewport: { width: 1000, height: 200 } },
      { left: 200, top: 100 + TOOLTIP_GAP, side: 'bottom' },
    ],
  ])('%s', (_name, input, expected) => {
    expect(computeTooltipPlacement(input)).toEqual(expected);
  });
});
