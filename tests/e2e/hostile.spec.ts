import type { Page, Worker } from '@playwright/test';
import { expect, hoverTerm, paintedTerms, test } from './fixtures';

/**
 * Hostile pages: each is checked for no uncaught errors caused by the extension, no page node
 * changed (the extension's one UI host aside), the page's own behaviour intact, bounded CPU, and
 * correct highlights where there should be some.
 */
interface Watch {
  errors: string[];
  /** Page nodes added or removed since the start, except the extension's UI host. */
  changes(): Promise<string[]>;
}

/** Starts recording errors and DOM changes before the page's own scripts run. */
async function watchPage(page: Page): Promise<Watch> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && /physiolens/i.test(message.text())) errors.push(message.text());
  });
  await page.addInitScript(() => {
    const changes: string[] = [];
    (window as unknown as { __changes: string[] }).__changes = changes;
    const describe = (node: Node) => (node.nodeType === 1 ? (node as Element).tagName.toLowerCase() : `#${node.nodeName}`);
    // From the end of parsing (before the content script, which runs at document_idle).
    document.addEventListener('DOMContentLoaded', () => new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'attributes') changes.push(`attribute ${record.attributeName} on ${describe(record.target)}`);
        if (record.type === 'characterData') changes.push(`text of ${describe(record.target.parentNode ?? record.target)}`);
        for (const node of record.addedNodes) changes.push(`added ${describe(node)}`);
        for (const node of record.removedNodes) changes.push(`removed ${describe(node)}`);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true }), { capture: true });
  });
  return {
    errors,
    changes: async () =>
      (await page.evaluate(() => (window as unknown as { __changes: string[] }).__changes)).filter(
        // The extension's only node: its UI host.
        (change) => change !== 'added physiolens-ui',
      ),
  };
}

async function reportOf(serviceWorker: Worker, entryId: string) {
  return serviceWorker.evaluate(async (wanted) => {
    const all = await chrome.storage.session.get(null);
    for (const value of Object.values(all)) {
      const frames = (value as { frames?: Record<string, { terms: { id: string }[]; stats: { mainThreadMs: number } }> }).frames ?? {};
      const frame = frames['0'];
      if (frame?.terms.some((term) => term.id === wanted)) return frame;
    }
    return undefined;
  }, entryId);
}

