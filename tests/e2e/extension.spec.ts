import { expect, hoverTerm, paintedTerms, test } from './fixtures';

test.describe('on a web page', () => {
  test('paints PT terms, across inline elements, and nothing in code, fields or "tens of"', async ({ context, pageUrl }) => {
    const page = await context.newPage();
    await page.goto(pageUrl('article.html'));
    await expect.poll(() => paintedTerms(page)).toContain('sciatica');
    const painted = await paintedTerms(page);
    expect(painted).toContain('carpal tunnel syndrome');
    expect(painted).toContain('plantar fasciitis');
    expect(painted.filter((text) => text.toLowerCase() === 'sciatica')).toHaveLength(1);
    expect(painted.join(' ').toLowerCase()).not.toContain('tens');
  });

  test('leaves the page DOM as it was', async ({ context, pageUrl }) => {
    const page = await context.newPage();
    await page.goto(pageUrl('article.html'));
    await expect.poll(() => paintedTerms(page)).toContain('sciatica');
    const html = await page.evaluate(() => document.body.innerHTML);
    expect(html).toContain('carpal <em>tunnel</em> syndrome');
    expect(html).not.toContain('physiolens');
  });

  test('hovering a term shows its tooltip, and Esc closes it', async ({ context, pageUrl }) => {
    const page = await context.newPage();
    await page.goto(pageUrl('article.html'));
    await expect.poll(() => paintedTerms(page)).toContain('sciatica');
    await hoverTerm(page, 'sciatica');
    const tooltip = page.getByRole('tooltip');
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toContainText('Sciatica');
    await expect(tooltip).toContainText('Condition');
    await expect(tooltip.getByRole('button', { name: 'Open in side panel' })).toBeVisible();
    await expect(tooltip.locator('.tooltip-summary')).not.toBeEmpty();
    await page.keyboard.press('Escape');
    await expect(tooltip).toBeHidden();
  });

  test('"Open in side panel" asks the background to open the panel on that entry', async ({ context, pageUrl, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto(pageUrl('article.html'));
    await expect.poll(() => paintedTerms(page)).toContain('sciatica');
    await hoverTerm(page, 'sciatica');
    await page.getByRole('tooltip').getByRole('button', { name: 'Open in side panel' }).click();
    await expect
      .poll(() => serviceWorker.evaluate(async () => ((await chrome.storage.session.get('sidePanelRequest')).sidePanelRequest as { entryId?: string } | undefined)?.entryId))
      .toBe('sciatica');
    await expect
      .poll(() =>
        serviceWorker.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.SIDE_PANEL] })).length),
      )
      .toBeGreaterThan(0);
  });

  test('the highlighting switch in the options page turns painting off and on', async ({ context, pageUrl, extensionId }) => {
    const page = await context.newPage();
    await page.goto(pageUrl('article.html'));
    await expect.poll(() => paintedTerms(page)).toContain('sciatica');
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const toggle = options.getByRole('switch', { name: 'Highlight terms on pages' });
    await expect(toggle).toBeChecked();
    await toggle.uncheck();
    await expect.poll(() => paintedTerms(page)).toEqual([]);
    await toggle.check();
    await expect.poll(() => paintedTerms(page)).toContain('sciatica');
  });
});

test.describe('popup and side panel', () => {
  test('the popup finds Sciatica from the typo "siatica" and shows the entry', async ({ context, extensionId }) => {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const search = popup.getByRole('searchbox');
    await expect(search).toBeFocused();
    await search.fill('siatica');
    const option = popup.getByRole('listbox').getByRole('option').first();
    await expect(option).toContainText('Sciatica');
    await search.press('Enter');
    await expect(popup.getByRole('heading', { level: 2, name: 'Sciatica' })).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Open side panel' })).toBeVisible();
  });

  test('the side panel searches, shows every section, and follows related links', async ({ context, extensionId }) => {
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    await panel.getByRole('searchbox').fill('carpal tunnel');
    await panel.getByRole('option', { name: /Carpal tunnel syndrome/ }).click();
    await expect(panel.getByRole('heading', { level: 2, name: 'Carpal tunnel syndrome' })).toBeVisible();
    for (const title of ['What it is', 'How it feels', 'How physical therapy helps', 'When to get help']) {
      await expect(panel.getByRole('region', { name: title })).toBeVisible();
    }
    const related = panel.getByRole('navigation', { name: 'Related entries' }).getByRole('link').first();
    const relatedName = (await related.textContent())!;
    await related.click();
    await expect(panel.getByRole('heading', { level: 2, name: relatedName })).toBeVisible();
    await panel.getByRole('button', { name: 'Back' }).click();
    await expect(panel.getByRole('heading', { level: 2, name: 'Carpal tunnel syndrome' })).toBeVisible();
  });
});
