import type { Page } from 'playwright-core';
import { evaluateIn } from './browser';
import { ms, type Measurement } from './report';
import { percentile } from './stats';

/**
 * Hover latency on a scanned page: the pointer moves onto a painted term, and the time until the
 * tooltip is in the page is taken in the page itself (the pointermove event's time stamp, then a
 * MutationObserver on the tooltip's shadow root), minus the deliberate hover-intent delay.
 */
export const HOVER_DELAY_MS = 300; // HOVER_DELAY_MS in entrypoints/content/session.ts
const HOVERS = 20;
const STATE_KEY = '__physiolensBenchHover';
/** A point in the page's left margin, on no text: where the pointer rests between hovers. */
const REST = { x: 2, y: 2 };

export interface HoverFigures {
  readonly hovers: number;
  readonly paintedTerms: number;
  /** Per hover: pointer on the term → tooltip in the page, minus HOVER_DELAY_MS. */
  readonly samplesMs: readonly number[];
  readonly firstMs: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly failed: number;
}

function paintedTermCount(): number {
  return CSS.highlights.get('physiolens-term')?.size ?? 0;
}

/**
 * Scrolls the painted term at `index` to the middle of the screen, and arms the probe: the first
 * pointermove inside the term's box is the start, the first tooltip in the UI host's shadow root
 * the end.
 */
function armHover(arg: { index: number; key: string; hostName: string }): { x: number; y: number } | null {
  const highlight = CSS.highlights.get('physiolens-term');
  const range = highlight ? [...highlight][arg.index] : undefined;
  if (!range) return null;
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  const rect = live.getClientRects()[0];
  if (!rect || rect.width < 2 || rect.top < 0 || rect.bottom > innerHeight || rect.left < 0 || rect.right > innerWidth) return null;

  const state = { pointerAt: -1, listenerAt: -1, shownAt: -1 };
  (window as unknown as Record<string, unknown>)[arg.key] = state;
  const listening = new AbortController();
  document.addEventListener(
    'pointermove',
    (event) => {
      const inside = event.clientX >= rect.left && event.clientX <= rect.right && event.clientY >= rect.top && event.clientY <= rect.bottom;
      if (state.pointerAt < 0 && inside) {
        state.pointerAt = event.timeStamp;
        state.listenerAt = performance.now();
      }
    },
    { capture: true, signal: listening.signal },
  );
  const observed = new WeakSet<Node>();
  const observer = new MutationObserver(() => check());
  const check = (): void => {
    const host = document.querySelector(arg.hostName);
    const shadow = host?.shadowRoot;
    if (shadow && !observed.has(shadow)) {
      observed.add(shadow);
      observer.observe(shadow, { childList: true, subtree: true, attributes: true });
    }
    if (state.pointerAt >= 0 && state.shownAt < 0 && shadow?.querySelector('[role=tooltip]')) {
      state.shownAt = performance.now();
      observer.disconnect();
      listening.abort();
    }
  };
  observer.observe(document.body, { childList: true });
  check();
  return { x: rect.left + Math.min(rect.width / 2, 20), y: rect.top + rect.height / 2 };
}

function readHover(key: string): { pointerAt: number; listenerAt: number; shownAt: number } {
  return (window as unknown as Record<string, { pointerAt: number; listenerAt: number; shownAt: number }>)[key]!;
}

function tooltipGone(hostName: string): boolean {
  return !document.querySelector(hostName)?.shadowRoot?.querySelector('[role=tooltip]');
}

/** Hovers HOVERS painted terms spread over the page, one after another. */
export async function measureHover(page: Page, hostName = 'physiolens-ui'): Promise<HoverFigures> {
  const painted = await evaluateIn(page, paintedTermCount, null);
  const samples: number[] = [];
  let failed = 0;
  await page.mouse.move(REST.x, REST.y);
  for (let hover = 0; hover < HOVERS && painted > 0; hover++) {
    const index = Math.floor(((hover + 0.5) * painted) / HOVERS);
    const target = await evaluateIn(page, armHover, { index, key: STATE_KEY, hostName });
    if (!target) {
      failed++;
      continue;
    }
    await page.mouse.move(target.x, target.y);
    try {
      await page.waitForFunction(`window[${JSON.stringify(STATE_KEY)}].shownAt >= 0`, undefined, { timeout: 5000, polling: 50 });
    } catch {
      failed++;
    }
    const state = await evaluateIn(page, readHover, STATE_KEY);
    if (state.shownAt >= 0) {
      // The event's own time stamp when it is sane, else when the listener ran.
      const pointerAt = state.listenerAt - state.pointerAt >= 0 && state.listenerAt - state.pointerAt < 1000 ? state.pointerAt : state.listenerAt;
      samples.push(state.shownAt - pointerAt - HOVER_DELAY_MS);
    }
    await page.mouse.move(REST.x, REST.y);
    await page.waitForFunction(`!document.querySelector(${JSON.stringify(hostName)})?.shadowRoot?.querySelector('[role=tooltip]')`, undefined, { timeout: 5000, polling: 50 });
    if (!(await evaluateIn(page, tooltipGone, hostName))) throw new Error('The tooltip stayed open after the pointer left');
  }
  if (samples.length === 0) throw new Error(`No tooltip appeared in ${HOVERS} hovers`);
  return {
    hovers: samples.length,
    paintedTerms: painted,
    samplesMs: samples,
    firstMs: samples[0] ?? Number.NaN,
    p50Ms: percentile(samples, 0.5),
    p95Ms: percentile(samples, 0.95),
    failed,
  };
}

export function hoverMeasurement(figures: HoverFigures, pageLabel: string): Measurement<HoverFigures> {
  return {
    figures,
    section: {
      title: `Hover on the ${pageLabel} page (pointer onto a painted term → tooltip in the page, minus the ${HOVER_DELAY_MS} ms hover-intent delay)`,
      rows: [
        {
          what: 'hover → tooltip',
          result: `p50 ${ms(figures.p50Ms)}, p95 ${ms(figures.p95Ms)} over ${figures.hovers} hovers`,
          reference: `first hover (mounts the tooltip UI) ${ms(figures.firstMs)}`,
          note: `terms spread over the ${figures.paintedTerms} painted; timed in the page from the pointermove event's time stamp to a MutationObserver on the tooltip's shadow root${figures.failed > 0 ? `; ${figures.failed} hover(s) gave no tooltip or were off screen` : ''}`,
        },
      ],
    },
    budgets: [],
  };
}
