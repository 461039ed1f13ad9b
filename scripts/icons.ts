/**
 * Renders the toolbar icon (an original drawing: a lens over a spine-like stack) to the PNG sizes
 * the manifest needs, with the system Chromium: `npx tsx scripts/icons.ts`.
 */
import { chromium } from '@playwright/test';
import { join, resolve } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

export const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="28" fill="#0b7a75"/>
  <circle cx="56" cy="56" r="32" fill="#ffffff" stroke="#ffffff" stroke-width="4"/>
  <circle cx="56" cy="56" r="26" fill="#e3f2f1"/>
  <rect x="48" y="34" width="16" height="9" rx="4" fill="#0b7a75"/>
  <rect x="46" y="47" width="20" height="9" rx="4" fill="#0b7a75"/>
  <rect x="48" y="60" width="16" height="9" rx="4" fill="#0b7a75"/>
  <line x1="80" y1="80" x2="108" y2="108" stroke="#ffffff" stroke-width="14" stroke-linecap="round"/>
</svg>`;

const out = resolve(import.meta.dirname, '../public/icon');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
try {
  for (const size of [16, 32, 48, 128]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<body style="margin:0;background:transparent">${ICON_SVG.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body>`);
    await page.screenshot({ path: join(out, `${size}.png`), omitBackground: true });
    await page.close();
  }
  console.log('Wrote public/icon/{16,32,48,128}.png');
} finally {
  await browser.close();
}
