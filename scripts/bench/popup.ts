import { evaluateIn, type ExtensionBrowser } from './browser';
import { ms, type Row } from './report';
import { percentile } from './stats';

/**
 * The toolbar popup as a person meets it: opened fresh, a query typed (one input event, as a
 * paste or autocomplete gives), and the time from that input event to the first result option
 * in the page, taken in the page (an input listener and a MutationObserver).
 */
const QUERIES = ['sciatica', 'frozen sholder', 'carpal tunnel', 'plantar fascitis', 'TENS', 'tingling in hands', 'knee replacement', 'siatica', 'rotator cuff', 'pins and needles'];
const STATE_KEY = '__physiolensBenchPopup';

export interface PopupFigures {
  readonly queries: number;
  readonly samplesMs: readonly number[];
  readonly p50Ms: number;
  readonly p95Ms: number;
}

function armPopup(key: string): void {
  const state = { inputAt: -1, shownAt: -1 };
  (window as unknown as Record<string, unknown>)[key] = state;
  document.addEventListener(
    'input',
    (event) => {
      if (state.inputAt < 0) state.inputAt = event.timeStamp;
    },
    { capture: true },
  );
  const observer = new MutationObserver(() => {
    if (state.inputAt >= 0 && state.shownAt < 0 && document.querySelector('[role=option]')) {
      state.shownAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document.body, { childList: true, subtree: true, attributes: true });
}

function readPopup(key: string): { inputAt: number; shownAt: number } {
  return (window as unknown as Record<string, { inputAt: number; shownAt: number }>)[key]!;
}

export async function measurePopup(browser: ExtensionBrowser): Promise<PopupFigures> {
  const samples: number[] = [];
  for (const query of QUERIES) {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const searchbox = page.getByRole('searchbox');
    await searchbox.waitFor();
    if ((await page.locator('[role=option]').count()) > 0) throw new Error('The popup shows results before anything is typed');
    await evaluateIn(page, armPopup, STATE_KEY);
    await searchbox.fill(query);
    await page.waitForFunction(`window[${JSON.stringify(STATE_KEY)}].shownAt >= 0`, undefined, { timeout: 5000, polling: 20 });
    const state = await evaluateIn(page, readPopup, STATE_KEY);
    samples.push(state.shownAt - state.inputAt);
    await page.close();
  }
  return { queries: samples.length, samplesMs: samples, p50Ms: percentile(samples, 0.5), p95Ms: percentile(samples, 0.95) };
}

export function popupRow(figures: PopupFigures): Row {
  return {
    what: 'popup.html: input → first result',
    result: `p50 ${ms(figures.p50Ms)}, p95 ${ms(figures.p95Ms)} over ${figures.queries} queries`,
    note: 'a fresh popup per query (cold search code, as a person opens it); timed in the page from the input event to the first [role=option]',
  };
}
