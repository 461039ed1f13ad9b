import type { Page, Worker } from '@playwright/test';
import { expect, hoverTerm, paintedTerms, pointOfTerm, test } from './fixtures';

const focused = (page: Page) =>
  page.evaluate(() => {
    const highlight = CSS.highlights.get('physiolens-focus');
    const range = highlight ? [...highlight][0] : undefined;
    if (!range) return null;
    const live = document.createRange();
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    return live.toString();
  });

async function activeTabId(serviceWorker: Worker): Promise<number> {
  return serviceWorker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
}

async function setSetting(serviceWorker: Worker, name: string, value: unknown): Promise<void> {
  await serviceWorker.evaluate(([key, stored]) => chrome.storage.local.set({ [key]: stored }), [`setting:${name}`, { v: 1, value }] as const);
}

test.describe('the tooltip', () => {
  test('waits for hover intent, stays open while the pointer moves onto it, and closes after leaving', async ({ context, pageUrl }) => {
    const page = await context.newPage();
    await page.goto(pageUrl('long-article.html'));
    await expect.poll(() => paintedTerms(page)).toContain('patellofemoral pain');
    const tooltip = page.getByRole('tooltip');
    // Passing quickly over a term opens nothing.
    const point = await pointOfTerm(page, 'patellofemoral pain');
    await page.mouse.move(point.x, point.y - 60);
    await page.mouse.move(point.x, point.y, { steps: 2 });
    await page.mouse.move(point.x, point.y + 200, { steps: 2 });
    await page.waitForTimeout(500);
    await expect(tooltip).toBeHidden();
    // Resting on it opens the tooltip after the delay.
    await page.mouse.move(point.x, point.y, { steps: 2 });
    await expect(tooltip).toBeHidden({ timeout: 150 });
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toContainText('Patellofemoral pain');
    await expect(tooltip).toContainText('not medical advice');
    await expect(tooltip.getByRole('button', { name: 'Don’t highlight this term' })).toBeVisible();
    // Moving onto the tooltip keeps it open (hoverable).
    const box = (await tooltip.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 10, { steps: 8 });
    await page.waitForTimeout(600);
    await expect(tooltip).toBeVisible();
    // Leaving both closes it after the grace period.
    await page.mouse.move(5, 5, { steps: 4 });
    await expect(tooltip).toBeHidden();
  });

  test('follows a related link inside the tooltip', async ({ context, pageUrl }) => {
    const page = await context.newPage();
    await page.goto(pageUrl('article.html'));
    await expect.poll(() => paintedTerms(page)).toContain('sciatica');
    await hoverTerm(page, 'sciatica');
    const tooltip = page.getByRole('tooltip');
    await expect(tooltip).toContainText('Sciatica');
    const related = tooltip.getByRole('link').first();
    const name = (await related.textContent())!;
    await related.click();
    await expect(tooltip.locator('.tooltip-name')).toHaveText(name);
  });

  test('"Don’t highlight this term" mutes it on every page, and it is listed in the settings', async ({ context, pageUrl, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto(pageUrl('article.html'));
    await expect.poll(() => paintedTerms(page)).toContain('sciatica');
    await hoverTerm(page, 'sciatica');
    await page.getByRole('tooltip').getByRole('button', { name: 'Don’t highlight this term' }).click();
    await expect.poll(() => paintedTerms(page)).not.toContain('sciatica');
    expect(await paintedTerms(page)).toContain('carpal tunnel syndrome');
    const stored = await serviceWorker.evaluate(async () => (await chrome.storage.local.get('setting:mutedTerms'))['setting:mutedTerms']);
    expect(stored).toEqual({ v: 1, value: ['sciatica'] });
  });

  test('opens on click only with the click trigger, and is placed inside the viewport for right-to-left text', async ({ context, pageUrl, serviceWorker }) => {
    await setSetting(serviceWorker, 'tooltipTrigger', 'click');
    const page = await context.newPage();
    await page.goto(pageUrl('long-article.html'));
    await expect.poll(() => paintedTerms(page)).toContain('patellofemoral pain');
    const point = await pointOfTerm(page, 'patellofemoral pain');
    await page.mouse.move(point.x, point.y, { steps: 2 });
    await page.waitForTimeout(600);
    await expect(page.getByRole('tooltip')).toBeHidden();
    await page.mouse.click(point.x, point.y);
    await expect(page.getByRole('tooltip')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('tooltip')).toBeHidden();
  });

  test('writes screenshots of the tooltip in light and dark', async ({ context, pageUrl, serviceWorker }, testInfo) => {
    for (const theme of ['light', 'dark'] as const) {
      await setSetting(serviceWorker, 'theme', theme);
      const page = await context.newPage();
      await page.goto(pageUrl('article.html'));
      await expect.poll(() => paintedTerms(page)).toContain('sciatica');
      await hoverTerm(page, 'sciatica');
      const tooltip = page.getByRole('tooltip');
      await expect(tooltip).toHaveAttribute('data-theme', theme);
      await page.screenshot({ path: testInfo.outputPath(`tooltip-${theme}.png`) });
      await page.close();
    }
  });
});

test.describe('the keyboard walk', () => {
  test('the command focuses the first term on screen; N and P move, Enter opens the panel, Esc leaves', async ({ context, pageUrl, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto(pageUrl('long-article.html'));
    await expect.poll(() => paintedTerms(page)).toContain('plantar fasciitis');
    await page.bringToFront();
    const tabId = await activeTabId(serviceWorker);
    expect(await serviceWorker.evaluate((id) => (globalThis as unknown as { physiolens: { walkTerms(id: number): Promise<boolean> } }).physiolens.walkTerms(id), tabId)).toBe(true);
    const tooltip = page.getByRole('tooltip');
    // The first term on screen is "physio" in the heading.
    await expect(tooltip).toBeVisible();
    await expect(tooltip.locator('.tooltip-name')).toHaveText('Physical therapy');
    await expect(tooltip).toContainText('next, previous');
    expect(await focused(page)).toBe('physio');
    // Screen readers hear the tooltip through a live region.
    await expect(page.locator('physiolens-ui').getByRole('status')).toContainText('Physical therapy');
    await page.keyboard.press('n');
    await expect(tooltip.locator('.tooltip-name')).toHaveText('Patellofemoral pain');
    expect(await focused(page)).toBe('patellofemoral pain');
    await page.keyboard.press('ArrowDown');
    await expect(tooltip.locator('.tooltip-name')).not.toHaveText('Patellofemoral pain');
    await page.keyboard.press('p');
    await expect(tooltip.locator('.tooltip-name')).toHaveText('Patellofemoral pain');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => serviceWorker.evaluate(async () => ((await chrome.storage.session.get('sidePanelRequest')).sidePanelRequest as { entryId?: string } | undefined)?.entryId))
      .toBe('patellofemoral-pain');
    await page.keyboard.press('Escape');
    await expect(tooltip).toBeHidden();
    expect(await focused(page)).toBeNull();
  });

  test('"Look up" from the context menu opens the side panel on the best match', async ({ context, pageUrl, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto(pageUrl('article.html'));
    await page.bringToFront();
    const tabId = await activeTabId(serviceWorker);
    const entryId = await serviceWorker.evaluate(
      (id) => (globalThis as unknown as { physiolens: { lookUpSelection(text: string, id: number): Promise<string> } }).physiolens.lookUpSelection('frozen sholder', id),
      tabId,
    );
    expect(entryId).toBe('frozen-shoulder');
    // A real menu click is a user gesture and opens the panel; from evaluate() it cannot, so the
    // panel is opened here as a page and must show the entry the menu asked for.
    await expect
      .poll(() => serviceWorker.evaluate(async () => ((await chrome.storage.session.get('sidePanelRequest')).sidePanelRequest as { entryId?: string } | undefined)?.entryId))
      .toBe('frozen-shoulder');
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${new URL(serviceWorker.url()).host}/sidepanel.html`);
    await expect(panel.getByRole('heading', { level: 2, name: 'Frozen shoulder' })).toBeVisible();
  });
});

test.describe('terms on this page', () => {
  test('choosing a term in the popup list scrolls the page to it and flashes it', async ({ context, pageUrl, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto(pageUrl('long-article.html'));
    await expect.poll(() => paintedTerms(page)).toContain('plantar fasciitis');
    await page.bringToFront();
    const tabId = await activeTabId(serviceWorker);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    // What the popup's "On this page" list sends when a term is chosen.
    const reply = await serviceWorker.evaluate(
      (id) => chrome.tabs.sendMessage(id, { physiolens: 1, to: 'content', type: 'showTermOnPage', data: { entryId: 'plantar-fasciitis' } }, { frameId: 0 }),
      tabId,
    );
    expect(reply).toEqual({ ok: true, value: { found: true } });
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
    expect(await focused(page)).toBe('plantar fasciitis');
    await expect.poll(() => focused(page), { timeout: 5000 }).toBeNull();
  });
});

test.describe('the highlight style', () => {
  test('is in place before the page styles anything, and changes without touching the page\'s styles', async ({ context, pageUrl, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto(pageUrl('styled.html'));
    await expect.poll(() => paintedTerms(page)).toEqual(['Sciatica', 'Plantar fasciitis']);
    // The sheet was adopted at document_start, so painting never made the page restyle itself.
    expect(await page.evaluate(() => (window as unknown as { sheetsAtFirstScript: number }).sheetsAtFirstScript)).toBe(1);
    const sheets = () => page.evaluate(() => document.adoptedStyleSheets.map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join('\n')));
    const before = await sheets();
    expect(before).toHaveLength(1);

    await setSetting(serviceWorker, 'highlightStyle', 'tint');
    await expect.poll(() => page.evaluate(() => CSS.highlights.get('physiolens-term-tint')?.size ?? 0)).toBe(2);
    expect(await page.evaluate(() => CSS.highlights.has('physiolens-term'))).toBe(false);
    expect(await sheets()).toEqual(before);

    await setSetting(serviceWorker, 'highlightStyle', 'underline');
    await expect.poll(() => paintedTerms(page)).toEqual(['Sciatica', 'Plantar fasciitis']);
  });
});
