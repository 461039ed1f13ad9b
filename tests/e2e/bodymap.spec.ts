import { expect, test } from './fixtures';

test.describe('the body map in the side panel', () => {
  test('picks the knee, lists its conditions first, and opens an entry', async ({ context, extensionId }) => {
    const panel = await context.newPage();
    await panel.setViewportSize({ width: 360, height: 800 });
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    const map = panel.getByRole('group', { name: 'Body map: choose where it hurts' });
    const knee = map.getByRole('button', { name: 'Knee' });
    // A region is drawn on both legs: click the shape, not the gap between them.
    await knee.locator('circle').first().click();
    await expect(knee).toHaveAttribute('aria-pressed', 'true');
    await expect(panel.getByRole('status').filter({ hasText: /^Knee: \d+ entries/ })).toBeVisible();
    const list = panel.getByRole('region', { name: 'Knee' });
    await expect(list.getByRole('heading', { level: 4 }).first()).toHaveText(/^Condition \(\d+\)$/);
    await list.getByRole('link', { name: 'Meniscus tear' }).click();
    await expect(panel.getByRole('heading', { level: 2, name: 'Meniscus tear' })).toBeVisible();
    await expect(panel.getByRole('img', { name: /Knee/ })).toBeVisible();
    await panel.getByRole('button', { name: 'Back' }).click();
    await expect(panel.getByRole('button', { name: 'Knee', pressed: true })).toBeVisible();
  });

  test('is reached with Tab, moved with the arrow keys, and chosen with Enter', async ({ context, extensionId }) => {
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    const map = panel.getByRole('group', { name: 'Body map: choose where it hurts' });
    await map.getByRole('button', { name: 'Head' }).focus();
    await panel.keyboard.press('ArrowDown');
    await panel.keyboard.press('ArrowDown');
    await expect(map.getByRole('button', { name: 'Shoulder' })).toBeFocused();
    await panel.keyboard.press('Enter');
    await expect(map.getByRole('button', { name: 'Shoulder' })).toHaveAttribute('aria-pressed', 'true');
    await expect(panel.getByRole('region', { name: 'Shoulder' }).getByRole('link', { name: 'Frozen shoulder' })).toBeVisible();
    // One tab stop: Tab leaves the map.
    await panel.keyboard.press('Tab');
    expect(await panel.evaluate(() => document.activeElement?.closest('[role="group"]')?.getAttribute('aria-label'))).not.toBe('Body map: choose where it hurts');
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`screenshot in ${colorScheme}`, async ({ context, extensionId }, testInfo) => {
      const panel = await context.newPage();
      await panel.setViewportSize({ width: 360, height: 900 });
      await panel.emulateMedia({ colorScheme });
      await panel.goto(`chrome-extension://${extensionId}/sidepanel.html#region/knee`);
      const map = panel.locator('.body-map');
      await expect(map.getByRole('button', { name: 'Knee', pressed: true })).toBeVisible();
      await map.getByRole('button', { name: 'Elbow' }).focus();
      await map.screenshot({ path: testInfo.outputPath(`body-map-${colorScheme}.png`), animations: 'disabled' });
    });
  }
});