test.describe('hostile pages', () => {
  test('a strict CSP (default-src none; style-src none): terms are painted and their style applies', async ({ context, pageUrl }) => {
    const page = await context.newPage();
    const watch = await watchPage(page);
    await page.goto(pageUrl('hostile/csp-strict.html'));
    await expect.poll(() => paintedTerms(page)).toEqual(expect.arrayContaining(['Physiotherapy', 'sciatica']));
    // The highlight really shows: the term's pixels change when the extension's highlight is removed.
    const box = await page.evaluate(() => {
      const range = [...CSS.highlights.get('physiolens-term')!].find((r) => r.startContainer.textContent!.slice(r.startOffset, r.endOffset) === 'sciatica')!;
      const live = document.createRange();
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
      const rect = live.getBoundingClientRect();
      return { x: rect.left, y: rect.top, width: rect.width, height: rect.height + 4 };
    });
    const painted = await page.screenshot({ clip: box });
    const saved = await page.evaluate(() => {
      (window as unknown as { saved: Highlight }).saved = CSS.highlights.get('physiolens-term')!;
      CSS.highlights.delete('physiolens-term');
    });
    expect(saved).toBeUndefined();
    const plain = await page.screenshot({ clip: box });
    expect(painted.equals(plain)).toBe(false);
    expect(watch.errors).toEqual([]);
    expect(await watch.changes()).toEqual([]);
  });

  test('a React-style app re-rendering on a timer keeps working and highlighted', async ({ context, pageUrl }) => {
    const page = await context.newPage();
    const watch = await watchPage(page);
    await page.goto(pageUrl('rerender.html'));
    await expect.poll(() => paintedTerms(page)).toEqual(expect.arrayContaining(['frozen shoulder', 'sciatica']));
    const before = await page.locator('h2').textContent();
    await page.waitForTimeout(1000);
    expect(await page.locator('h2').textContent()).not.toBe(before);
    expect(watch.errors).toEqual([]);
  });

  test('a page that mutates every 5 ms for 10 s: the extension stays under 20% of the main thread', async ({ context, pageUrl, serviceWorker }) => {
    test.setTimeout(60_000);
    const page = await context.newPage();
    const watch = await watchPage(page);
    await page.goto(pageUrl('mutating.html'));
    await expect.poll(() => paintedTerms(page)).toEqual(expect.arrayContaining(['sciatica', 'nerve glides']));
    await expect.poll(() => reportOf(serviceWorker, 'sciatica')).toBeDefined();
    const start = { cpu: (await reportOf(serviceWorker, 'sciatica'))!.stats.mainThreadMs, wall: Date.now() };
    await page.waitForTimeout(10_000);
    const end = { cpu: (await reportOf(serviceWorker, 'sciatica'))!.stats.mainThreadMs, wall: Date.now() };
    const share = (end.cpu - start.cpu) / (end.wall - start.wall);
    console.log(`mutating page, 10 s: extension main thread ${(share * 100).toFixed(1)}% of wall time`);
    expect(share).toBeLessThan(0.2);
    expect(await page.evaluate(() => (window as unknown as { mutations: () => number }).mutations())).toBeGreaterThan(1000);
    expect(await paintedTerms(page)).toEqual(expect.arrayContaining(['sciatica', 'nerve glides']));
    expect(watch.errors).toEqual([]);
  });

  test('a 10 MB single text node is scanned without a long task, and its terms are painted', async ({ context, pageUrl, serviceWorker }) => {
    test.setTimeout(60_000);
    const page = await context.newPage();
    const watch = await watchPage(page);
    await page.goto(pageUrl('generated/big-text-node.html'));
    await expect.poll(() => paintedTerms(page), { timeout: 30_000 }).toEqual(expect.arrayContaining(['plantar fasciitis', 'sciatica', 'tennis elbow']));
    await expect.poll(() => reportOf(serviceWorker, 'plantar-fasciitis')).toBeDefined();
    const report = (await reportOf(serviceWorker, 'plantar-fasciitis')) as unknown as { stats: { longestSliceMs: number; mainThreadMs: number } };
    console.log(`10 MB text node: ${report.stats.mainThreadMs.toFixed(0)} ms main thread, longest slice ${report.stats.longestSliceMs.toFixed(1)} ms`);
    expect(watch.errors).toEqual([]);
    expect(await watch.changes()).toEqual([]);
  });

  test('a DOM 5,000 elements deep', async ({ context, pageUrl }) => {
    const page = await context.newPage();
    const watch = await watchPage(page);
    await page.goto(pageUrl('generated/deep-dom.html'));
    await expect.poll(() => paintedTerms(page)).toEqual(expect.arrayContaining(['carpal tunnel syndrome', 'frozen shoulder']));
    expect(watch.errors).toEqual([]);
    expect(await watch.changes()).toEqual([]);
  });

  test('twenty frames: same-origin, cross-origin, sandboxed and srcdoc', async ({ context, pageUrl, crossOriginUrl }) => {
    const page = await context.newPage();
    const watch = await watchPage(page);
    await page.goto(`${pageUrl('hostile/frames-20.html')}?cross=${encodeURIComponent(new URL(crossOriginUrl('x')).origin)}`);
    expect(await page.evaluate(() => (window as unknown as { frameCount: () => number }).frameCount())).toBe(20);
    await expect.poll(() => paintedTerms(page)).toEqual(['sciatica']);
    const painted = async () =>
      (
        await Promise.all(
          page.frames().slice(1).map((frame) =>
            frame.evaluate(() => [...(CSS.highlights.get('physiolens-term') ?? [])].length).catch(() => 0),
          ),
        )
      ).filter((count) => count > 0).length;
    // Same-origin, cross-origin and srcdoc frames run their own content script.
    await expect.poll(painted).toBeGreaterThanOrEqual(15);
    expect(watch.errors).toEqual([]);
  });

  test('open and closed shadow roots', async ({ context, pageUrl }) => {
    const page = await context.newPage();
    const watch = await watchPage(page);
    await page.goto(pageUrl('shadow.html'));
    await expect.poll(() => paintedTerms(page)).toEqual(expect.arrayContaining(['carpal tunnel syndrome', 'frozen shoulder']));
    expect(await paintedTerms(page)).not.toContain('tennis elbow');
    expect(watch.errors).toEqual([]);
  });

  test('a contenteditable editor and a textarea full of PT words: no highlights there, and typing works', async ({ context, pageUrl }) => {
    const page = await context.newPage();
    const watch = await watchPage(page);
    await page.goto(pageUrl('hostile/editors.html'));
    await expect.poll(() => paintedTerms(page)).toEqual(['frozen shoulder']);
    await page.locator('#editor p').click();
    await page.keyboard.type(' Whiplash and sciatica typed here.');
    await page.locator('#notes').click();
    await page.keyboard.type(' More sciatica.');
    await page.waitForTimeout(600);
    expect(await paintedTerms(page)).toEqual(['frozen shoulder']);
    const [editor, notes] = await page.evaluate(() => (window as unknown as { typed: () => string[] }).typed());
    expect(editor).toContain('Whiplash and sciatica typed here.');
    expect(notes).toContain('More sciatica.');
    expect(watch.errors).toEqual([]);
  });

  test('right-to-left and CJK text mixed with English terms', async ({ context, pageUrl }) => {
    const page = await context.newPage();
    const watch = await watchPage(page);
    await page.goto(pageUrl('hostile/rtl-cjk.html'));
    await expect.poll(() => paintedTerms(page)).toEqual(['sciatica', 'frozen shoulder', 'plantar fasciitis', 'tennis elbow']);
    await hoverTerm(page, 'sciatica');
    const tooltip = page.getByRole('tooltip');
    await expect(tooltip).toBeVisible();
    const box = (await tooltip.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    expect(watch.errors).toEqual([]);
  });

  test('a page with its own CSS highlights: they survive untouched, and ours still show', async ({ context, pageUrl }) => {
    const page = await context.newPage();
    const watch = await watchPage(page);
    await page.goto(pageUrl('hostile/own-highlights.html'));
    await expect.poll(() => paintedTerms(page)).toContain('carpal tunnel syndrome');
    await hoverTerm(page, 'carpal tunnel syndrome');
    await expect(page.getByRole('tooltip')).toBeVisible();
    const own = await page.evaluate(() => {
      const highlight = CSS.highlights.get('search-results');
      const range = highlight ? [...highlight][0] : undefined;
      return {
        same: highlight === (window as unknown as { pageHighlight: Highlight }).pageHighlight,
        size: highlight?.size,
        text: range ? range.startContainer.textContent!.slice(range.startOffset, range.endOffset) : null,
      };
    });
    expect(own).toEqual({ same: true, size: 1, text: 'search results' });
    expect(watch.errors).toEqual([]);
  });

  test("a page that uses the extension's names (its element name, classes, styles): the tooltip still works", async ({ context, pageUrl }) => {
    const page = await context.newPage();
    const watch = await watchPage(page);
    await page.goto(pageUrl('hostile/same-names.html'));
    // The page hides its own ".tooltip" paragraph, so tennis elbow is not rendered, and not painted.
    await expect.poll(() => paintedTerms(page)).toEqual(['sciatica', 'frozen shoulder']);
    await hoverTerm(page, 'sciatica');
    const tooltip = page.getByRole('tooltip');
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toContainText('Sciatica');
    // The page's own element of that name is untouched.
    await expect(page.locator('#fake')).toHaveText("The page's own element with the extension's name.");
    expect(watch.errors).toEqual([]);
  });

  test("a page that forges the extension's messages and WXT's start event: ignored, or a clean stand-down", async ({ context, pageUrl, serviceWorker, extensionId }) => {
    const page = await context.newPage();
    const watch = await watchPage(page);
    await page.goto(pageUrl('hostile/forge.html'));
    await expect.poll(() => paintedTerms(page)).toEqual(expect.arrayContaining(['sciatica', 'carpal tunnel syndrome']));
    // Messages shaped like the extension's are ignored: no side panel request, no walk.
    await page.evaluate(() => (window as unknown as { forgeMessages: () => number }).forgeMessages());
    await page.waitForTimeout(500);
    expect(await serviceWorker.evaluate(async () => (await chrome.storage.session.get('sidePanelRequest')).sidePanelRequest)).toBeUndefined();
    await expect(page.getByRole('tooltip')).toBeHidden();
    // The extension never posted anything to the page (noScriptStartedPostMessage).
    const received = await page.evaluate(() => (window as unknown as { received: unknown[] }).received);
    expect(received).toHaveLength(3);
    // A page that knows the extension id can fire WXT's "script started" event: the content
    // script then stands down, and tears down cleanly: nothing half-painted, no errors.
    await page.evaluate((id) => (window as unknown as { forgeScriptStarted: (id: string) => void }).forgeScriptStarted(id), extensionId);
    await expect.poll(() => paintedTerms(page)).toEqual([]);
    expect(await page.evaluate(() => [...CSS.highlights.keys()].filter((name) => name.startsWith('physiolens')))).toEqual([]);
    expect(watch.errors).toEqual([]);
    expect(await watch.changes()).toEqual([]);
  });
});
