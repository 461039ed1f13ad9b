import { computePosition, flip, inline, offset, shift, type Platform, type Rect } from '@floating-ui/core';

/**
 * Where the tooltip goes, computed with Floating UI (flip and shift at the viewport's edges;
 * `inline` picks the line of a term that wraps, the one under the pointer). Pure: rectangles in,
 * position out, so a table of cases tests it without a browser (tests/unit/placement.test.ts).
 *
 * Floating UI's core, with a platform of plain rectangles, rather than @floating-ui/dom: the
 * content script measures the term and the tooltip itself, and the DOM platform (about 5 KB gzip
 * with its utilities) would push the content script, which every page pays for, over its budget.
 */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export interface PlacementInput {
  /** The term's client rects (several when it wraps), in viewport coordinates. */
  readonly termRects: readonly Box[];
  /** The pointer, to choose the right line of a wrapped term. */
  readonly pointer?: { readonly x: number; readonly y: number };
  /** The tooltip's size. */
  readonly size: { readonly width: number; readonly height: number };
  readonly viewport: { readonly width: number; readonly height: number };
  /** Right-to-left text: the tooltip's start edge is the term's right edge. */
  readonly rtl?: boolean;
}

export interface Placement {
  readonly left: number;
  readonly top: number;
  readonly side: 'top' | 'bottom';
}

export const TOOLTIP_GAP = 6;
export const VIEWPORT_PADDING = 8;

const toRect = (box: Box): Rect => ({ x: box.left, y: box.top, width: box.width, height: box.height });
const toClientRect = (box: Box) => ({
  x: box.left,
  y: box.top,
  left: box.left,
  top: box.top,
  width: box.width,
  height: box.height,
  right: box.left + box.width,
  bottom: box.top + box.height,
});

function union(boxes: readonly Box[]): Box {
  const left = Math.min(...boxes.map((box) => box.left));
  const top = Math.min(...boxes.map((box) => box.top));
  const right = Math.max(...boxes.map((box) => box.left + box.width));
  const bottom = Math.max(...boxes.map((box) => box.top + box.height));
  return { left, top, width: right - left, height: bottom - top };
}

export async function computeTooltipPlacement(input: PlacementInput): Promise<Placement> {
  const rects = input.termRects.length > 0 ? input.termRects : [{ left: 0, top: 0, width: 0, height: 0 }];
  const reference = {
    getBoundingClientRect: () => toClientRect(union(rects)),
    getClientRects: () => rects.map(toClientRect),
  };
  const floating = {};
  // A platform of plain rectangles: the content script measures, Floating UI decides.
  const platform: Platform = {
    getElementRects: ({ reference: ref }) => {
      // `inline` swaps in a reference of its own (the chosen line), with a bounding rect only.
      const box = (ref as { getBoundingClientRect(): { left: number; top: number; width: number; height: number } }).getBoundingClientRect();
      return { reference: toRect(box), floating: { x: 0, y: 0, ...input.size } };
    },
    getClippingRect: () => ({ x: 0, y: 0, width: input.viewport.width, height: input.viewport.height }),
    getDimensions: () => input.size,
    getClientRects: (element) => (element as unknown as typeof reference).getClientRects(),
    isRTL: () => input.rtl === true,
  };
  const result = await computePosition(reference, floating, {
    platform,
    strategy: 'fixed',
    // "start" is the reading start: Floating UI mirrors it for right-to-left text (isRTL).
    placement: 'bottom-start',
    middleware: [
      inline(input.pointer ? { x: input.pointer.x, y: input.pointer.y } : {}),
      offset(TOOLTIP_GAP),
      flip({ padding: VIEWPORT_PADDING, fallbackPlacements: ['top-start'] }),
      shift({ padding: VIEWPORT_PADDING }),
    ],
  });
  return { left: Math.round(result.x), top: Math.round(result.y), side: result.placement.startsWith('top') ? 'top' : 'bottom' };
}
