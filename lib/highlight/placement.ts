/**
 * Where the tooltip goes: below the term, aligned with its reading start; above it when there is
 * no room below; shifted sideways to stay inside the viewport; for a term that wraps, beside the
 * line under the pointer. Pure: rectangles in, position out, so a table of cases tests it without
 * a browser (tests/unit/placement.test.ts).
 *
 * Written here rather than taken from a positioning library: the content script, which every page
 * pays for, needs only this one placement, and a library's core would cost it about 3 KB gzip.
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
/** How far outside a line the pointer may be and still choose it. */
const POINTER_SLOP = 2;

interface Edges {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

const edgesOf = (box: Box): Edges => ({ left: box.left, right: box.left + box.width, top: box.top, bottom: box.top + box.height });

/**
 * The part of the term the tooltip is placed against, for one side: the line under the pointer;
 * else, for a wrapped term, its whole height with the horizontal extent of the line next to that
 * side (the first line above, the last below).
 */
function anchorFor(rects: readonly Box[], side: 'top' | 'bottom', pointer: PlacementInput['pointer']): Edges {
  const lines = rects.map(edgesOf);
  if (pointer) {
    const under = lines.find(
      (line) =>
        pointer.x > line.left - POINTER_SLOP && pointer.x < line.right + POINTER_SLOP && pointer.y > line.top - POINTER_SLOP && pointer.y < line.bottom + POINTER_SLOP,
    );
    if (under) return under;
  }
  const first = lines[0]!;
  const last = lines[lines.length - 1]!;
  const beside = side === 'top' ? first : last;
  return { left: beside.left, right: beside.right, top: first.top, bottom: last.bottom };
}

export function computeTooltipPlacement(input: PlacementInput): Placement {
  const rects = input.termRects.length > 0 ? input.termRects : [{ left: 0, top: 0, width: 0, height: 0 }];
  const { width, height } = input.size;
  const place = (side: 'top' | 'bottom') => {
    const anchor = anchorFor(rects, side, input.pointer);
    const top = side === 'bottom' ? anchor.bottom + TOOLTIP_GAP : anchor.top - TOOLTIP_GAP - height;
    // How far it would stick out of the viewport (with its padding), above and below.
    const overflow = Math.max(0, VIEWPORT_PADDING - top) + Math.max(0, top + height - (input.viewport.height - VIEWPORT_PADDING));
    return { side, top, left: input.rtl ? anchor.right - width : anchor.left, overflow };
  };
  const below = place('bottom');
  const above = below.overflow > 0 ? place('top') : undefined;
  const chosen = above && above.overflow < below.overflow ? above : below;
  const maxLeft = input.viewport.width - VIEWPORT_PADDING - width;
  const left = Math.max(VIEWPORT_PADDING, Math.min(chosen.left, maxLeft));
  return { left: Math.round(left), top: Math.round(chosen.top), side: chosen.side };
}
