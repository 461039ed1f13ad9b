/**
 * Writes docs/screenshot.png for the README: the built extension in Chromium, a tooltip open on
 * the e2e article page. Run after `npm run build`: `npx tsx scripts/screenshot.ts`.
 */
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startPageServer } from '../tests/e2e/server';
import { CHROMIUM_ARGS, CHROMIUM_PATH, extensionArgs } from './chromium';

const root = resolve(import.meta.dirname, '..');
const extension = join(root, '.output/chrome-mv3');
const server = await startPageServer(join(root, 'tests/e2e/pages'));
const userDataDir = mkdtempSync(join(tmpdir(), 'physiolens-shot-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: CHROMIUM_PATH,
  headless: true,
  viewport: { width: 900, height: 520 },
  args: [...CHROMIUM_ARGS, ...extensionArgs(extension)],
});
try {
  const page = await context.newPage();
  await page.goto(`${server.origin}/article.html`);
  await page.waitForFunction(() => (CSS.highlights.get('physiolens-term')?.size ?? 0) > 0);
  const point = await page.evaluate(() => {
    for (const range of CSS.highlights.get('physiolens-term') ?? []) {
      const live = document.createRange();
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
      if (live.toString() === 'sciatica') {
        const rect = live.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
    }
    throw new Error('sciatica is not painted');
  });
  await page.mouse.move(point.x, point.y, { steps: 3 });
  await page.getByRole('tooltip').waitFor();
  await page.waitForTimeout(200);
  await page.screenshot({ path: join(root, 'docs/screenshot.png') });
  console.log('Wrote docs/screenshot.png');
} finally {
  await context.close();
  await server.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
