import type { FoundTerm, RangeBounds } from '../scanner/scan';

/**
 * Which painted term is under the pointer: the caret position at the point (no DOM change), the
 * terms of that text node, then the term's client rects to confirm the pointer is really on it
 * (the caret snaps to the nearest character even in a margin).
 */
export interface IndexedTerm {
  readonly term: FoundTerm;
  readonly bounds: RangeBounds;
  readonly range: AbstractRange;
}

export class TermIndex {
  private readonly byNode = new Map<Node, IndexedTerm[]>();

  constructor(readonly terms: readonly IndexedTerm[]) {
    for (const indexed of terms) {
      for (const node of indexed.term.block.nodes) {
        if (!coversNode(indexed.bounds, node)) continue;
        const list = this.byNode.get(node) ?? [];
        list.push(indexed);
        this.byNode.set(node, list);
      }
    }
  }

  /** The term whose text covers this caret position, if any. */
  at(node: Node, offset: number): IndexedTerm | undefined {
    return this.byNode.get(node)?.find(({ bounds }) => {
      const afterStart = node !== bounds.startContainer || offset >= bounds.startOffset;
      const beforeEnd = node !== bounds.endContainer || offset <= bounds.endOffset;
      return afterStart && beforeEnd;
    });
  }
}

function coversNode(bounds: RangeBounds, node: Node): boolean {
  if (node === bounds.startContainer || node === bounds.endContainer) return true;
  const position = bounds.startContainer.compareDocumentPosition(node);
  const afterStart = (position & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  const beforeEnd = (bounds.endContainer.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING) !== 0;
  return afterStart && beforeEnd;
}

export interface CaretPoint {
  readonly node: Node;
  readonly offset: number;
}

export function caretAtPoint(doc: Document, x: number, y: number, shadowRoots: readonly ShadowRoot[] = []): CaretPoint | undefined {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y, shadowRoots.length > 0 ? { shadowRoots: [...shadowRoots] } : undefined);
    return position ? { node: position.offsetNode, offset: position.offset } : undefined;
  }
  const legacy = (doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null }).caretRangeFromPoint;
  const range = legacy?.call(doc, x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}

/** The client rects of a term (several when it wraps across lines). */
export function termRects(doc: Document, bounds: RangeBounds): DOMRect[] {
  const range = doc.createRange();
  range.setStart(bounds.startContainer, bounds.startOffset);
  range.setEnd(bounds.endContainer, bounds.endOffset);
  return [...range.getClientRects()];
}

export function rectsContain(rects: readonly DOMRect[], x: number, y: number, slop = 2): boolean {
  return rects.some((rect) => x >= rect.left - slop && x <= rect.right + slop && y >= rect.top - slop && y <= rect.bottom + slop);
}

export function findTermAtPoint(doc: Document, index: TermIndex, x: number, y: number, shadowRoots: readonly ShadowRoot[] = []): IndexedTerm | undefined {
  const caret = caretAtPoint(doc, x, y, shadowRoots);
  if (!caret) return undefined;
  const candidate = index.at(caret.node, caret.offset);
  if (!candidate) return undefined;
  return rectsContain(termRects(doc, candidate.bounds), x, y) ? candidate : undefined;
}
