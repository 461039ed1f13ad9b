import { expect, paintedTerms, test } from './fixtures';
import type { Frame, Worker } from '@playwright/test';

/** Painted texts in a frame (each frame has its own content script and highlight registry). */
function paintedIn(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const highlight = CSS.highlights.get('physiolens-term');
    return [...(highlight ?? [])].map((range) => {
      const live = document.createRange();
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
      return live.toString();
    });
  });
}

/** The tab whose stored page report holds an entry (tab URLs are hidden without the "tabs" permission). */
async function tabWithTerm(serviceWorker: Worker, entryId: string): Promise<number | undefined> {
  return serviceWorker.evaluate(async (wanted) => {
    const all = await chrome.storage.session.get(null);
    for (const [key, value] of Object.entries(all)) {
      const frames = (value as { frames?: Record<string, { terms: { id: string }[] }> }).frames ?? {};
      if (key.startsWith('page:') && Object.values(frames).some((frame) => frame.terms.some((term) => term.id === wanted))) return Number(key.slice(5));
    }
    return undefined;
  }, entryId);
}

async function tabSummary(serviceWorker: Worker, tabId: number): Promise<{ badge: string; ids: string[] }> {
  return serviceWorker.evaluate(async (id) => {
    const stored = (await chrome.storage.session.get(`page:${id}`))[`page:${id}`] as { frames: Record<string, { terms: { id: string }[] }> } | undefined;
    const ids = new Set(Object.values(stored?.frames ?? {}).flatMap((frame) => frame.terms.map((term) => term.id)));
    return { badge: await chrome.action.getBadgeText({ tabId: id }), ids: [...ids].sort() };
  }, tabId);
}

test.describe('the detection engine on real pages', () => {
  test('skips code, fields, editors, hidden text and everyday phrases', async ({ context, pageUrl }) => {
    const page = await context.newPage();
    await page.goto(pageUrl('skipped.html'));
    await expect.poll(() => paintedTerms(page)).toEqual(['sciatica']);
  });

  test('keeps up with an app that re-renders its whole tree', async ({ context, pageUrl }) => {
    const page = await context.newPage();
    await page.goto(pageUrl('rerender.html'));
    await expect.poll(() => paintedTerms(page)).toEqual(expect.arrayContaining(['frozen shoulder', 'sciatica']));
    // Text that appears later is found too, and the painted ranges follow the new nodes.
    await expect.poll(() => paintedTerms(page), { timeout: 8000 }).toEqual(expect.arrayContaining(['plantar fasciitis']));
    await expect
      .poll(() => page.evaluate(() => [...(CSS.highlights.get('physiolens-term') ?? [])].every((range) => range.startContainer.isConnected)))
      .toBe(true);
  });

  test('stays painted and cheap on a page that mutates every 5 ms', async ({ context, pageUrl, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto(pageUrl('mutating.html'));
    await expect.poll(() => paintedTerms(page)).toEqual(expect.arrayContaining(['sciatica', 'nerve glides']));
    await expect.poll(() => tabWithTerm(serviceWorker, 'sciatica')).toBeDefined();
    const tabId = (await tabWithTerm(serviceWorker, 'sciatica'))!;
    const mainThreadMs = () =>
      serviceWorker.evaluate(async (id) => {
        const stored = (await chrome.storage.session.get(`page:${id}`))[`page:${id}`] as { frames: Record<string, { stats: { mainThreadMs: number } }> };
        return stored.frames['0']!.stats.mainThreadMs;
      }, tabId);
    const mutations = () => page.evaluate(() => (window as unknown as { mutations: () => number }).mutations());
    const [cpuBefore, mutationsBefore, wallBefore] = [await mainThreadMs(), await mutations(), Date.now()];
    await page.waitForTimeout(4000);
    const [cpuAfter, mutationsAfter, wallAfter] = [await mainThreadMs(), await mutations(), Date.now()];
    const share = (cpuAfter - cpuBefore) / (wallAfter - wallBefore);
    console.log(`mutating page: ${mutationsAfter - mutationsBefore} mutations, extension main thread ${(share * 100).toFixed(1)}% of wall time`);
    expect(mutationsAfter - mutationsBefore).toBeGreaterThan(200);
    expect(share).toBeLessThan(0.2);
    expect(await paintedTerms(page)).toEqual(expect.arrayContaining(['sciatica', 'nerve glides']));
  });

  test('paints inside open shadow roots, and cannot see into closed ones', async ({ context, pageUrl }) => {
    const page = await context.newPage();
    await page.goto(pageUrl('shadow.html'));
    await expect.poll(() => paintedTerms(page)).toEqual(expect.arrayContaining(['carpal tunnel syndrome', 'frozen shoulder']));
    expect(await paintedTerms(page)).not.toContain('tennis elbow');
    // The shadow root adopted the highlight stylesheet, or its highlights would not show.
    const adopted = await page.evaluate(() => document.getElementById('open-host')!.shadowRoot!.adoptedStyleSheets.length);
    expect(adopted).toBeGreaterThan(0);
  });

  test('scans frames and srcdoc frames, but not tiny ones', async ({ context, pageUrl }) => {
    const page = await context.newPage();
    await page.goto(pageUrl('frames.html'));
    await expect.poll(() => paintedTerms(page)).toEqual(['sciatica']);
    const child = page.frame({ url: /frame-child\.html$/ })!;
    await expect.poll(() => paintedIn(child)).toEqual(['plantar fasciitis']);
    const srcdoc = page.frames().find((frame) => frame.url() === 'about:srcdoc' && frame !== page.mainFrame());
    const frames = page.frames().filter((frame) => frame.url() === 'about:srcdoc');
    expect(srcdoc).toBeDefined();
    const painted = await Promise.all(frames.map(paintedIn));
    await expect.poll(async () => (await Promise.all(frames.map(paintedIn))).flat()).toEqual(['tennis elbow']);
    expect(painted.flat()).not.toContain('plantar fasciitis');
  });

  test('reports the terms found to the badge, and clears them on a new page', async ({ context, pageUrl, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto(pageUrl('article.html'));
    await expect.poll(() => tabWithTerm(serviceWorker, 'carpal-tunnel-syndrome')).toBeDefined();
    const tabId = (await tabWithTerm(serviceWorker, 'carpal-tunnel-syndrome'))!;
    const { badge, ids } = await tabSummary(serviceWorker, tabId);
    expect(ids).toEqual(expect.arrayContaining(['sciatica', 'carpal-tunnel-syndrome', 'plantar-fasciitis']));
    expect(badge).toBe(String(ids.length));
    await page.goto(pageUrl('frames.html'));
    await expect.poll(async () => (await tabSummary(serviceWorker, tabId)).ids).toEqual(['plantar-fasciitis', 'sciatica', 'tennis-elbow']);
    expect((await tabSummary(serviceWorker, tabId)).badge).toBe('3');
  });
});
