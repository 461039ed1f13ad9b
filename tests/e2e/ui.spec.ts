import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, paintedTerms, test } from './fixtures';

/**
 * The extension pages, opened as tabs (chrome-extension://<id>/popup.html …). A page opened as a
 * tab acts on the tab named by `?tab=<id>`, as the popup acts on the active tab.
 */
const require = createRequire(import.meta.url);

async function tabIdOf(serviceWorker: Worker, url: string): Promise<number> {
  return serviceWorker.evaluate(async (wanted) => {
    const [tab] = await chrome.tabs.query({ url: wanted });
    return tab!.id!;
  }, url);
}

async function openArticle(context: BrowserContext, pageUrl: (name: string) => string, serviceWorker: Worker) {
  const page = await context.newPage();
  await page.goto(pageUrl('article.html'));
  await expect.poll(() => paintedTerms(page)).toContain('sciatica');
  return { page, tabId: await tabIdOf(serviceWorker, pageUrl('article.html')) };
}

/**
 * axe-core in the page: the serious and critical violations, by rule and element. Extension pages
 * forbid inline scripts (CSP `script-src 'self'`), so `addScriptTag` is refused; the source is run
 * through the debugger protocol instead, which the page's CSP does not govern.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string; impact?: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${JSON.stringify(node.target)}`));
  });
}

test.describe('the popup', () => {
  test('finds tennis elbow from "tenis elbo", by keyboard, and Esc goes back', async ({ context, extensionId }) => {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const search = popup.getByRole('searchbox', { name: 'Search physical-therapy terms' });
    await expect(search).toBeFocused();
    await search.pressSequentially('tenis elbo');
    const options = popup.getByRole('listbox', { name: 'Results' }).getByRole('option');
    await expect(options.first()).toContainText('Tennis elbow');
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
    await search.press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await search.press('ArrowUp');
    await search.press('Enter');
    await expect(popup.getByRole('heading', { level: 2, name: 'Tennis elbow' })).toBeFocused();
    await expect(popup.getByRole('region', { name: 'When to get help' })).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Open in side panel' })).toBeVisible();
    await popup.keyboard.press('Escape');
    await expect(popup.getByRole('searchbox')).toHaveValue('tenis elbo');
  });

  test('lists the terms on the page and switches the site off and on, which the page follows at once', async ({ context, extensionId, pageUrl, serviceWorker }) => {
    const { page, tabId } = await openArticle(context, pageUrl, serviceWorker);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    const onPage = popup.getByRole('region', { name: 'On this page' });
    await expect(onPage.getByRole('button', { name: /^Sciatica, found once/ })).toBeVisible();
    await expect(onPage.getByRole('button', { name: /^Carpal tunnel syndrome, found/ })).toBeVisible();
    await expect(popup.getByRole('region', { name: 'Page status' })).toContainText(/On\. \d+ terms found on this page/);
    const toggle = popup.getByRole('switch', { name: 'Highlight terms on 127.0.0.1' });
    await expect(toggle).toBeChecked();
    await toggle.click();
    await expect(toggle).not.toBeChecked();
    await expect(popup.getByRole('region', { name: 'Page status' })).toContainText('Off on this site');
    await expect.poll(() => paintedTerms(page)).toEqual([]);
    await toggle.click();
    await expect.poll(() => paintedTerms(page)).toContain('sciatica');
  });

  test('says plainly why an extension page is not scanned', async ({ context, extensionId }) => {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(popup.getByRole('region', { name: 'Page status' })).toContainText('extension page');
    await expect(popup.getByRole('switch')).toHaveCount(0);
  });
});

test.describe('the side panel', () => {
  test('reads an entry, follows two related links and comes back with Back and Alt+←', async ({ context, extensionId }) => {
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    const search = panel.getByRole('searchbox');
    await search.fill('tenis elbo');
    await search.press('Enter');
    const heading = panel.getByRole('article').getByRole('heading', { level: 2 });
    await expect(heading).toHaveText('Tennis elbow');
    await expect(panel.getByRole('list', { name: 'Kind and body regions' })).toContainText('Elbow');
    await expect(panel.getByRole('img', { name: /Body map: Elbow marked/ })).toBeVisible();
    const reference = panel.locator('.references a').first();
    await expect(reference).toHaveAttribute('target', '_blank');
    const names = ['Tennis elbow'];
    for (let step = 0; step < 2; step++) {
      const related = panel.getByRole('navigation', { name: 'Related entries' }).getByRole('link').first();
      names.push((await related.textContent())!);
      await related.click();
      await expect(heading).toHaveText(names[names.length - 1]!);
    }
    await panel.getByRole('button', { name: 'Back' }).click();
    await expect(heading).toHaveText(names[1]!);
    await panel.keyboard.press('Alt+ArrowLeft');
    await expect(heading).toHaveText('Tennis elbow');
    await panel.keyboard.press('Alt+ArrowRight');
    await expect(heading).toHaveText(names[1]!);
  });

  test('opens on the entry it is asked for, and says "not found" for an unknown id', async ({ context, extensionId, serviceWorker }) => {
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html#entry/tenis-elbo`);
    await expect(panel.getByRole('heading', { level: 2, name: 'Entry not found' })).toBeVisible();
    await expect(panel.getByRole('link', { name: 'Tennis elbow' })).toBeVisible();
    await serviceWorker.evaluate(() => chrome.storage.session.set({ sidePanelRequest: { entryId: 'plantar-fasciitis', at: Date.now() } }));
    await expect(panel.getByRole('heading', { level: 2, name: 'Plantar fasciitis' })).toBeVisible();
  });

  test('lists the terms on the page in the tab', async ({ context, extensionId, pageUrl, serviceWorker }) => {
    const { tabId } = await openArticle(context, pageUrl, serviceWorker);
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
    const onPage = panel.getByRole('region', { name: 'On this page' });
    await expect(onPage.getByRole('link', { name: 'Plantar fasciitis' })).toBeVisible();
    await onPage.getByRole('link', { name: 'Sciatica' }).click();
    await expect(panel.getByRole('heading', { level: 2, name: 'Sciatica' })).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Show on page' })).toBeVisible();
  });

  test('fits the narrowest panel (320 px) without scrolling sideways', async ({ context, extensionId }) => {
    const panel = await context.newPage();
    await panel.setViewportSize({ width: 320, height: 700 });
    for (const hash of ['', '#entry/carpal-tunnel-syndrome', '#region/knee']) {
      await panel.goto(`chrome-extension://${extensionId}/sidepanel.html${hash}`);
      await expect(panel.getByRole('searchbox')).toBeVisible();
      expect(await panel.evaluate(() => document.documentElement.scrollWidth), hash).toBeLessThanOrEqual(320);
    }
  });
});

test.describe('the options page', () => {
  test('explains every setting, and turning the last site off clears its page at once', async ({ context, extensionId, pageUrl, serviceWorker }) => {
    const { page } = await openArticle(context, pageUrl, serviceWorker);
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    for (const label of ['Highlight terms on pages', 'Count terms on the toolbar button']) await expect(options.getByRole('switch', { name: label })).toBeVisible();
    for (const group of ['Sites where PhysioLens stays off', 'Kinds of terms to highlight', 'Highlight every occurrence', 'How terms look', 'What opens the explanation', 'Theme', 'Terms you chose not to highlight']) {
      await expect(options.getByRole('group', { name: group })).toBeVisible();
    }
    await expect(options.getByRole('slider', { name: 'Tooltip delay' })).toBeVisible();
    await options.getByRole('button', { name: 'Turn off on 127.0.0.1' }).click();
    await expect.poll(() => paintedTerms(page)).toEqual([]);
    await options.getByRole('button', { name: 'Remove 127.0.0.1' }).click();
    await expect.poll(() => paintedTerms(page)).toContain('sciatica');
  });

  test('the theme applies to the open side panel at once', async ({ context, extensionId }) => {
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByRole('radio', { name: 'Dark' }).check();
    await expect(panel.locator('html')).toHaveAttribute('data-theme', 'dark');
    const background = await panel.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(22, 25, 28)');
    await options.getByRole('radio', { name: 'Same as the system' }).check();
    await expect(panel.locator('html')).not.toHaveAttribute('data-theme', /.+/);
  });

  test('"Reset to defaults" asks first, and Esc says no', async ({ context, extensionId }) => {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByRole('switch', { name: 'Count terms on the toolbar button' }).uncheck();
    await options.getByRole('button', { name: 'Reset to defaults' }).click();
    const dialog = options.getByRole('dialog', { name: 'Reset every setting?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await options.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(options.getByRole('switch', { name: 'Count terms on the toolbar button' })).not.toBeChecked();
    await options.getByRole('button', { name: 'Reset to defaults' }).click();
    await dialog.getByRole('button', { name: 'Reset' }).click();
    await expect(options.getByRole('switch', { name: 'Count terms on the toolbar button' })).toBeChecked();
  });
});

test.describe('accessibility (axe-core)', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const path of ['popup.html', 'sidepanel.html', 'sidepanel.html#region/knee', 'sidepanel.html#entry/carpal-tunnel-syndrome', 'options.html']) {
      test(`${path} in ${colorScheme}: no serious or critical violations`, async ({ context, extensionId }) => {
        const page = await context.newPage();
        await page.emulateMedia({ colorScheme });
        await page.goto(`chrome-extension://${extensionId}/${path}`);
        await expect(page.getByRole('heading').first()).toBeVisible();
        await page.waitForTimeout(200);
        expect(await seriousViolations(page)).toEqual([]);
      });
    }
  }
});
