import type { Page } from 'playwright-core';
import { evaluateIn } from './browser';
import { count, ms, times, type Measurement } from './report';
import { median } from './stats';

/**
 * Why the painter uses StaticRanges (DESIGN.md decision 1): a live Range is kept up to date by the
 * browser on every change of the document, so thousands of them tax every DOM change a page makes
 * for as long as they live; a StaticRange is never updated (the scan rebuilds them on a re-scan).
 * Measured on a page without the extension: the same spans of text put in a highlight as
 * StaticRanges, then as live Ranges, and the same burst of page changes timed with each and with
 * none. Live Ranges go last: once made they cannot be dropped without a garbage collection.
 */
export interface RangeFigures {
  readonly ranges: number;
  readonly changes: number;
  /** The burst of changes, median of the rounds, with no highlight, with StaticRanges, with live Ranges. */
  readonly noneMs: number;
  readonly staticMs: number;
  readonly liveMs: number;
  /** Making the ranges and registering the highlight. */
  readonly createStaticMs: number;
  readonly createLiveMs: number;
}

const RANGES = 4000;
const CHANGES = 2000;
const ROUNDS = 5;

interface InPage {
  ranges: number;
  changes: number;
  rounds: number;
}

function measureInPage({ ranges, changes, rounds }: InPage): Omit<RangeFigures, 'noneMs' | 'staticMs' | 'liveMs'> & { none: number[]; withStatic: number[]; withLive: number[] } {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  while (walker.nextNode() && nodes.length < ranges) {
    const node = walker.currentNode as Text;
    if (node.data.length >= 12) nodes.push(node);
  }
  // What a re-rendering page does: elements added and removed, text replaced (not in highlighted nodes).
  const scratch = document.createElement('div');
  document.body.append(scratch);
  const label = document.createTextNode('0');
  scratch.append(label);
  const burst = (): number => {
    const start = performance.now();
    for (let change = 0; change < changes; change++) {
      const item = document.createElement('p');
      item.textContent = 'item';
      scratch.append(item);
      label.data = String(change);
      item.remove();
    }
    return performance.now() - start;
  };
  const repeated = (): number[] => Array.from({ length: rounds }, burst);

  const none = repeated();
  let start = performance.now();
  const staticRanges = nodes.map((node) => new StaticRange({ startContainer: node, startOffset: 2, endContainer: node, endOffset: 10 }));
  CSS.highlights.set('bench-static', new Highlight(...staticRanges));
  const createStaticMs = performance.now() - start;
  const withStatic = repeated();
  CSS.highlights.delete('bench-static');

  start = performance.now();
  const liveRanges = nodes.map((node) => {
    const range = document.createRange();
    range.setStart(node, 2);
    range.setEnd(node, 10);
    return range;
  });
  CSS.highlights.set('bench-live', new Highlight(...liveRanges));
  const createLiveMs = performance.now() - start;
  const withLive = repeated();
  CSS.highlights.delete('bench-live');
  scratch.remove();
  return { ranges: nodes.length, changes, none, withStatic, withLive, createStaticMs, createLiveMs };
}

export async function measureRanges(page: Page): Promise<RangeFigures> {
  const { none, withStatic, withLive, ...rest } = await evaluateIn(page, measureInPage, { ranges: RANGES, changes: CHANGES, rounds: ROUNDS });
  return { ...rest, noneMs: median(none), staticMs: median(withStatic), liveMs: median(withLive) };
}

export function rangesMeasurement(figures: RangeFigures, pageLabel: string): Measurement<RangeFigures> {
  const extra = (withRanges: number): number => Math.max(0, withRanges - figures.noneMs);
  return {
    figures,
    section: {
      title: `StaticRanges or live Ranges in a highlight (${pageLabel} page, no extension): ${count(figures.ranges)} ranges, then ${count(figures.changes)} page changes (an element added and removed, a text replaced), median of ${ROUNDS} bursts`,
      rows: [
        {
          what: 'page changes with StaticRanges painted',
          result: `${ms(figures.staticMs)} (+${ms(extra(figures.staticMs))})`,
          reference: `no highlight ${ms(figures.noneMs)}`,
          note: `making the ranges and registering the highlight: ${ms(figures.createStaticMs)}`,
        },
        {
          what: 'page changes with live Ranges painted',
          result: `${ms(figures.liveMs)} (+${ms(extra(figures.liveMs))})`,
          reference: `StaticRanges ${ms(figures.staticMs)}`,
          ratio: `${times(figures.liveMs / Math.max(figures.staticMs, 0.01))} the StaticRanges' time`,
          note: `making the ranges and registering the highlight: ${ms(figures.createLiveMs)}; every live Range is updated on every change while it lives`,
        },
      ],
    },
    budgets: [],
  };
}
